// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('closeWithoutReason', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('closeWithoutReason')).toEqual({
      opcode: 'closeWithoutReason',
      blockType: 'command',
      text: 'close connection',
    });
  });

  it('closes with code 1000 and no reason, then the close hat runs', async () => {
    const { extension, host, sprite, connect, util } = await setup();
    const side = await connect();
    const closed = host.nextHat(HAT_OPCODES.close, sprite);
    extension.closeWithoutReason({}, util());
    expect(await side.nextClose()).toEqual({ code: 1000, reason: '' });
    await within(closed, 'the close hat');
    expect(extension.isClosed({}, util())).toBe(true);
  });

  it('does nothing without a connection', async () => {
    const { extension, host, util } = await setup();
    expect(extension.closeWithoutReason({}, util())).toBeUndefined();
    expect(host.started).toEqual([]);
    expect(extension.closeCode({}, util())).toBe(0);
  });

  it('stops delivering messages of the connection once asked to close', async () => {
    const { extension, host, sprite, connect, util } = await setup();
    const side = await connect();
    const first = host.nextHat(HAT_OPCODES.message, sprite);
    side.socket.send('kept');
    side.socket.send('dropped');
    await within(first, 'the first message hat');
    extension.closeWithoutReason({}, util());
    host.finish(HAT_OPCODES.message, sprite);
    await side.nextClose();
    host.frame();
    expect(host.startsOf(HAT_OPCODES.message, sprite).length).toBe(1);
    expect(extension.messageData({}, util())).toBe('kept');
  });
});
