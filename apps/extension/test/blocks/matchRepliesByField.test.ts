// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { setup } from '../support/harness';

describe('matchRepliesByField', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('matchRepliesByField')).toEqual({
      opcode: 'matchRepliesByField',
      blockType: 'command',
      text: 'match replies by JSON field [FIELD]',
      arguments: {
        FIELD: { type: 'string', defaultValue: 'id' },
      },
    });
  });

  it('matches answers by the named field, whatever order they come in', async () => {
    const { extension, connect, util, script } = await setup();
    extension.matchRepliesByField({ FIELD: 'ref' }, util());
    const side = await connect();
    const refs: unknown[] = [];
    side.socket.on('message', (data) => {
      refs.push(JSON.parse(data.toString()).ref);
      if (refs.length === 2) for (const ref of [...refs].reverse()) side.socket.send(JSON.stringify({ ref, answer: `for ${ref}` }));
    });
    const first = extension.sendAndWaitForReply({ PAYLOAD: '{"q":1}' }, util(undefined, script()));
    const second = extension.sendAndWaitForReply({ PAYLOAD: '{"q":2}' }, util(undefined, script()));
    const answers = await within(Promise.all([first, second]), 'both replies');
    expect(answers.map((answer) => JSON.parse(answer).answer)).toEqual(['for 1', 'for 2']);
  });
});
