import { isAsciiWhitespace } from './ascii-whitespace.js';

/**
 * Bytes as text a Scratch project can take apart, such as `72 105 33`: the form of the
 * `(data URL of bytes [BYTES])` and `(bytes of data URL [DATA])` blocks.
 */

/**
 * The most bytes read or written as a list: 4 Mi, 20 times what a Scratch list holds (200,000
 * items), and little enough that one reporter call stays well under a second on a slow computer
 * (the project waits for it).
 */
export const MAX_BYTE_LIST_ITEMS = 2 ** 22;

/** Why a text is not a byte list; stable words, so callers may compare them. */
export const BYTE_LIST_NOT_TEXT = 'not text';
export const BYTE_LIST_TOO_LONG = 'too long';
export const BYTE_LIST_NOT_A_BYTE = 'not a byte';

export type ByteListParse =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: typeof BYTE_LIST_NOT_TEXT | typeof BYTE_LIST_TOO_LONG }
  | { ok: false; reason: typeof BYTE_LIST_NOT_A_BYTE; item: string };

/** Item separators: commas and ASCII whitespace, in any mix and number. */
function isSeparator(code: number): boolean {
  return code === 0x2c || isAsciiWhitespace(code);
}

/** The byte an item names as Scratch reads numbers, or null when it is not a whole 0–255. */
function itemValue(item: string): number | null {
  // Number('\u00a0') is 0: an item of other whitespace only must not be a zero byte.
  const value = item.trim() === '' ? Number.NaN : Number(item);
  return Number.isInteger(value) && value >= 0 && value <= 255 ? value : null;
}

/**
 * Reads a list of bytes written as numbers, such as `72 105 33`, `72,105,33` or `72, 105, 33`.
 *
 * - Items are separated by any run of commas and whitespace (space, tab, new line); separators
 *   at the start or end are ignored, so an empty or all-separator text is zero bytes.
 * - Each item is read as Scratch reads a number (JavaScript's `Number`, as Scratch's `Cast`
 *   does), and must then be a whole number from 0 to 255: `65`, `065`, `65.0`, `0x41` and
 *   `6.5e1` are all 65.
 * - One item that is not a byte (`256`, `-1`, `1.5`, `a`, `NaN`) rejects the whole text:
 *   `{ ok: false, reason: 'not a byte', item }` naming the first such item. Neither clamped nor
 *   wrapped, because a silently changed byte is a bug the project would never see.
 *
 * Never throws: a non-string gives `not text`; more than {@link MAX_BYTE_LIST_ITEMS} items, or a
 * text longer than 8 characters per allowed item, gives `too long`.
 */
export function parseByteList(text: unknown): ByteListParse {
  if (typeof text !== 'string') return { ok: false, reason: BYTE_LIST_NOT_TEXT };
  if (text.length > MAX_BYTE_LIST_ITEMS * 8) return { ok: false, reason: BYTE_LIST_TOO_LONG };

  // Every item but the last is followed by at least one separator.
  const out = new Uint8Array(Math.min(Math.ceil(text.length / 2), MAX_BYTE_LIST_ITEMS));
  let count = 0;
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSeparator(text.charCodeAt(i))) i += 1;
    if (i === text.length) break;
    const start = i;
    // Plain decimal digits, by far the usual item, are added up while scanning; anything
    // else (`0x41`, `65.0`, `-1`, `a`) goes to Number below.
    let digits = 0;
    while (i < text.length && !isSeparator(text.charCodeAt(i))) {
      const digit = text.charCodeAt(i) - 0x30;
      digits = digit >= 0 && digit <= 9 && digits >= 0 ? digits * 10 + digit : -1;
      i += 1;
    }
    const value = digits >= 0 && digits <= 255 ? digits : itemValue(text.slice(start, i));
    if (value === null) return { ok: false, reason: BYTE_LIST_NOT_A_BYTE, item: text.slice(start, i) };
    if (count === MAX_BYTE_LIST_ITEMS) return { ok: false, reason: BYTE_LIST_TOO_LONG };
    out[count] = value;
    count += 1;
  }
  return { ok: true, bytes: out.slice(0, count) };
}

/** Each byte's decimal text, made once: formatting then costs one look-up per byte. */
const BYTE_TEXT = Array.from({ length: 256 }, (_, byte) => String(byte));

/**
 * `bytes` as decimal numbers separated by single spaces (`72 105 33`), `''` for none: the form
 * {@link parseByteList} reads back to the same bytes. The caller keeps to
 * {@link MAX_BYTE_LIST_ITEMS}; the text is at most 4 characters per byte.
 */
export function formatByteList(bytes: Uint8Array): string {
  const parts = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) parts[i] = BYTE_TEXT[bytes[i]!]!;
  return parts.join(' ');
}
