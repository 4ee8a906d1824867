import { BASE64_ALPHABET } from './text-codecs.js';

/**
 * WHATWG Infra "forgiving-base64 decode" (https://infra.spec.whatwg.org/#forgiving-base64-decode),
 * the base64 reading that `data:` URLs and `atob()` use. It is more lenient than RFC 4648 §4 in
 * the ways a hand-typed or wrapped data URL needs, and strict everywhere else:
 *
 * - ASCII whitespace (tab, line feed, form feed, carriage return, space) anywhere is ignored;
 * - the `=` padding may be left out, but when the length is a multiple of 4 only one or two
 *   trailing `=` are removed, and `=` anywhere else is an error;
 * - a length (without padding) that leaves a remainder of 1 when divided by 4 is an error, since
 *   6 bits cannot make a byte;
 * - any character outside `A–Z a–z 0–9 + /` is an error (so the URL-safe `-` and `_` are too);
 * - bits left over after the last whole byte are dropped, even when not zero (`AB==` gives 0x00).
 *
 * Not `atob`: it reports failure by throwing, and building its result string then copying it into
 * bytes costs twice the memory of decoding straight into bytes.
 */

const ASCII_WHITESPACE = /[\t\n\f\r ]/g;
const ONLY_BASE64_ALPHABET = /^[A-Za-z0-9+/]*$/;

/** The 6-bit value of each base64 character by char code; the check above guarantees a hit. */
const SEXTET = new Uint8Array(128);
for (let i = 0; i < BASE64_ALPHABET.length; i += 1) SEXTET[BASE64_ALPHABET.charCodeAt(i)] = i;

/**
 * The bytes `data` stands for, or null when it is not forgiving-base64 (rules above).
 * `data` is read one UTF-16 code unit per character; anything beyond ASCII is an error.
 * Never throws for a string.
 */
export function forgivingBase64Decode(data: string): Uint8Array | null {
  let text = data.replace(ASCII_WHITESPACE, '');
  if (text.length % 4 === 0) {
    if (text.endsWith('==')) text = text.slice(0, -2);
    else if (text.endsWith('=')) text = text.slice(0, -1);
  }
  if (text.length % 4 === 1) return null;
  if (!ONLY_BASE64_ALPHABET.test(text)) return null;

  const length = text.length;
  const out = new Uint8Array(Math.floor((length * 3) / 4));
  const wholeQuads = length - (length % 4);
  let o = 0;
  let i = 0;
  for (; i < wholeQuads; i += 4) {
    const n =
      (SEXTET[text.charCodeAt(i)]! << 18) |
      (SEXTET[text.charCodeAt(i + 1)]! << 12) |
      (SEXTET[text.charCodeAt(i + 2)]! << 6) |
      SEXTET[text.charCodeAt(i + 3)]!;
    out[o] = n >> 16;
    out[o + 1] = (n >> 8) & 255;
    out[o + 2] = n & 255;
    o += 3;
  }
  const rest = length - wholeQuads;
  if (rest >= 2) {
    const n =
      (SEXTET[text.charCodeAt(i)]! << 18) |
      (SEXTET[text.charCodeAt(i + 1)]! << 12) |
      (rest === 3 ? SEXTET[text.charCodeAt(i + 2)]! << 6 : 0);
    out[o] = n >> 16;
    if (rest === 3) out[o + 1] = (n >> 8) & 255;
  }
  return out;
}
