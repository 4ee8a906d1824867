import { describe, expect, it } from 'vitest';
import { formatMebibytes, hasCaughtUp, isOverUnsentLimit } from '../src/limits.js';

const MiB = 1024 * 1024;

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
