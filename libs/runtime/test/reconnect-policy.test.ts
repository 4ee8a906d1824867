import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ERROR_CONNECTION_FAILED,
  ERROR_CONNECTION_LOST,
  ERROR_INVALID_URL,
  ERROR_PERMISSION_DENIED,
  RECONNECT_INITIAL_DELAY_MS,
  RECONNECT_MAX_DELAY_MS,
  reconnectDelay,
  shouldReconnect,
  type ConnectionEnding,
} from '../src/index.js';
import { PROPERTY_RUNS } from './support/property.js';

const serverClose = (code: number): ConnectionEnding => ({ kind: 'close', code, byProject: false });

describe('shouldReconnect', () => {
  it.each([
    [ERROR_CONNECTION_FAILED, true],
    [ERROR_CONNECTION_LOST, true],
    ['timed out', true],
    ['a reason added later', true],
    [ERROR_INVALID_URL, false],
    [ERROR_PERMISSION_DENIED, false],
    ['invalid protocols', false],
  ])('after a failure with reason %j: %s', (reason, expected) => {
    expect(shouldReconnect({ kind: 'error', reason })).toBe(expected);
  });

  it.each([1001, 1006, 1011, 1012, 1013, 1014])('reconnects after the server closes with %i', (code) => {
    expect(shouldReconnect(serverClose(code))).toBe(true);
  });

  it.each([1000, 1002, 1003, 1004, 1005, 1007, 1008, 1009, 1010, 1015, 1016, 2999, 3000, 3008, 3999, 4000, 4500, 4999])(
    'does not reconnect after the server closes with %i',
    (code) => {
      expect(shouldReconnect(serverClose(code))).toBe(false);
    },
  );

  it('reconnects after exactly six of the codes from 0 to 65535 when the server closes', () => {
    const codes = Array.from({ length: 65_536 }, (_, code) => code).filter((code) => shouldReconnect(serverClose(code)));
    expect(codes).toEqual([1001, 1006, 1011, 1012, 1013, 1014]);
  });

  it.each([1000, 1001, 1006, 1011, 1012, 1013, 1014, 3000, 4000])('never reconnects after a close the project asked for (%i)', (code) => {
    expect(shouldReconnect({ kind: 'close', code, byProject: true })).toBe(false);
  });

  it.each([
    [null],
    [undefined],
    ['error'],
    [{ kind: 'stop' }],
    [{ kind: 'close', code: 1001.5, byProject: false }],
    [{ kind: 'close', code: '1001', byProject: false }],
    [{ kind: 'close', code: 1001 }],
    [{ kind: 'error', reason: 42 }],
  ])('gives false for the malformed ending %j, without throwing', (ending) => {
    expect(shouldReconnect(ending as ConnectionEnding)).toBe(false);
  });
});

describe('reconnectDelay', () => {
  it.each([
    [0, 0, 500],
    [0, 0.5, 750],
    [0, 0.999_999, 999],
    [0, 1 - Number.EPSILON / 2, 999], // the largest number below 1
    [1, 0, 1000],
    [1, 0.5, 1500],
    [2, 0.5, 3000],
    [3, 0.5, 6000],
    [4, 0.5, 12_000],
    [5, 0, 15_000],
    [5, 0.5, 22_500],
    [5, 0.999_999, 29_999],
    [6, 0.5, 22_500],
    [1000, 0.5, 22_500],
    [Number.MAX_SAFE_INTEGER, 0.5, 22_500],
  ])('waits, before attempt %i with random %d, %i ms', (attempt, random, expected) => {
    expect(reconnectDelay(attempt, () => random)).toBe(expected);
  });

  it.each([[-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY], ['3' as unknown as number]])(
    'counts the attempt %j as the first',
    (attempt) => {
      expect(reconnectDelay(attempt, () => 0.5)).toBe(750);
    },
  );

  it.each([
    [-0.5, 15_000],
    [Number.NaN, 15_000],
    [1, 29_999],
    [7, 29_999],
    [Number.POSITIVE_INFINITY, 29_999],
    ['0.5' as unknown as number, 15_000],
  ])('clamps the random number %j into [0, 1): waits %i ms at the cap', (random, expected) => {
    expect(reconnectDelay(10, () => random)).toBe(expected);
  });

  it('uses Math.random when no source is given, staying in the first window', () => {
    const delay = reconnectDelay(0);
    expect(delay).toBeGreaterThanOrEqual(500);
    expect(delay).toBeLessThan(1000);
  });

  it('stays a whole number of ms in the upper half of 1 s doubling to a 30 s cap, for any attempt and random', () => {
    const random = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
    fc.assert(
      fc.property(fc.nat({ max: 100 }), random, (attempt, r) => {
        const nominal = Math.min(RECONNECT_INITIAL_DELAY_MS * 2 ** attempt, RECONNECT_MAX_DELAY_MS);
        const delay = reconnectDelay(attempt, () => r);
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(nominal / 2);
        expect(delay).toBeLessThan(nominal);
      }),
      PROPERTY_RUNS,
    );
  });

  it('never waits less for a later attempt given the same random number', () => {
    const random = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
    fc.assert(
      fc.property(fc.nat({ max: 50 }), random, (attempt, r) => {
        expect(reconnectDelay(attempt + 1, () => r)).toBeGreaterThanOrEqual(reconnectDelay(attempt, () => r));
      }),
      PROPERTY_RUNS,
    );
  });
});
