import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, forgivingBase64Decode, portableBase64 } from '../src/index.js';
import { PROPERTY_RUNS } from './support/property.js';

const decoded = (text: string) => {
  const bytes = forgivingBase64Decode(text);
  return bytes === null ? null : [...bytes];
};

describe('forgivingBase64Decode', () => {
  it.each([
    ['', []],
    ['AA==', [0]],
    ['AA', [0]],
    ['AAA=', [0, 0]],
    ['AAA', [0, 0]],
    ['/w==', [255]],
    ['+/+/', [0xfb, 0xff, 0xbf]],
    ['SGVsbG8h', [72, 101, 108, 108, 111, 33]],
    ['SGVs bG8h', [72, 101, 108, 108, 111, 33]],
    [' S\tG\nV\fs\rbG8h ', [72, 101, 108, 108, 111, 33]],
    ['AB==', [0]], // leftover bits that are not zero are dropped
    ['AP8=', [0, 255]],
    ['A A = =', [0]], // whitespace goes first, then the padding rule
  ])('reads %j as %j', (input, expected) => {
    expect(decoded(input)).toEqual(expected);
  });

  it.each([
    ['A', 'one character cannot make a byte'],
    ['AAAAA', 'five characters leave a remainder of 1'],
    ['AA=', 'padding on a length that is not a multiple of 4'],
    ['A===', 'three padding characters'],
    ['AA==AA==', 'padding in the middle'],
    ['=AAA', 'padding at the start'],
    ['AA-_', 'the URL-safe alphabet'],
    ['AA.A', 'a character outside the alphabet'],
    ['AAé=', 'a letter beyond ASCII'],
    ['AA\u00a0A', 'a no-break space (not ASCII whitespace)'],
    ['AA\vA', 'a vertical tab (not ASCII whitespace)'],
    ['AA\u0000A', 'a NUL character'],
  ])('rejects %j (%s)', (input) => {
    expect(forgivingBase64Decode(input)).toBeNull();
  });

  it('reads back what both of our base64 encoders write, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(forgivingBase64Decode(bytesToBase64(bytes))).toEqual(bytes);
        expect(forgivingBase64Decode(portableBase64(bytes))).toEqual(bytes);
      }),
      PROPERTY_RUNS,
    );
  });

  it('reads the same bytes with the padding left out or whitespace put anywhere', () => {
    const withSpaces = fc.tuple(fc.uint8Array({ maxLength: 100 }), fc.array(fc.nat(), { maxLength: 10 }));
    fc.assert(
      fc.property(withSpaces, ([bytes, positions]) => {
        const base64 = bytesToBase64(bytes);
        let spaced = base64;
        for (const at of positions) {
          const i = at % (spaced.length + 1);
          spaced = `${spaced.slice(0, i)}${' \t\n\f\r'[at % 5]}${spaced.slice(i)}`;
        }
        expect(forgivingBase64Decode(spaced)).toEqual(bytes);
        expect(forgivingBase64Decode(base64.replace(/=+$/, ''))).toEqual(bytes);
      }),
      PROPERTY_RUNS,
    );
  });

  it('agrees with atob on success and failure, for any text of base64 characters and spaces', () => {
    const text = fc.string({ unit: fc.constantFrom(...'AZaz09+/= \t\n-_.'), maxLength: 24 });
    fc.assert(
      fc.property(text, (input) => {
        let expected: number[] | null;
        try {
          expected = [...atob(input)].map((c) => c.charCodeAt(0));
        } catch (error) {
          expect((error as DOMException).name).toBe('InvalidCharacterError');
          expected = null;
        }
        expect(decoded(input)).toEqual(expected);
      }),
      PROPERTY_RUNS,
    );
  });
});
