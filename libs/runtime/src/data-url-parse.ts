import { trimAsciiWhitespace } from './ascii-whitespace.js';
import { forgivingBase64Decode } from './forgiving-base64.js';
import { asciiDecoder, utf8Encoder } from './text-codecs.js';

/**
 * The longest `data:` URL read, in UTF-16 code units (64 Mi, about 48 MiB of bytes as base64).
 * Far beyond what a Scratch project holds comfortably, and low enough that nothing built from
 * it (its bytes, their text) nears the engine's string and memory limits.
 */
export const MAX_DATA_URL_LENGTH = 2 ** 26;

/** Why a text is not a `data:` URL we read; stable words, so callers may compare them. */
export const DATA_URL_NOT_TEXT = 'not text';
export const DATA_URL_TOO_LONG = 'too long';
export const DATA_URL_WRONG_SCHEME = 'not a data: URL';
export const DATA_URL_NO_COMMA = 'no comma';
export const DATA_URL_BAD_BASE64 = 'invalid base64';

export type DataUrlProblem =
  | typeof DATA_URL_NOT_TEXT
  | typeof DATA_URL_TOO_LONG
  | typeof DATA_URL_WRONG_SCHEME
  | typeof DATA_URL_NO_COMMA
  | typeof DATA_URL_BAD_BASE64;

/**
 * A `data:` URL read into its bytes: `bytes` is the body, decoded; `base64` says which way it
 * was written. No block reads the media type, so it is not kept.
 */
export type DataUrlParse =
  | { ok: true; base64: boolean; bytes: Uint8Array }
  | { ok: false; reason: DataUrlProblem };

const PERCENT = 0x25;
const DATA_SCHEME = 'data:';
const BASE64_MARKER = 'base64';
const HAS_TAB_OR_NEWLINE = /[\t\n\r]/;
const TAB_OR_NEWLINE = /[\t\n\r]/g;

function fail(reason: DataUrlProblem): DataUrlParse {
  return { ok: false, reason };
}

/** WHATWG URL parser, first steps: drop leading and trailing C0 controls and spaces (U+0000–U+0020). */
function stripC0ControlOrSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start += 1;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end -= 1;
  return text.slice(start, end);
}

/** Fetch step 11: whether the media type ends with `;`, any spaces, then `base64` in any case. */
function hasBase64Marker(mediaType: string): boolean {
  if (mediaType.length < BASE64_MARKER.length + 1) return false;
  if (mediaType.slice(-BASE64_MARKER.length).toLowerCase() !== BASE64_MARKER) return false;
  let end = mediaType.length - BASE64_MARKER.length;
  while (end > 0 && mediaType.charCodeAt(end - 1) === 0x20) end -= 1;
  return end > 0 && mediaType.charCodeAt(end - 1) === 0x3b;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * WHATWG URL "percent-decode", in place: `%` and two hex digits become that byte; a `%` without
 * them stays as it is.
 */
function percentDecode(bytes: Uint8Array): Uint8Array {
  let read = bytes.indexOf(PERCENT);
  if (read === -1) return bytes;
  let write = read;
  while (read < bytes.length) {
    const byte = bytes[read]!;
    const high = byte === PERCENT && read + 2 < bytes.length ? hexValue(bytes[read + 1]!) : -1;
    const low = high === -1 ? -1 : hexValue(bytes[read + 2]!);
    if (low === -1) {
      bytes[write] = byte;
      read += 1;
    } else {
      bytes[write] = (high << 4) | low;
      read += 3;
    }
    write += 1;
  }
  return bytes.subarray(0, write);
}

/** Printable ASCII without `?`: the URL parser hands such a media type over unchanged. */
const PLAIN_MEDIA_TYPE = /^[\x20-\x3e\x40-\x7e]*$/;

/** Upper-case hex digits, as the URL parser writes a percent-encoded byte. */
const HEX_DIGITS = utf8Encoder.encode('0123456789ABCDEF');

/** Whether the URL parser percent-encodes `byte` of a data URL's path (`inQuery` false) or query. */
function mustEncode(byte: number, inQuery: boolean, next: number | undefined): boolean {
  if (byte <= 0x1f || byte > 0x7e) return true;
  if (inQuery) return byte === 0x20 || byte === 0x22 || byte === 0x3c || byte === 0x3e;
  return byte === 0x20 && next === 0x3f;
}

/**
 * The text before the comma as the WHATWG URL parser serializes it, which is what fetch reads
 * the media type and the `;base64` marker from. In the path (before any `?`): C0 controls and
 * everything past `~` are percent-encoded as UTF-8, and a space right before `?` becomes `%20`.
 * After a `?` (the query): also space, `"`, `<` and `>`. So `data:;base64\f,…` and
 * `data:?;base64 ,…` are not base64, exactly as in a browser. Linear in the length, with no
 * string built per character (that took seconds for a megabyte of `é`): the text is encoded to
 * UTF-8 once (a lone surrogate becomes U+FFFD, as the parser's encoder makes it), written out
 * byte by byte into one buffer, and decoded once.
 */
function serializedMediaType(written: string): string {
  if (PLAIN_MEDIA_TYPE.test(written)) return written;
  const bytes = utf8Encoder.encode(written);
  const out = new Uint8Array(bytes.length * 3);
  let length = 0;
  let inQuery = false;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    if (byte === 0x3f && !inQuery) {
      inQuery = true;
      out[length++] = byte;
    } else if (mustEncode(byte, inQuery, bytes[i + 1])) {
      out[length++] = PERCENT;
      out[length++] = HEX_DIGITS[byte >> 4]!;
      out[length++] = HEX_DIGITS[byte & 0xf]!;
    } else {
      out[length++] = byte;
    }
  }
  return asciiDecoder.decode(out.subarray(0, length));
}

