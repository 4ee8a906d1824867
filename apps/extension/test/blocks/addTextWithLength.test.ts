// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { nextRaw } from '../support/binary';
import { setup } from '../support/harness';

describe('addTextWithLength', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('addTextWithLength')).toEqual({
      opcode: 'addTextWithLength',
      blockType: 'command',
      text: 'add length as [PREFIX] and text [TEXT] to binary message',
      arguments: {
        PREFIX: { type: 'string', menu: 'lengthPrefix', defaultValue: 'uint16 big endian' },
        TEXT: { type: 'string', defaultValue: 'player' },
      },
    });
  });

  it('adds the UTF-8 length as the chosen type, then the text', async () => {
    const { extension, connect, script, util } = await setup();
    const side = await connect();
    const run = util(undefined, script());
    extension.addTextWithLength({ PREFIX: 'uint16 big endian', TEXT: 'MQTT' }, run);
    extension.addTextWithLength({ PREFIX: 'varint', TEXT: 'é' }, run);
    extension.addTextWithLength({ PREFIX: 'uint8', TEXT: 'x'.repeat(300) }, run);
    const sent = nextRaw(side.socket);
    extension.sendBinaryMessage({}, run);
    const bytes = (await sent).bytes;
    expect(bytes.slice(0, 9)).toEqual([0, 4, 77, 81, 84, 84, 2, 0xc3, 0xa9]);
    expect(bytes[9]).toBe(255);
    expect(bytes.length).toBe(10 + 255);
  });
});
