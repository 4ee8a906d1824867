// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { setup } from '../support/harness';

describe('dataUrlOfText', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('dataUrlOfText')).toEqual({
      opcode: 'dataUrlOfText',
      blockType: 'reporter',
      text: 'data URL of text [TEXT]',
      arguments: {
        TEXT: { type: 'string', defaultValue: 'Hello!' },
      },
      disableMonitor: true,
    });
  });

  it('gives a base64 data: URL of the UTF-8 bytes, needing no connection or sprite', async () => {
    const { extension } = await setup();
    expect(extension.dataUrlOfText({ TEXT: 'Hello!' })).toBe('data:text/plain;charset=utf-8;base64,SGVsbG8h');
    expect(extension.bytesOfDataUrl({ DATA: extension.dataUrlOfText({ TEXT: 'é👋' }) })).toBe('195 169 240 159 145 139');
  });

  it('casts its input to text first', async () => {
    const { extension } = await setup();
    expect(extension.textOfDataUrl({ DATA: extension.dataUrlOfText({ TEXT: 42 }) })).toBe('42');
  });
});
