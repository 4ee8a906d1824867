// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('closeMessage', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('closeMessage')).toEqual({
      opcode: 'closeMessage',
      blockType: 'reporter',
      text: 'closing message',
      disableMonitor: true,
    });
  });

  it('reports the reason of the close frame', async () => {
    const { extension, host, sprite, connect, util } = await setup();
    const side = await connect();
    const closed = host.nextHat(HAT_OPCODES.close, sprite);
    side.socket.close(4000, 'game over');
    await within(closed, 'the close hat');
    expect(extension.closeMessage({}, util())).toBe('game over');
  });

  it('is empty when the close had no reason, and before any close', async () => {
    const { extension, host, sprite, connect, util } = await setup();
    const side = await connect();
    expect(extension.closeMessage({}, util())).toBe('');
    const closed = host.nextHat(HAT_OPCODES.close, sprite);
    side.socket.close(1000);
    await within(closed, 'the close hat');
    expect(extension.closeMessage({}, util())).toBe('');
  });
});
