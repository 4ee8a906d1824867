// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { handling } from '../support/binary';

describe('readVarint', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('readVarint')).toEqual({
      opcode: 'readVarint',
      blockType: 'reporter',
      text: 'read varint',
      disableMonitor: true,
    });
  });

  it('reads an unsigned LEB128 varint, and empty without moving when it is cut off', async () => {
    const { extension, hat } = await handling(Buffer.from([0xac, 0x02, 0x80]));
    expect(extension.readVarint({}, hat)).toBe(300);
    expect(extension.readVarint({}, hat)).toBe('');
    expect(extension.readPosition({}, hat)).toBe(2);
  });
});
