// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('onClose', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('onClose')).toEqual({
      opcode: 'onClose',
      blockType: 'event',
      text: 'when connection closes',
      isEdgeActivated: false,
      shouldRestartExistingThreads: true,
    });
  });

  it('runs once when the server closes the connection', async () => {
    const { host, sprite, connect } = await setup();
    const side = await connect();
    const closed = host.nextHat(HAT_OPCODES.close, sprite);
    side.socket.close(4001, 'bye');
    await within(closed, 'the close hat');
    expect(host.startsOf(HAT_OPCODES.close, sprite).length).toBe(1);
    expect(host.startsOf(HAT_OPCODES.error, sprite).length).toBe(0);
  });

  it('runs when the project closes the connection', async () => {
    const { extension, host, sprite, connect, util } = await setup();
    await connect();
    const closed = host.nextHat(HAT_OPCODES.close, sprite);
    extension.closeWithoutReason({}, util());
    await within(closed, 'the close hat');
    expect(host.startsOf(HAT_OPCODES.close, sprite).length).toBe(1);
  });

  it('does not run for the stop sign or a removed clone, which close quietly', async () => {
    const { host, sprite, connect } = await setup();
    const clone = { name: 'Sprite1 clone' };
    const spriteSide = await connect();
    const cloneSide = await connect(clone);
    host.removeTarget(clone);
    await cloneSide.nextClose();
    host.stopAll();
    await spriteSide.nextClose();
    expect(host.startsOf(HAT_OPCODES.close, sprite).length).toBe(0);
    expect(host.startsOf(HAT_OPCODES.close, clone).length).toBe(0);
    expect(host.listenerCount).toBe(0);
  });
});
