// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { setup } from '../support/harness';

describe('binaryMessageLength', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('binaryMessageLength')).toEqual({
      opcode: 'binaryMessageLength',
      blockType: 'reporter',
      text: 'byte length of binary message',
      disableMonitor: true,
    });
  });

  it('counts the bytes the script has added', async () => {
    const { extension, script, util } = await setup();
    const run = util(undefined, script());
    expect(extension.binaryMessageLength({}, run)).toBe(0);
    extension.addNumber({ VALUE: 1, TYPE: 'float64', ORDER: 'little endian' }, run);
    extension.addText({ TEXT: '😀' }, run);
    expect(extension.binaryMessageLength({}, run)).toBe(12);
  });
});
