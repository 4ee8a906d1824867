// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { framesUntil, within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('onMessage', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('onMessage')).toEqual({
      opcode: 'onMessage',
      blockType: 'event',
      text: 'when message received',
      isEdgeActivated: false,
      shouldRestartExistingThreads: true,
    });
  });

  it('delivers messages one per frame, after the previous scripts finish, in arrival order', async () => {
    const { extension, host, sprite, connect, util } = await setup();
    const side = await connect();
    const first = host.nextHat(HAT_OPCODES.message, sprite);
    for (const text of ['a', 'b', 'c']) side.socket.send(text);
    await within(first, 'the first message hat');
    const seen = [extension.messageData({}, util())];
    // A running script holds the queue: a frame delivers nothing new.
    host.frame();
    expect(host.startsOf(HAT_OPCODES.message, sprite).length).toBe(1);
    while (seen.length < 3) {
      const count = host.startsOf(HAT_OPCODES.message, sprite).length;
      host.finish(HAT_OPCODES.message, sprite);
      await framesUntil(host, () => host.startsOf(HAT_OPCODES.message, sprite).length > count, 'the next message hat');
      seen.push(extension.messageData({}, util()));
    }
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('runs for the target whose connection received the message only', async () => {
    const { host, sprite, connect } = await setup();
    const other = { name: 'Sprite2' };
    const side = await connect();
    await connect(other);
    const delivered = host.nextHat(HAT_OPCODES.message, sprite);
    side.socket.send('only for Sprite1');
    await within(delivered, 'the message hat of Sprite1');
    expect(host.startsOf(HAT_OPCODES.message, other).length).toBe(0);
  });
});
