// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('messageData', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('messageData')).toEqual({
      opcode: 'messageData',
      blockType: 'reporter',
      text: 'received message data',
      disableMonitor: true,
    });
  });

  it('is empty before any message, then the text of the message delivered', async () => {
    const { extension, host, sprite, connect, util } = await setup();
    const side = await connect();
    expect(extension.messageData({}, util())).toBe('');
    const delivered = host.nextHat(HAT_OPCODES.message, sprite);
    side.socket.send('héllo 👋');
    await within(delivered, 'the message hat');
    expect(extension.messageData({}, util())).toBe('héllo 👋');
  });

  it('gives a binary message as a base64 data: URL', async () => {
    const { extension, host, sprite, connect, util } = await setup();
    const side = await connect();
    const delivered = host.nextHat(HAT_OPCODES.message, sprite);
    side.socket.send(Buffer.from([0, 1, 2, 253, 254, 255]));
    await within(delivered, 'the message hat');
    expect(extension.messageData({}, util())).toBe('data:application/octet-stream;base64,AAEC/f7/');
  });
});
