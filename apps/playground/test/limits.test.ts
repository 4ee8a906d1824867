import { describe, expect, it } from 'vitest';
import { countUnsent, formatMebibytes, hasCaughtUp, isOverUnsentLimit } from '../src/limits.js';

const MiB = 1024 * 1024;

describe('countUnsent', () => {
  it.each([
    [0, 0, 0],
    [4, 1, 4 + 1024],
    [MiB, 1, MiB + 1024],
    [4 * 8192, 8192, 4 * 8192 + 8 * MiB],
  ])('%i bytes buffered in %i messages count as %i', (buffered, messages, expected) => {
    expect(countUnsent(buffered, messages)).toBe(expected);
  });

  it('counts 8,192 empty messages as the whole default limit, and one more as past it', () => {
    expect(isOverUnsentLimit(countUnsent(0, 8192), 8 * MiB)).toBe(false);
    expect(isOverUnsentLimit(countUnsent(0, 8193), 8 * MiB)).toBe(true);
  });
});

describe('isOverUnsentLimit', () => {
  it.each([
    [0, 8 * MiB, false],
    [8 * MiB, 8 * MiB, false],
    [8 * MiB + 1, 8 * MiB, true],
    [100 * MiB, 8 * MiB, true],
  ])('%i bytes unsent, limit %i: %s', (unsent, limit, expected) => {
    expect(isOverUnsentLimit(unsent, limit)).toBe(expected);
  });
});

describe('hasCaughtUp', () => {
  it.each([
    [0, 8 * MiB, true],
    [4 * MiB, 8 * MiB, true],
    [4 * MiB + 1, 8 * MiB, false],
    [8 * MiB, 8 * MiB, false],
  ])('%i bytes unsent, limit %i: %s', (unsent, limit, expected) => {
    expect(hasCaughtUp(unsent, limit)).toBe(expected);
  });
});

describe('formatMebibytes', () => {
  it.each([
    [0, '0.0 MiB'],
    [8 * MiB, '8.0 MiB'],
    [8 * MiB + 100 * 1024, '8.1 MiB'],
  ])('%i bytes as %s', (bytes, expected) => {
    expect(formatMebibytes(bytes)).toBe(expected);
  });
});
