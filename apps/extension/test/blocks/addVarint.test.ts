// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { nextRaw } from '../support/binary';
import { setup } from '../support/harness';

describe('addVarint', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('addVarint')).toEqual({
      opcode: 'addVarint',
      blockType: 'command',
      text: 'add [VALUE] as varint to binary message',
      arguments: {
        VALUE: { type: 'number', defaultValue: 300 },
      },
    });
  });

  it('adds unsigned LEB128: 300 is AC 02, a fraction is dropped, -1 is the 10 bytes of 2^64 - 1', async () => {
    const { extension, connect, script, util } = await setup();
    const side = await connect();
    const run = util(undefined, script());
    extension.addVarint({ VALUE: 300 }, run);
    extension.addVarint({ VALUE: '127.9' }, run);
    extension.addVarint({ VALUE: -1 }, run);
    const sent = nextRaw(side.socket);
    extension.sendBinaryMessage({}, run);
    expect(await sent).toEqual({ binary: true, bytes: [0xac, 0x02, 0x7f, ...Array(9).fill(0xff), 0x01] });
  });
});
