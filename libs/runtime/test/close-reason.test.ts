import { describe, expect, it } from 'vitest';
import { MAX_CLOSE_REASON_BYTES, truncateCloseReason } from '../src/index.js';

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

describe('truncateCloseReason', () => {
  it.each([
    ['empty', '', ''],
    ['short ASCII', 'fulfilled', 'fulfilled'],
    ['exactly 123 ASCII bytes', 'a'.repeat(123), 'a'.repeat(123)],
    ['124 ASCII bytes', 'a'.repeat(124), 'a'.repeat(123)],
    ['2-byte letters, odd limit', 'é'.repeat(70), 'é'.repeat(61)],
    ['3-byte characters', '水'.repeat(50), '水'.repeat(41)],
    ['a 4-byte emoji straddling the limit', `${'a'.repeat(121)}😀`, 'a'.repeat(121)],
    ['a 4-byte emoji ending exactly at the limit', `${'a'.repeat(119)}😀b`, `${'a'.repeat(119)}😀`],
    ['a 3-byte character straddling the limit', `${'a'.repeat(122)}€`, 'a'.repeat(122)],
    ['emoji only', '😀'.repeat(40), '😀'.repeat(30)],
    ['a combining accent after the limit', `${'a'.repeat(122)}e\u0301`, `${'a'.repeat(122)}e`],
  ])('%s', (_name, input, expected) => {
    const result = truncateCloseReason(input);
    expect(result).toBe(expected);
    expect(utf8Length(result)).toBeLessThanOrEqual(MAX_CLOSE_REASON_BYTES);
    expect(result).not.toContain('\uFFFD');
  });

  it('keeps the longest whole-character prefix for every cut position of mixed text', () => {
    const pieces = ['a', 'é', '水', '😀'];
    for (let offset = 0; offset < 8; offset += 1) {
      const input = 'x'.repeat(offset) + pieces.join('').repeat(20);
      const result = truncateCloseReason(input);
      expect(input.startsWith(result)).toBe(true);
      expect(utf8Length(result)).toBeLessThanOrEqual(123);
      // One more character would not fit.
      const next = input.slice(result.length, result.length + (input.codePointAt(result.length)! > 0xffff ? 2 : 1));
      expect(utf8Length(result + next)).toBeGreaterThan(123);
    }
  });

  it('sends a lone surrogate as U+FFFD, as every WebSocket encoder does, and counts its 3 bytes', () => {
    const input = `${'a'.repeat(120)}\uD83D`;
    expect(truncateCloseReason(input)).toBe(`${'a'.repeat(120)}\uFFFD`);
    expect(truncateCloseReason(`${'a'.repeat(121)}\uD83D`)).toBe('a'.repeat(121));
  });
});
