// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { setup } from '../support/harness';

describe('closeWithCode', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('closeWithCode')).toEqual({
      opcode: 'closeWithCode',
      blockType: 'command',
      text: 'close connection with code [CODE]',
      arguments: {
        CODE: { type: 'number', defaultValue: 1000 },
      },
    });
  });

  it.each([
    { input: 1000, sent: 1000 },
    { input: 3000, sent: 3000 },
    { input: '3500', sent: 3500 },
    { input: 4999, sent: 4999 },
    { input: 2999, sent: 1000 },
    { input: 5000, sent: 1000 },
    { input: 3000.5, sent: 1000 },
    { input: 'abc', sent: 1000 },
    { input: '', sent: 1000 },
  ])('sends code $sent to the server for $input', async ({ input, sent }) => {
    const { extension, connect, util } = await setup();
    const side = await connect();
    extension.closeWithCode({ CODE: input }, util());
    expect(await side.nextClose()).toEqual({ code: sent, reason: '' });
  });
});
