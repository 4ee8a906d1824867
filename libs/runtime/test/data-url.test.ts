import { describe, expect, it } from 'vitest';
import { binaryBytes, bytesToBase64, bytesToDataUrl, portableBase64 } from '../src/index.js';

const bytes = (...values: number[]) => new Uint8Array(values);

describe.each([
  ['bytesToBase64 (this platform\'s encoder)', bytesToBase64],
  ['portableBase64 (the plain JavaScript fallback)', portableBase64],
])('%s', (_name, bytesToBase64) => {
  it.each([
    [bytes(), ''],
    [bytes(0), 'AA=='],
    [bytes(0xff), '/w=='],
    [bytes(0xff, 0xfe), '//4='],
    [bytes(0xfb, 0xff, 0xbf), '+/+/'],
    [new TextEncoder().encode('Hello!'), 'SGVsbG8h'],
    [new TextEncoder().encode('any carnal pleasure.'), 'YW55IGNhcm5hbCBwbGVhc3VyZS4='],
    [new TextEncoder().encode('any carnal pleasur'), 'YW55IGNhcm5hbCBwbGVhc3Vy'],
  ])('encodes %j as %j', (input, expected) => {
    expect(bytesToBase64(input)).toBe(expected);
  });

  it('matches Buffer for every length 0–300 and every offset of a view', () => {
    const source = new Uint8Array(400);
    for (let i = 0; i < source.length; i += 1) source[i] = (i * 131 + 7) & 255;
    for (let offset = 0; offset < 4; offset += 1) {
      for (let length = 0; length <= 300; length += 1) {
        const view = source.subarray(offset, offset + length);
        expect(bytesToBase64(view)).toBe(Buffer.from(view).toString('base64'));
      }
    }
  });

  it('matches Buffer for a message larger than the reused buffer (200 kB)', () => {
    const big = new Uint8Array(200_001).map((_, i) => (i * 31) & 255);
    expect(bytesToBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});

describe('bytesToDataUrl', () => {
  it('prefixes the base64 with the octet-stream data: URL header', () => {
    expect(bytesToDataUrl(bytes(1, 2, 3))).toBe('data:application/octet-stream;base64,AQID');
  });
});

describe('binaryBytes', () => {
  it('reads an ArrayBuffer, a Buffer and a view at an offset', () => {
    expect([...binaryBytes(bytes(1, 2).buffer)!]).toEqual([1, 2]);
    expect([...binaryBytes(Buffer.from([3, 4]))!]).toEqual([3, 4]);
    expect([...binaryBytes(bytes(5, 6, 7, 8).subarray(1, 3))!]).toEqual([6, 7]);
  });

  it.each([['text'], [42], [null], [{}]])('gives null for %j', (input) => {
    expect(binaryBytes(input)).toBeNull();
  });
});
