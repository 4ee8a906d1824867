// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { setup } from '../support/harness';

describe('textOfDataUrl', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('textOfDataUrl')).toEqual({
      opcode: 'textOfDataUrl',
      blockType: 'reporter',
      text: 'text of data URL [DATA]',
      arguments: {
        DATA: { type: 'string', defaultValue: 'data:text/plain;base64,SGVsbG8h' },
      },
      disableMonitor: true,
    });
  });

  it('reads the bytes of a base64 or percent-encoded data: URL as UTF-8 text', async () => {
    const { extension } = await setup();
    expect(extension.textOfDataUrl({ DATA: 'data:text/plain;base64,SGVsbG8h' })).toBe('Hello!');
    expect(extension.textOfDataUrl({ DATA: 'data:,h%C3%A9llo%20%F0%9F%91%8B' })).toBe('héllo 👋');
  });

  it('gives back exactly the text that data URL of text was given', async () => {
    const { extension } = await setup();
    for (const text of ['', 'Hello!', 'ü, 中文, 👋🏽', ' spaces\tand\nlines ']) {
      expect(extension.textOfDataUrl({ DATA: extension.dataUrlOfText({ TEXT: text }) })).toBe(text);
    }
  });

  it('gives empty text for something that is not a data: URL', async () => {
    const { extension } = await setup();
    expect(extension.textOfDataUrl({ DATA: 'Hello!' })).toBe('');
    expect(extension.textOfDataUrl({ DATA: 12 })).toBe('');
  });
});
