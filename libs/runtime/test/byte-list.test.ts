import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatByteList, MAX_BYTE_LIST_ITEMS, parseByteList, type ByteListParse } from '../src/index.js';
import { PROPERTY_RUNS } from './support/property.js';

describe('parseByteList', () => {
  it.each([
    ['spaces', '1 2 255', [1, 2, 255]],
    ['commas', '1,2,255', [1, 2, 255]],
    ['commas and spaces', '1, 2, 255', [1, 2, 255]],
    ['tabs and new lines', '1\t2\n255\r\n0', [1, 2, 255, 0]],
    ['separators at both ends and in runs', ' ,1  ,, 2 , ', [1, 2]],
    ['an empty text: zero bytes', '', []],
    ['separators only: zero bytes', ' , \n', []],
    ['zero', '0', [0]],
    ['leading zeros', '007 0255', [7, 255]],
    ['a whole number written with a fraction part', '65.0', [65]],
    ['hexadecimal, as Scratch reads numbers', '0x41 0XfF', [65, 255]],
    ['an exponent', '6.5e1', [65]],
    ['a plus sign', '+7', [7]],
    ['minus zero', '-0', [0]],
  ])('reads %s', (_name, input, expected) => {
    expect(parseByteList(input)).toEqual({ ok: true, bytes: new Uint8Array(expected) });
  });

  it.each([
    ['256', '256'],
    ['-1', '-1'],
    ['1.5', '1.5'],
    ['1 2 x 4', 'x'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['1e400', '1e400'],
    ['1;2', '1;2'],
    ['1 2 300 400', '300'],
    ['\u00a0', '\u00a0'], // a no-break space is not a separator, and not the number 0
    ['\v', '\v'],
    ['0x100', '0x100'],
  ])('refuses %j as a whole, naming the first bad item %j', (input, item) => {
    expect(parseByteList(input)).toEqual({ ok: false, reason: 'not a byte', item });
  });

  it.each([[undefined], [null], [42], [[1, 2]], [new Uint8Array(2)]])('gives "not text" for %j, without throwing', (input) => {
    expect(parseByteList(input)).toEqual({ ok: false, reason: 'not text' });
  });

  it('reads exactly the item limit, and refuses one item more', () => {
    // Only sizes and reasons are compared: a failure message must not print 4 MB of bytes.
    const outcome = (result: ByteListParse) => (result.ok ? result.bytes.length : result.reason);
    const atLimit = '0 '.repeat(MAX_BYTE_LIST_ITEMS);
    expect(outcome(parseByteList(atLimit))).toBe(MAX_BYTE_LIST_ITEMS);
    expect(outcome(parseByteList(`${atLimit}0`))).toBe('too long');
  });

  it('refuses a text too long to be a list of allowed length, before reading it', () => {
    expect(parseByteList(' '.repeat(MAX_BYTE_LIST_ITEMS * 8 + 1))).toEqual({ ok: false, reason: 'too long' });
  });
});

describe('formatByteList', () => {
  it.each([
    [[], ''],
    [[0], '0'],
    [[1, 2, 255], '1 2 255'],
    [[72, 105, 33], '72 105 33'],
  ])('writes %j as %j', (bytes, expected) => {
    expect(formatByteList(new Uint8Array(bytes))).toBe(expected);
  });

  it('is read back to the same bytes, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        expect(parseByteList(formatByteList(bytes))).toEqual({ ok: true, bytes });
      }),
      PROPERTY_RUNS,
    );
  });

  it('reads the same bytes whatever commas and whitespace separate them', () => {
    const separator = fc.string({ unit: fc.constantFrom(' ', ',', '\t', '\n', '\r', '\f'), minLength: 1, maxLength: 4 });
    const edge = fc.string({ unit: fc.constantFrom(' ', ',', '\n'), maxLength: 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), separator), { maxLength: 100 }), edge, edge, (items, start, end) => {
        const text = start + items.map(([byte, sep], i) => (i === 0 ? '' : sep) + String(byte)).join('') + end;
        expect(parseByteList(text)).toEqual({ ok: true, bytes: new Uint8Array(items.map(([byte]) => byte)) });
      }),
      PROPERTY_RUNS,
    );
  });
});
