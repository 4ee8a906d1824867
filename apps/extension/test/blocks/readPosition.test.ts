// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { handling } from '../support/binary';

describe('readPosition', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('readPosition')).toEqual({
      opcode: 'readPosition',
      blockType: 'reporter',
      text: 'read position',
      disableMonitor: true,
    });
  });

  it('counts the bytes read, from 0, for each script apart', async () => {
    const { extension, hat, script, util } = await handling(Buffer.from([1, 2, 3]));
    expect(extension.readPosition({}, hat)).toBe(0);
    extension.readNumber({ TYPE: 'uint16', ORDER: 'big endian' }, hat);
    expect(extension.readPosition({}, hat)).toBe(2);
    expect(extension.readPosition({}, util(undefined, script()))).toBe(0);
  });
});
