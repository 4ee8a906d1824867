/**
 * Scratch's own conversions (scratch-vm's `Cast`), written from their documented behaviour,
 * for tests that cast block inputs as the generated extension does before calling the runtime.
 */

/** NaN and anything that is not a number become 0; `''` and white space are 0, as `Number()` says. */
export function castToNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isNaN(value) ? 0 : value;
  const number = Number(value);
  return Number.isNaN(number) ? 0 : number;
}

export function castToString(value: unknown): string {
  return String(value);
}

/** The strings `''`, `'0'` and any casing of `'false'` are false; other strings are true. */
export function castToBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return !(value === '' || value === '0' || value.toLowerCase() === 'false');
  return Boolean(value);
}

/** The three casts in the shape of TurboWarp's `Scratch.Cast`. */
export const scratchCast = { toNumber: castToNumber, toString: castToString, toBoolean: castToBoolean };
