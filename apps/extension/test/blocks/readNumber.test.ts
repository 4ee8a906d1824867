// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { handling } from '../support/binary';

describe('readNumber', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('readNumber')).toEqual({
      opcode: 'readNumber',
      blockType: 'reporter',
      text: 'read [TYPE] [ORDER]',
      arguments: {
        TYPE: { type: 'string', menu: 'numberType', defaultValue: 'uint8' },
        ORDER: { type: 'string', menu: 'byteOrder', defaultValue: 'big endian' },
      },
      disableMonitor: true,
    });
  });

  it('reads the handled message number by number, and gives empty without moving past the end', async () => {
    const { extension, hat } = await handling(Buffer.from([0xff, 0xfe, 0x01, 0x00, 0x00, 0xc0, 0x3f]));
    expect(extension.readNumber({ TYPE: 'int8', ORDER: 'big endian' }, hat)).toBe(-1);
    expect(extension.readNumber({ TYPE: 'uint16', ORDER: 'little endian' }, hat)).toBe(0x01fe);
    expect(extension.readNumber({ TYPE: 'float32', ORDER: 'little endian' }, hat)).toBe(1.5);
    expect(extension.readNumber({ TYPE: 'uint8', ORDER: 'big endian' }, hat)).toBe('');
    expect(extension.readPosition({}, hat)).toBe(7);
  });
});
