import { describe, expect, it } from 'vitest';
import { EXTENSION_ID, websocket } from '../src/sb3/websocket';

/** How test projects save our blocks: inputs for slots, fields for menus that take no reporters. */
describe('websocket() block builder', () => {
  it('saves a menu without a reporter slot as a field of the block, and other arguments as inputs', () => {
    expect(websocket('statistic', 'queued messages')).toEqual({ opcode: `${EXTENSION_ID}_statistic`, fields: { STAT: 'queued messages' } });
    expect(websocket('setAutoReconnect', 'on')).toEqual({ opcode: `${EXTENSION_ID}_setAutoReconnect`, fields: { ENABLED: 'on' } });
    expect(websocket('connectWithProtocols', 'ws://127.0.0.1:1/', 'chat')).toEqual({
      opcode: `${EXTENSION_ID}_connectWithProtocols`,
      inputs: { URL: 'ws://127.0.0.1:1/', PROTOCOLS: 'chat' },
    });
  });

  it('refuses a reporter for a menu field, naming the block and argument', () => {
    expect(() => websocket('statistic', websocket('messageData'))).toThrow(/statistic: STAT is a menu field/);
  });
});
