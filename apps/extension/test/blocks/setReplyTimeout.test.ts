// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { setup } from '../support/harness';

describe('setReplyTimeout', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('setReplyTimeout')).toEqual({
      opcode: 'setReplyTimeout',
      blockType: 'command',
      text: 'set reply timeout to [SECONDS] seconds',
      arguments: {
        SECONDS: { type: 'number', defaultValue: 10 },
      },
    });
  });

  it('ends a question unanswered after the seconds given, with `timed out`', async () => {
    const { extension, connect, util, script } = await setup();
    await connect();
    const thread = script();
    extension.setReplyTimeout({ SECONDS: '0.05' }, util(undefined, thread));
    expect(await within(Promise.resolve(extension.sendAndWaitForReply({ PAYLOAD: 'x' }, util(undefined, thread))), 'the timeout')).toBe('');
    expect(extension.replyStatus({}, util(undefined, thread))).toBe('timed out');
  });
});
