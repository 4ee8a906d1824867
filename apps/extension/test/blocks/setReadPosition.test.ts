// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { handling } from '../support/binary';

describe('setReadPosition', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('setReadPosition')).toEqual({
      opcode: 'setReadPosition',
      blockType: 'command',
      text: 'set read position to [POSITION]',
      arguments: {
        POSITION: { type: 'number', defaultValue: 0 },
      },
    });
  });

  it('moves the read position, truncated and kept within the message', async () => {
    const { extension, hat } = await handling(Buffer.from([1, 2, 3]));
    extension.setReadPosition({ POSITION: '2.7' }, hat);
    expect(extension.readNumber({ TYPE: 'uint8', ORDER: 'big endian' }, hat)).toBe(3);
    extension.setReadPosition({ POSITION: 99 }, hat);
    expect(extension.readPosition({}, hat)).toBe(3);
    extension.setReadPosition({ POSITION: -5 }, hat);
    expect(extension.readNumber({ TYPE: 'uint8', ORDER: 'big endian' }, hat)).toBe(1);
  });
});
