import { describe, expect, it } from 'vitest';
import { normalizeCloseCode } from '../src/index.js';

describe('normalizeCloseCode', () => {
  it.each([
    [1000, 1000],
    [3000, 3000],
    [3500, 3500],
    [4999, 4999],
    [2999, 1000],
    [5000, 1000],
    [1001, 1000],
    [1006, 1000],
    [1015, 1000],
    [0, 1000],
    [-1, 1000],
    [-3500, 1000],
    [3000.5, 1000],
    [4999.0001, 1000],
    [NaN, 1000],
    [Infinity, 1000],
    [-Infinity, 1000],
    [Number.MAX_SAFE_INTEGER, 1000],
  ])('turns code %s into %s', (input, expected) => {
    expect(normalizeCloseCode(input)).toBe(expected);
  });

  it.each([['3500'], [null], [undefined], [{}], [[3500]]])('turns the non-number %j into 1000', (input) => {
    expect(normalizeCloseCode(input)).toBe(1000);
  });
});
