// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { setup } from '../support/harness';

describe('matchRepliesInOrder', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('matchRepliesInOrder')).toEqual({
      opcode: 'matchRepliesInOrder',
      blockType: 'command',
      text: 'match replies in order',
    });
  });

  it('goes back to answering questions with the next message after matching by a field', async () => {
    const { extension, connect, util } = await setup();
    extension.matchRepliesByField({ FIELD: 'id' }, util());
    extension.matchRepliesInOrder({}, util());
    const side = await connect();
    side.socket.on('message', () => side.socket.send('plain answer'));
    expect(await within(Promise.resolve(extension.sendAndWaitForReply({ PAYLOAD: 'not json' }, util())), 'the reply')).toBe('plain answer');
  });
});
