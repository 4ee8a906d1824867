import parseWithReference from 'data-urls';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BINARY_DATA_URL_PREFIX,
  bytesToDataUrl,
  MAX_DATA_URL_LENGTH,
  parseDataUrl,
  portableBase64,
  type DataUrlParse,
} from '../src/index.js';
import { PROPERTY_RUNS } from './support/property.js';

const utf8 = (text: string) => [...new TextEncoder().encode(text)];

describe('parseDataUrl', () => {
  it.each([
    ['the RFC 2397 example', 'data:,A%20brief%20note', false, utf8('A brief note')],
    ['a received binary message', 'data:application/octet-stream;base64,AQL/', true, [1, 2, 255]],
    ['base64 text with a charset', 'data:text/plain;charset=utf-8;base64,8J+YgA==', true, utf8('😀')],
    ['no media type, base64', 'data:;base64,SGk=', true, utf8('Hi')],
    ['parameters only', 'data:;charset=utf-8,x', false, utf8('x')],
    ['an empty body', 'data:,', false, []],
    ['an empty base64 body', 'data:image/png;base64,', true, []],
    ['the scheme and marker in any case', 'DaTa:image/PNG;BaSe64,AA==', true, [0]],
    ['spaces before base64 and around the media type', 'data: text/plain ; base64 ,SGk=', true, utf8('Hi')],
    ['spaces inside base64', 'data:;base64,S G\fk =', true, utf8('Hi')],
    ['tabs and new lines anywhere', 'da\nta:;ba\tse64,SG\r\nk=', true, utf8('Hi')],
    ['surrounding spaces and controls', ' \u0000data:,x \u001f', false, utf8('x')],
    ['a fragment', 'data:,abc#def', false, utf8('abc')],
    ['a query, which is part of the body', 'data:,a?b', false, utf8('a?b')],
    ['percent-encoded base64', 'data:;base64,%53%47%6B%3d', true, utf8('Hi')],
    ['a percent sign without two hex digits', 'data:,100%25 %zz %4', false, utf8('100% %zz %4')],
    ['letters beyond ASCII, as UTF-8', 'data:,é😀', false, utf8('é😀')],
    ['percent-encoded bytes that are not UTF-8', 'data:,%FF%00%80', false, [255, 0, 128]],
    ['an invalid media type', 'data:nonsense,x', false, utf8('x')],
    ['base64 named as a parameter value is not base64', 'data:;charset=base64,AA', false, utf8('AA')],
    ['a comma in the body', 'data:,a,b', false, utf8('a,b')],
    // The `;base64` marker is read from the URL as its parser writes it out, percent-encoded.
    ['a media type beyond ASCII', 'data:t\u00e9xt/plain,x', false, utf8('x')],
    ['a form feed before the comma, which the URL encodes', 'data:;base64\f,AA', false, utf8('AA')],
    ['a query in the media type, whose spaces the URL encodes', 'data:?; base64 ,AA', false, utf8('AA')],
  ])('reads %s', (_name, input, base64, bytes) => {
    const result = parseDataUrl(input);
    expect(result).toEqual({ ok: true, base64, bytes: new Uint8Array(bytes) });
  });

  it.each([
    ['another scheme', 'http://example.com/,x', 'not a data: URL'],
    ['no scheme', ',x', 'not a data: URL'],
    ['an empty text', '', 'not a data: URL'],
    ['a scheme with a space inside', 'dat a:,x', 'not a data: URL'],
    ['no comma', 'data:text/plain;base64', 'no comma'],
    ['a comma only in the fragment', 'data:text/plain#,x', 'no comma'],
    ['bad base64', 'data:;base64,A', 'invalid base64'],
    ['base64 with a letter beyond ASCII', 'data:;base64,AAé=', 'invalid base64'],
    ['base64 with a percent-encoded byte beyond ASCII', 'data:;base64,AA%C3%A9', 'invalid base64'],
    ['the URL-safe base64 alphabet', 'data:;base64,-_-_', 'invalid base64'],
  ])('refuses %s', (_name, input, reason) => {
    expect(parseDataUrl(input)).toEqual({ ok: false, reason });
  });

  it.each([[undefined], [null], [42], [{}], [['data:,x']], [new String('data:,x')]])(
    'gives "not text" for %j, without throwing',
    (input) => {
      expect(parseDataUrl(input)).toEqual({ ok: false, reason: 'not text' });
    },
  );

  it('reads a data URL of exactly the length limit, and refuses one code unit more', () => {
    // Only sizes and reasons are compared: a failure message must not print 64 MB of bytes.
    const outcome = (result: DataUrlParse) => (result.ok ? result.bytes.length : result.reason);
    const atLimit = `data:,${'a'.repeat(MAX_DATA_URL_LENGTH - 6)}`;
    expect(outcome(parseDataUrl(atLimit))).toBe(MAX_DATA_URL_LENGTH - 6);
    expect(outcome(parseDataUrl(`${atLimit}a`))).toBe('too long');
  });

  it('reads back the bytes of every received binary message (bytesToDataUrl)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const dataUrl = bytesToDataUrl(bytes);
        expect(dataUrl.startsWith(BINARY_DATA_URL_PREFIX)).toBe(true);
        expect(parseDataUrl(dataUrl)).toEqual({ ok: true, base64: true, bytes });
        expect(parseDataUrl(BINARY_DATA_URL_PREFIX + portableBase64(bytes))).toEqual(parseDataUrl(dataUrl));
      }),
      PROPERTY_RUNS,
    );
  });

  it('reads back any bytes written percent-encoded', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const body = [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
        const result = parseDataUrl(`data:application/x-anything;p=1,${body}`);
        expect(result).toEqual({ ok: true, base64: false, bytes });
      }),
      PROPERTY_RUNS,
    );
  });

  /**
   * Texts built from the pieces that matter to the rules, compared with jsdom's implementation
   * of the same standard: success or failure, and the bytes, must match. The media type is not
   * compared (jsdom normalises it; we keep it as written). A `/` right after `data:` is left out
   * (see parseDataUrl's doc comment).
   */
  it('reads every data URL to the same bytes as the WHATWG reference implementation', () => {
    const piece = fc.constantFrom(
      ...['a', 'Z', '0', '9', '+', '/', '=', ',', ';', ' ', '\t', '\n', '\r', '\f', '\u0000', '#', '?', '%'],
      ...['%2', '%2B', '%3d', '%ff', '%20', '%0A', 'é', '😀', '\uD83D', 'base64', 'BASE64', 'text/plain', 'x/y'],
    );
    const header = fc.constantFrom('data:', 'DATA:', ' data:', 'data: ', 'dat\na:', 'http:');
    const dataUrl = fc
      .tuple(header, fc.array(piece, { maxLength: 8 }), fc.constantFrom(';base64,', '; base64 ,', ',', ''), fc.array(piece, { maxLength: 16 }))
      .map(([head, type, marker, body]) => head + type.join('') + marker + body.join(''))
      .filter((text) => !/^[\x00-\x20]*data:\//i.test(text.replace(/[\t\n\r]/g, '')));
    fc.assert(
      fc.property(dataUrl, (input) => {
        const reference = parseWithReference(input);
        const ours = parseDataUrl(input);
        expect(ours.ok ? [...ours.bytes] : null).toEqual(reference === null ? null : [...reference.body]);
      }),
      { ...PROPERTY_RUNS, numRuns: 2000 },
    );
  });
});