/**
 * Reads any `data:` URL into its bytes, following the WHATWG fetch "data: URL processor"
 * (https://fetch.spec.whatwg.org/#data-url-processor, which refines RFC 2397 §2–3) on the URL
 * as the WHATWG URL parser would hand it over:
 *
 * - leading and trailing C0 controls and spaces are dropped, and every tab, line feed and
 *   carriage return removed; the scheme `data:` is matched in any case; a `#fragment` is dropped;
 * - everything up to the first comma is the media type (no comma: `no comma`); the rest is the
 *   body, percent-decoded (`%` and two hex digits; other text as its UTF-8 bytes);
 * - a media type ending in `;base64` (spaces allowed before `base64`, any case) marks a base64
 *   body, read by the forgiving-base64 rules (whitespace ignored, padding optional; anything
 *   else: `invalid base64`), after percent-decoding, so `%2B` is `+`;
 * - any media type and parameters are accepted; the media type is not used to read the body.
 *
 * Never throws. A non-string gives `not text`; more than {@link MAX_DATA_URL_LENGTH} code units
 * gives `too long`, before any work; another scheme gives `not a data: URL`.
 * One known difference from
 * a browser: when `/` follows `data:` at once, the URL parser reads a hierarchical path (it
 * resolves `..` segments and percent-encodes spaces); this reads it like any other data URL.
 */
export function parseDataUrl(input: unknown): DataUrlParse {
  if (typeof input !== 'string') return fail(DATA_URL_NOT_TEXT);
  if (input.length > MAX_DATA_URL_LENGTH) return fail(DATA_URL_TOO_LONG);

  const stripped = stripC0ControlOrSpace(input);
  const url = HAS_TAB_OR_NEWLINE.test(stripped) ? stripped.replace(TAB_OR_NEWLINE, '') : stripped;
  if (url.slice(0, DATA_SCHEME.length).toLowerCase() !== DATA_SCHEME) return fail(DATA_URL_WRONG_SCHEME);

  const hash = url.indexOf('#', DATA_SCHEME.length);
  const end = hash === -1 ? url.length : hash;
  const comma = url.indexOf(',', DATA_SCHEME.length);
  if (comma === -1 || comma > end) return fail(DATA_URL_NO_COMMA);

  const writtenType = trimAsciiWhitespace(serializedMediaType(url.slice(DATA_SCHEME.length, comma)));
  const body = percentDecode(utf8Encoder.encode(url.slice(comma + 1, end)));
  if (!hasBase64Marker(writtenType)) {
    return { ok: true, base64: false, bytes: body };
  }

  // Fetch step 11.1 reads the body's bytes as code points ("isomorphic decode"). A byte past
  // ASCII is never base64, so it fails here; the rest is ASCII, which UTF-8 decodes unchanged.
  if (!isAscii(body)) return fail(DATA_URL_BAD_BASE64);
  const bytes = forgivingBase64Decode(asciiDecoder.decode(body));
  if (bytes === null) return fail(DATA_URL_BAD_BASE64);
  return { ok: true, base64: true, bytes };
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i]! > 0x7f) return false;
  return true;
}
