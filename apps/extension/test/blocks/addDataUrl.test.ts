// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { nextRaw } from '../support/binary';
import { setup } from '../support/harness';

describe('addDataUrl', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('addDataUrl')).toEqual({
      opcode: 'addDataUrl',
      blockType: 'command',
      text: 'add bytes of data URL [DATA] to binary message',
      arguments: {
        DATA: { type: 'string', defaultValue: 'data:application/octet-stream;base64,SGkh' },
      },
    });
  });

  it('adds the bytes of a data: URL, and nothing for anything else', async () => {
    const { extension, connect, script, util } = await setup();
    const side = await connect();
    const run = util(undefined, script());
    extension.addDataUrl({ DATA: 'data:application/octet-stream;base64,SGkh' }, run);
    extension.addDataUrl({ DATA: 'Hi!' }, run);
    extension.addDataUrl({ DATA: extension.dataUrlOfBytes({ BYTES: '0 255' }) }, run);
    const sent = nextRaw(side.socket);
    extension.sendBinaryMessage({}, run);
    expect(await sent).toEqual({ binary: true, bytes: [72, 105, 33, 0, 255] });
  });
});
