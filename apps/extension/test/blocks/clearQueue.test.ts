// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { framesUntil } from '@scratch-websocket/test-support';
import { setup } from '../support/harness';

describe('clearQueue', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('clearQueue')).toEqual({
      opcode: 'clearQueue',
      blockType: 'command',
      text: 'clear queued messages',
    });
  });

  it('throws away every waiting message, without counting them as dropped', async () => {
    const { extension, host, connect, util } = await setup();
    const side = await connect();
    for (const message of ['a', 'b', 'c']) side.socket.send(message);
    await framesUntil(host, () => extension.statistic({ STAT: 'messages received' }, util()) === 3, 'three messages');
    extension.clearQueue({}, util());
    expect(extension.statistic({ STAT: 'queued messages' }, util())).toBe(0);
    expect(extension.statistic({ STAT: 'dropped messages' }, util())).toBe(0);
    expect(extension.takeNextMessage({}, util())).toBe('');
  });

  it('does nothing without a connection', async () => {
    const { extension, util } = await setup();
    expect(extension.clearQueue({}, util())).toBeUndefined();
  });
});
