// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { handling } from '../support/binary';

describe('readDataUrl', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('readDataUrl')).toEqual({
      opcode: 'readDataUrl',
      blockType: 'reporter',
      text: 'read [LENGTH] bytes as data URL',
      arguments: {
        LENGTH: { type: 'number', defaultValue: 4 },
      },
      disableMonitor: true,
    });
  });

  it('gives the next bytes as a data: URL, the rest with bytes left, and empty without moving past the end', async () => {
    const { extension, hat } = await handling(Buffer.from([72, 105, 33, 0]));
    expect(extension.readDataUrl({ LENGTH: 3 }, hat)).toBe('data:application/octet-stream;base64,SGkh');
    expect(extension.readDataUrl({ LENGTH: 2 }, hat)).toBe('');
    expect(extension.readDataUrl({ LENGTH: extension.bytesLeft({}, hat) }, hat)).toBe('data:application/octet-stream;base64,AA==');
  });
});
