// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('isConnected', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('isConnected')).toEqual({
      opcode: 'isConnected',
      blockType: 'Boolean',
      text: 'is connected?',
      disableMonitor: true,
    });
  });

  it('is true exactly while the connection is open', async () => {
    const { extension, host, sprite, connect, util } = await setup();
    expect(extension.isConnected({}, util())).toBe(false);
    const side = await connect();
    expect(extension.isConnected({}, util())).toBe(true);
    const closed = host.nextHat(HAT_OPCODES.close, sprite);
    side.socket.close(1000);
    await within(closed, 'the close hat');
    expect(extension.isConnected({}, util())).toBe(false);
  });

  it('is per target: another sprite is not connected', async () => {
    const { extension, connect, util } = await setup();
    await connect();
    expect(extension.isConnected({}, util({ name: 'Sprite2' }))).toBe(false);
  });
});
