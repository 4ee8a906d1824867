import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bytesOfDataUrl,
  bytesToDataUrl,
  dataUrlOfBytes,
  dataUrlOfText,
  formatByteList,
  MAX_BYTE_LIST_ITEMS,
  MAX_DATA_URL_LENGTH,
  TEXT_DATA_URL_PREFIX,
  textOfDataUrl,
} from '../src/index.js';
import { PROPERTY_RUNS } from './support/property.js';

const NOT_TEXT: unknown[] = [undefined, null, 42, true, {}, ['data:,x']];

describe('dataUrlOfText', () => {
  it.each([
    ['', 'data:text/plain;charset=utf-8;base64,'],
    ['Hello!', 'data:text/plain;charset=utf-8;base64,SGVsbG8h'],
    ['héllo 😀', 'data:text/plain;charset=utf-8;base64,aMOpbGxvIPCfmIA='],
    ['a lone surrogate \uD83D', 'data:text/plain;charset=utf-8;base64,YSBsb25lIHN1cnJvZ2F0ZSDvv70='],
  ])('writes %j as UTF-8 in base64', (text, expected) => {
    expect(dataUrlOfText(text)).toBe(expected);
  });

  it.each(NOT_TEXT.map((value) => [value]))('gives "" for %j', (value) => {
    expect(dataUrlOfText(value)).toBe('');
  });

  it('makes a data URL of exactly the most whole base64 quads that fit, and gives "" past it', () => {
    const quads = Math.floor((MAX_DATA_URL_LENGTH - TEXT_DATA_URL_PREFIX.length) / 4);
    expect(dataUrlOfText('a'.repeat(quads * 3)).length).toBe(TEXT_DATA_URL_PREFIX.length + quads * 4);
    expect(dataUrlOfText('a'.repeat(quads * 3 + 1)).length).toBe(0);
    // Each é is one code unit but two bytes: only the check after encoding can refuse this.
    expect(dataUrlOfText('é'.repeat((quads * 3) / 2 + 1)).length).toBe(0);
  });
});

describe('textOfDataUrl', () => {
  it.each([
    ['data:text/plain;charset=utf-8;base64,aMOpbGxvIPCfmIA=', 'héllo 😀'],
    ['data:,A%20brief%20note', 'A brief note'],
    ['data:,h%C3%A9', 'hé'],
    ['data:application/octet-stream;base64,SGk=', 'Hi'],
    ['data:text/plain;charset=iso-8859-1,%E9', '\uFFFD'], // always UTF-8: the charset is not used
    ['data:,a%FFb%C3', 'a\uFFFDb\uFFFD'],
    ['data:,%EF%BB%BFbom', '\uFEFFbom'], // a byte order mark is text, kept
    ['data:,', ''],
  ])('reads %j as %j', (dataUrl, expected) => {
    expect(textOfDataUrl(dataUrl)).toBe(expected);
  });

  it.each([['Hello'], [''], ['data:;base64,A'], ['data:no comma'], ...NOT_TEXT.map((v) => [v])])(
    'gives "" for %j, which is not a data URL it reads',
    (value) => {
      expect(textOfDataUrl(value)).toBe('');
    },
  );

  it('gives back any well-formed text put in by dataUrlOfText', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(textOfDataUrl(dataUrlOfText(text))).toBe(text);
      }),
      PROPERTY_RUNS,
    );
  });

  it('gives back text starting with a byte order mark, which a default decoder would drop', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (text) => {
        expect(textOfDataUrl(dataUrlOfText(`\uFEFF${text}`))).toBe(`\uFEFF${text}`);
      }),
      { ...PROPERTY_RUNS, numRuns: 50 },
    );
  });
});

describe('dataUrlOfBytes', () => {
  it.each([
    ['1 2 255', 'data:application/octet-stream;base64,AQL/'],
    ['1,2,255', 'data:application/octet-stream;base64,AQL/'],
    ['72 105', 'data:application/octet-stream;base64,SGk='],
    ['', 'data:application/octet-stream;base64,'],
  ])('writes %j as the data URL a received binary message has', (list, expected) => {
    expect(dataUrlOfBytes(list)).toBe(expected);
  });

  it.each([['1 2 256'], ['-1'], ['1.5'], ['one'], ...NOT_TEXT.map((v) => [v])])('gives "" for %j', (value) => {
    expect(dataUrlOfBytes(value)).toBe('');
  });
});

describe('bytesOfDataUrl', () => {
  it.each([
    ['data:application/octet-stream;base64,AQL/', '1 2 255'],
    ['data:,Hi', '72 105'],
    ['data:text/plain;charset=utf-8;base64,w6k=', '195 169'],
    ['data:application/octet-stream;base64,', ''],
  ])('reads %j as %j', (dataUrl, expected) => {
    expect(bytesOfDataUrl(dataUrl)).toBe(expected);
  });

  it.each([['1 2 3'], ['data:;base64,A'], ...NOT_TEXT.map((v) => [v])])('gives "" for %j', (value) => {
    expect(bytesOfDataUrl(value)).toBe('');
  });

  it('gives "" past the byte list limit and the list at it', () => {
    const bytes = new Uint8Array(MAX_BYTE_LIST_ITEMS);
    expect(bytesOfDataUrl(bytesToDataUrl(bytes)).length).toBe(MAX_BYTE_LIST_ITEMS * 2 - 1);
    expect(bytesOfDataUrl(bytesToDataUrl(new Uint8Array(MAX_BYTE_LIST_ITEMS + 1))).length).toBe(0);
  });

  it('round-trips any bytes: list → data URL → list, and data URL → list → data URL', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const list = formatByteList(bytes);
        const dataUrl = dataUrlOfBytes(list);
        expect(dataUrl).toBe(bytesToDataUrl(bytes));
        expect(bytesOfDataUrl(dataUrl)).toBe(list);
        expect(dataUrlOfBytes(bytesOfDataUrl(bytesToDataUrl(bytes)))).toBe(bytesToDataUrl(bytes));
      }),
      PROPERTY_RUNS,
    );
  });

  it('lists the bytes of a text data URL as its UTF-8, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (text) => {
        expect(bytesOfDataUrl(dataUrlOfText(text))).toBe(formatByteList(new TextEncoder().encode(text)));
      }),
      PROPERTY_RUNS,
    );
  });
});
