// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { setup } from '../support/harness';

describe('dataUrlOfBytes', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('dataUrlOfBytes')).toEqual({
      opcode: 'dataUrlOfBytes',
      blockType: 'reporter',
      text: 'data URL of bytes [BYTES]',
      arguments: {
        BYTES: { type: 'string', defaultValue: '72 105 33' },
      },
      disableMonitor: true,
    });
  });

  it('turns bytes written as numbers separated by spaces into the data: URL a binary message arrives as', async () => {
    const { extension } = await setup();
    expect(extension.dataUrlOfBytes({ BYTES: '72 105 33' })).toBe('data:application/octet-stream;base64,SGkh');
    expect(extension.bytesOfDataUrl({ DATA: extension.dataUrlOfBytes({ BYTES: '0 1 127 128 254 255' }) })).toBe('0 1 127 128 254 255');
  });

  it('gives empty text when an item is not a whole number from 0 to 255', async () => {
    const { extension } = await setup();
    for (const bytes of ['256', '-1', '1.5', '72 hi 33']) expect(extension.dataUrlOfBytes({ BYTES: bytes }), bytes).toBe('');
  });
});
