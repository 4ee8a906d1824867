// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { setup } from '../support/harness';

describe('startBinaryMessage', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('startBinaryMessage')).toEqual({
      opcode: 'startBinaryMessage',
      blockType: 'command',
      text: 'start binary message',
    });
  });

  it('empties the script\'s message without sending it, and leaves other scripts\' alone', async () => {
    const { extension, script, util } = await setup();
    const first = util(undefined, script());
    const second = util(undefined, script());
    extension.addText({ TEXT: 'abc' }, first);
    extension.addText({ TEXT: 'de' }, second);
    extension.startBinaryMessage({}, first);
    expect(extension.binaryMessageLength({}, first)).toBe(0);
    expect(extension.binaryMessageLength({}, second)).toBe(2);
  });
});
