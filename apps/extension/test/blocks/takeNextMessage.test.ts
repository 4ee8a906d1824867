// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { framesUntil } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('takeNextMessage', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('takeNextMessage')).toEqual({
      opcode: 'takeNextMessage',
      blockType: 'reporter',
      text: 'take next message',
      disableMonitor: true,
    });
  });

  it('takes the messages waiting behind a running message hat, oldest first, each becoming received message data', async () => {
    const { extension, host, connect, util } = await setup();
    const side = await connect();
    for (const message of ['a', 'b', 'c']) side.socket.send(message);
    // The hat's script runs until the test ends, so b and c wait in the queue.
    await framesUntil(host, () => extension.statistic({ STAT: 'messages received' }, util()) === 3, 'three messages');
    expect(host.started.filter((start) => start.opcode === HAT_OPCODES.message)).toHaveLength(1);
    expect(extension.statistic({ STAT: 'queued messages' }, util())).toBe(2);
    expect(extension.takeNextMessage({}, util())).toBe('b');
    expect(extension.messageData({}, util())).toBe('b');
    expect(extension.takeNextMessage({}, util())).toBe('c');
    expect(extension.takeNextMessage({}, util())).toBe('');
  });

  it('gives empty text without a connection', async () => {
    const { extension, util } = await setup();
    expect(extension.takeNextMessage({}, util())).toBe('');
  });
});
