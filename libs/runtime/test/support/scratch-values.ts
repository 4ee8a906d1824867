/** A small deterministic generator, so a failure can be reproduced. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIAL: unknown[] = [
  NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, -0.5, 999.999, 1000, 1000.0001, 1001, 1005, 1006, 2999, 3000,
  3000.5, 3500, 4999, 4999.5, 5000, 65535, 65536, 2 ** 31, -(2 ** 31), Number.MAX_VALUE, Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER, '', ' ', '0', '3500', ' 3500 ', '3500.0', '3.5e3', '0x0DAC', '1e400', '-3500', 'NaN',
  'Infinity', 'abc', '😀', '😀'.repeat(100), '\uD83D', 'a\u0000b', 'é'.repeat(200), 'x'.repeat(100_000),
  '\n\t', true, false, null, undefined, {}, [], [3500], { toString: () => 'custom' }, new Date(0),
];

const ALPHABET = ['a', 'Z', '0', ' ', 'é', '水', '😀', '\u0301', '\uD800', '%', '/', ':', '#', '?', '\\'];

/** The special values, then random numbers and strings: `count` values in all. */
export function generatedValues(count: number, seed = 1): unknown[] {
  const random = mulberry32(seed);
  const values = [...SPECIAL];
  while (values.length < count) {
    const kind = values.length % 4;
    if (kind === 0) values.push((random() - 0.5) * 10 ** Math.floor(random() * 12));
    else if (kind === 1) values.push(Math.floor(random() * 6000));
    else {
      const length = Math.floor(random() * (kind === 2 ? 10 : 200));
      let text = '';
      for (let i = 0; i < length; i += 1) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
      values.push(text);
    }
  }
  return values;
}
