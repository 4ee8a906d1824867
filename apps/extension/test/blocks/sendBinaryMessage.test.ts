// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { nextRaw } from '../support/binary';
import { setup } from '../support/harness';

describe('sendBinaryMessage', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('sendBinaryMessage')).toEqual({
      opcode: 'sendBinaryMessage',
      blockType: 'command',
      text: 'send binary message',
    });
  });

  it('sends what the script built as one binary message on its connection, then starts empty', async () => {
    const { extension, connect, script, util } = await setup();
    const side = await connect();
    const run = util(undefined, script());
    extension.addNumber({ VALUE: 7, TYPE: 'uint8', ORDER: 'big endian' }, run);
    let sent = nextRaw(side.socket);
    extension.sendBinaryMessage({}, run);
    expect(await sent).toEqual({ binary: true, bytes: [7] });
    expect(extension.binaryMessageLength({}, run)).toBe(0);
    sent = nextRaw(side.socket);
    extension.sendBinaryMessage({}, run);
    expect(await sent).toEqual({ binary: true, bytes: [] });
  });

  it('does not send what another script of the sprite built', async () => {
    const { extension, connect, script, util } = await setup();
    const side = await connect();
    const first = util(undefined, script());
    const second = util(undefined, script());
    extension.addText({ TEXT: 'one' }, first);
    extension.addText({ TEXT: 'two' }, second);
    const sent = nextRaw(side.socket);
    extension.sendBinaryMessage({}, second);
    expect(await sent).toEqual({ binary: true, bytes: [...Buffer.from('two')] });
    expect(extension.binaryMessageLength({}, first)).toBe(3);
  });
});
