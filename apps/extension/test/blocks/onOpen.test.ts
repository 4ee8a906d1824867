// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { THREAD_RUNNING, THREAD_STOPPED } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('onOpen', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('onOpen')).toEqual({
      opcode: 'onOpen',
      blockType: 'event',
      text: 'when connected',
      isEdgeActivated: false,
      shouldRestartExistingThreads: true,
    });
  });

  it('runs once when the connection opens, for the target that connected only', async () => {
    const { host, sprite, connect } = await setup();
    const other = { name: 'Sprite2' };
    await connect();
    expect(host.startsOf(HAT_OPCODES.open, sprite).length).toBe(1);
    expect(host.startsOf(HAT_OPCODES.open, other).length).toBe(0);
  });

  it('stops the scripts it started when the connection closes', async () => {
    const { host, sprite, connect } = await setup();
    const side = await connect();
    const [thread] = host.activeThreads(HAT_OPCODES.open, sprite);
    expect(thread?.status).toBe(THREAD_RUNNING);
    const closed = host.nextHat(HAT_OPCODES.close, sprite);
    side.socket.close(1000);
    await closed;
    expect(thread?.status).toBe(THREAD_STOPPED);
  });
});
