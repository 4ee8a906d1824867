// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { handling } from '../support/binary';

describe('bytesLeft', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('bytesLeft')).toEqual({
      opcode: 'bytesLeft',
      blockType: 'reporter',
      text: 'bytes left to read',
      disableMonitor: true,
    });
  });

  it('gives the bytes after the read position, 0 at the end', async () => {
    const { extension, hat } = await handling(Buffer.from([1, 2, 3]));
    expect(extension.bytesLeft({}, hat)).toBe(3);
    extension.readText({ LENGTH: 3 }, hat);
    expect(extension.bytesLeft({}, hat)).toBe(0);
    extension.readNumber({ TYPE: 'uint8', ORDER: 'big endian' }, hat);
    expect(extension.bytesLeft({}, hat)).toBe(0);
  });
});
