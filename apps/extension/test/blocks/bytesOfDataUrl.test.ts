// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { setup } from '../support/harness';

describe('bytesOfDataUrl', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('bytesOfDataUrl')).toEqual({
      opcode: 'bytesOfDataUrl',
      blockType: 'reporter',
      text: 'bytes of data URL [DATA]',
      arguments: {
        DATA: { type: 'string', defaultValue: 'data:application/octet-stream;base64,SGkh' },
      },
      disableMonitor: true,
    });
  });

  it('gives the bytes of a data: URL as numbers from 0 to 255 separated by single spaces', async () => {
    const { extension } = await setup();
    expect(extension.bytesOfDataUrl({ DATA: 'data:application/octet-stream;base64,SGkh' })).toBe('72 105 33');
    expect(extension.bytesOfDataUrl({ DATA: 'data:,%00%FF' })).toBe('0 255');
  });

  it('gives empty text for something that is not a data: URL', async () => {
    const { extension } = await setup();
    expect(extension.bytesOfDataUrl({ DATA: '72 105 33' })).toBe('');
  });
});
