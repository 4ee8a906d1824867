// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { setup } from '../support/harness';

describe('closeWithReason', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('closeWithReason')).toEqual({
      opcode: 'closeWithReason',
      blockType: 'command',
      text: 'close connection with reason [REASON] and code [CODE]',
      arguments: {
        REASON: { type: 'string', defaultValue: 'fulfilled' },
        CODE: { type: 'number', defaultValue: 1000 },
      },
    });
  });

  it('sends the reason, cast to text, with the normalised code', async () => {
    const { extension, connect, util } = await setup();
    const side = await connect();
    extension.closeWithReason({ REASON: 12345, CODE: '4000' }, util());
    expect(await side.nextClose()).toEqual({ code: 4000, reason: '12345' });
  });

  it('cuts the reason to 123 bytes of UTF-8 without splitting a character', async () => {
    const { extension, connect, util } = await setup();
    const side = await connect();
    extension.closeWithReason({ REASON: 'é'.repeat(70), CODE: 1000 }, util());
    const { reason } = await side.nextClose();
    expect(reason).toBe('é'.repeat(61));
    expect(Buffer.byteLength(reason)).toBe(122);
  });

  it('turns an invalid code into 1000', async () => {
    const { extension, connect, util } = await setup();
    const side = await connect();
    extension.closeWithReason({ REASON: 'bye', CODE: 1001 }, util());
    expect(await side.nextClose()).toEqual({ code: 1000, reason: 'bye' });
  });
});
