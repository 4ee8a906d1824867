// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { allBlocks, readSpecModel } from '@scratch-websocket/codegen';
import { REPLY_STATUSES } from '@scratch-websocket/runtime';
import { setup } from '../support/harness';

describe('replyStatus', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('replyStatus')).toEqual({
      opcode: 'replyStatus',
      blockType: 'reporter',
      text: 'reply status',
      disableMonitor: true,
    });
  });

  it('is empty before a script asks, then tells how its own latest question ended', async () => {
    const { extension, util, script } = await setup();
    const asker = script();
    const other = script();
    expect(extension.replyStatus({}, util(undefined, asker))).toBe('');
    extension.sendAndWaitForReply({ PAYLOAD: 'x' }, util(undefined, asker));
    expect(extension.replyStatus({}, util(undefined, asker))).toBe('not connected');
    expect(extension.replyStatus({}, util(undefined, other))).toBe('');
  });

  it("has its docs name every status the runtime gives, and no other (the docs' table is what users compare with)", () => {
    const docs = allBlocks(readSpecModel()).find((block) => block.opcode === 'replyStatus')!.docs;
    const named = [...docs.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]);
    expect(named).toEqual([...REPLY_STATUSES]);
  });
});
