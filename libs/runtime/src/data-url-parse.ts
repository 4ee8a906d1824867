import { trimAsciiWhitespace } from './ascii-whitespace.js';
import { forgivingBase64Decode } from './forgiving-base64.js';

/**
 * The longest `data:` URL read, in UTF-16 code units (64 Mi, about 48 MiB of bytes as base64).
 * Far beyond what a Scratch project holds comfortably, and low enough that nothing built from
 * it (its bytes, their text) nears the engine's string and memory limits.
 */
export const MAX_DATA_URL_LENGTH = 2 ** 26;

/** WHATWG fetch: the media type of a `data:` URL that names none, or none that parses. */
export const DEFAULT_DATA_URL_MEDIA_TYPE = 'text/plain;charset=US-ASCII';

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
 * A `data:` URL read into its parts. `mediaType` is the text before the comma as the URL
 * parser writes it out (controls and non-ASCII percent-encoded as UTF-8), trimmed, without `;base64`; `text/plain`
 * is put in front when it starts with `;`, and it is
 * {@link DEFAULT_DATA_URL_MEDIA_TYPE} when its type/subtype is missing or not made of tokens.
 * `bytes` is the body, decoded; `base64` says which way it was written.
 */
export type DataUrlParse =
  | { ok: true; mediaType: string; base64: boolean; bytes: Uint8Array }
  | { ok: false; reason: DataUrlProblem };

const encoder = new TextEncoder();
const asciiDecoder = new TextDecoder();
const PERCENT = 0x25;
const SCHEME = 'data:';
const BASE64_MARKER = 'base64';
/** WHATWG MIME Sniffing "parse a MIME type": type "/" subtype, both HTTP tokens (RFC 9110 §5.6.2). */
const MEDIA_TYPE_ESSENCE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+[\t\n\r ]*(?:;|$)/;
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

/**
 * Fetch step 11: the media type ends with `;`, any spaces, then `base64` in any case.
 * Gives the media type without that ending, or null when it has none.
 */
function withoutBase64Marker(mediaType: string): string | null {
  if (mediaType.length < BASE64_MARKER.length + 1) return null;
  if (mediaType.slice(-BASE64_MARKER.length).toLowerCase() !== BASE64_MARKER) return null;
  let end = mediaType.length - BASE64_MARKER.length;
  while (end > 0 && mediaType.charCodeAt(end - 1) === 0x20) end -= 1;
  if (end === 0 || mediaType.charCodeAt(end - 1) !== 0x3b) return null;
  return mediaType.slice(0, end - 1);
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
const HEX_DIGITS = encoder.encode('0123456789ABCDEF');

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
  const bytes = encoder.encode(written);
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

/** WHATWG fetch step 12 and 14 (see {@link DataUrlParse}). */
function mediaTypeOf(written: string): string {
  const mediaType = written.startsWith(';') ? `text/plain${written}` : written;
  // No `/`, no type/subtype: said at once, where the pattern would scan a long text to the end and back.
  return mediaType.includes('/') && MEDIA_TYPE_ESSENCE.test(mediaType) ? mediaType : DEFAULT_DATA_URL_MEDIA_TYPE;
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
 * The media type is returned as the URL parser serializes it, not normalised (WHATWG would
 * lower-case it and drop bad parameters); nothing here depends on it. One known difference from
 * a browser: when `/` follows `data:` at once, the URL parser reads a hierarchical path (it
 * resolves `..` segments and percent-encodes spaces); this reads it like any other data URL.
 */
export function parseDataUrl(input: unknown): DataUrlParse {
  if (typeof input !== 'string') return fail(DATA_URL_NOT_TEXT);
  if (input.length > MAX_DATA_URL_LENGTH) return fail(DATA_URL_TOO_LONG);

  const stripped = stripC0ControlOrSpace(input);
  const url = HAS_TAB_OR_NEWLINE.test(stripped) ? stripped.replace(TAB_OR_NEWLINE, '') : stripped;
  if (url.slice(0, SCHEME.length).toLowerCase() !== SCHEME) return fail(DATA_URL_WRONG_SCHEME);

  const hash = url.indexOf('#', SCHEME.length);
  const end = hash === -1 ? url.length : hash;
  const comma = url.indexOf(',', SCHEME.length);
  if (comma === -1 || comma > end) return fail(DATA_URL_NO_COMMA);

  const writtenType = trimAsciiWhitespace(serializedMediaType(url.slice(SCHEME.length, comma)));
  const body = percentDecode(encoder.encode(url.slice(comma + 1, end)));
  const base64Type = withoutBase64Marker(writtenType);
  if (base64Type === null) {
    return { ok: true, mediaType: mediaTypeOf(writtenType), base64: false, bytes: body };
  }

  // Fetch step 11.1 reads the body's bytes as code points ("isomorphic decode"). A byte past
  // ASCII is never base64, so it fails here; the rest is ASCII, which UTF-8 decodes unchanged.
  if (!isAscii(body)) return fail(DATA_URL_BAD_BASE64);
  const bytes = forgivingBase64Decode(asciiDecoder.decode(body));
  if (bytes === null) return fail(DATA_URL_BAD_BASE64);
  return { ok: true, mediaType: mediaTypeOf(base64Type), base64: true, bytes };
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i]! > 0x7f) return false;
  return true;
}
