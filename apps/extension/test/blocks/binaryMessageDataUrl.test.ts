// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { setup } from '../support/harness';

describe('binaryMessageDataUrl', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('binaryMessageDataUrl')).toEqual({
      opcode: 'binaryMessageDataUrl',
      blockType: 'reporter',
      text: 'binary message as data URL',
      disableMonitor: true,
    });
  });

  it('gives the message so far as a data: URL without emptying it', async () => {
    const { extension, script, util } = await setup();
    const run = util(undefined, script());
    expect(extension.binaryMessageDataUrl({}, run)).toBe('data:application/octet-stream;base64,');
    extension.addText({ TEXT: 'Hi!' }, run);
    expect(extension.binaryMessageDataUrl({}, run)).toBe('data:application/octet-stream;base64,SGkh');
    expect(extension.bytesOfDataUrl({ DATA: extension.binaryMessageDataUrl({}, run) })).toBe('72 105 33');
    expect(extension.binaryMessageLength({}, run)).toBe(3);
  });
});
