// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { nextRaw } from '../support/binary';
import { setup } from '../support/harness';

describe('addNumber', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('addNumber')).toEqual({
      opcode: 'addNumber',
      blockType: 'command',
      text: 'add [VALUE] as [TYPE] [ORDER] to binary message',
      arguments: {
        VALUE: { type: 'number', defaultValue: 1 },
        TYPE: { type: 'string', menu: 'numberType', defaultValue: 'uint8' },
        ORDER: { type: 'string', menu: 'byteOrder', defaultValue: 'big endian' },
      },
    });
  });

  it('adds a number as the chosen type and byte order, cast as the VM casts and stored as DataView stores it', async () => {
    const { extension, connect, script, util } = await setup();
    const side = await connect();
    const run = util(undefined, script());
    extension.addNumber({ VALUE: '258', TYPE: 'uint16', ORDER: 'big endian' }, run);
    extension.addNumber({ VALUE: 258, TYPE: 'uint16', ORDER: 'little endian' }, run);
    extension.addNumber({ VALUE: -1, TYPE: 'uint8', ORDER: 'big endian' }, run);
    extension.addNumber({ VALUE: 'not a number', TYPE: 'int8', ORDER: 'big endian' }, run);
    extension.addNumber({ VALUE: 1.5, TYPE: 'float32', ORDER: 'big endian' }, run);
    extension.addNumber({ VALUE: 1, TYPE: 'int64', ORDER: 'big endian' }, run);
    const sent = nextRaw(side.socket);
    extension.sendBinaryMessage({}, run);
    expect(await sent).toEqual({ binary: true, bytes: [1, 2, 2, 1, 255, 0, 0x3f, 0xc0, 0, 0] });
  });
});
