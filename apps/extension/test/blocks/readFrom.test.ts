// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { setup } from '../support/harness';

describe('readFrom', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('readFrom')).toEqual({
      opcode: 'readFrom',
      blockType: 'command',
      text: 'read from data URL [DATA]',
      arguments: {
        DATA: { type: 'string', defaultValue: 'data:application/octet-stream;base64,SGkh' },
      },
    });
  });

  it('reads the bytes of a data: URL from 0, such as a message the script built', async () => {
    const { extension, script, util } = await setup();
    const run = util(undefined, script());
    extension.addTextWithLength({ PREFIX: 'uint8', TEXT: 'ok' }, run);
    extension.addNumber({ VALUE: -2, TYPE: 'int16', ORDER: 'little endian' }, run);
    extension.readFrom({ DATA: extension.binaryMessageDataUrl({}, run) }, run);
    expect(extension.receivedByteLength({}, run)).toBe(5);
    expect(extension.readTextWithLength({ PREFIX: 'uint8' }, run)).toBe('ok');
    expect(extension.readNumber({ TYPE: 'int16', ORDER: 'little endian' }, run)).toBe(-2);
    extension.readFrom({ DATA: 'not a data URL' }, run);
    expect(extension.bytesLeft({}, run)).toBe(0);
  });
});
