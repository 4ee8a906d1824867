// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { handling } from '../support/binary';

describe('readTextWithLength', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('readTextWithLength')).toEqual({
      opcode: 'readTextWithLength',
      blockType: 'reporter',
      text: 'read text after length as [PREFIX]',
      arguments: {
        PREFIX: { type: 'string', menu: 'lengthPrefix', defaultValue: 'uint16 big endian' },
      },
      disableMonitor: true,
    });
  });

  it('reads a length of the chosen type, then that much text', async () => {
    const { extension, hat } = await handling(Buffer.from([0, 4, 77, 81, 84, 84, 9, 104]));
    expect(extension.readTextWithLength({ PREFIX: 'uint16 big endian' }, hat)).toBe('MQTT');
    expect(extension.readTextWithLength({ PREFIX: 'uint8' }, hat)).toBe('');
    expect(extension.readPosition({}, hat)).toBe(6);
  });
});
