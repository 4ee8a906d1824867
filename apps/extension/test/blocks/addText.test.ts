// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { nextRaw } from '../support/binary';
import { setup } from '../support/harness';

describe('addText', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('addText')).toEqual({
      opcode: 'addText',
      blockType: 'command',
      text: 'add text [TEXT] to binary message',
      arguments: {
        TEXT: { type: 'string', defaultValue: 'Hello!' },
      },
    });
  });

  it('adds the UTF-8 bytes of the text, with no length', async () => {
    const { extension, connect, script, util } = await setup();
    const side = await connect();
    const run = util(undefined, script());
    extension.addText({ TEXT: 'é!' }, run);
    extension.addText({ TEXT: 42 }, run);
    const sent = nextRaw(side.socket);
    extension.sendBinaryMessage({}, run);
    expect(await sent).toEqual({ binary: true, bytes: [0xc3, 0xa9, 0x21, 0x34, 0x32] });
  });
});
