import { formatByteList, MAX_BYTE_LIST_ITEMS, parseByteList } from './byte-list.js';
import { bytesToBase64, bytesToDataUrl } from './data-url.js';
import { MAX_DATA_URL_LENGTH, parseDataUrl } from './data-url-parse.js';
import { utf8Encoder, utf8LenientDecoder } from './text-codecs.js';

/**
 * The conversions behind the blocks `(data URL of text [TEXT])`, `(text of data URL [DATA])`,
 * `(data URL of bytes [BYTES])` and `(bytes of data URL [DATA])`. They are reporters, so every
 * one gives a string and never throws; `''` means "not possible" (bad input, or a result past
 * {@link MAX_DATA_URL_LENGTH}), which `send binary` then refuses like any other non-data-URL.
 *
 * Every data URL made here is base64, like the data of a received binary message, so they
 * all look alike and never need escaping in a project.
 */

/** The start of `(data URL of text [TEXT])`: UTF-8 text, said so, so any reader decodes it right. */
export const TEXT_DATA_URL_PREFIX = 'data:text/plain;charset=utf-8;base64,';


/** Characters of base64 for `byteCount` bytes (RFC 4648 §4, padded). */
function base64Length(byteCount: number): number {
  return Math.ceil(byteCount / 3) * 4;
}

/**
 * `data:text/plain;charset=utf-8;base64,…` holding `text` as UTF-8. A lone surrogate (half of
 * an emoji, as Scratch's `letter (n) of` can make) has no UTF-8 form and becomes U+FFFD, as in
 * every WebSocket's text; any other string comes back unchanged from {@link textOfDataUrl}.
 * `''` for a non-string, or when the data URL would be longer than {@link MAX_DATA_URL_LENGTH}.
 */
export function dataUrlOfText(text: unknown): string {
  if (typeof text !== 'string') return '';
  // UTF-8 takes at least one byte per UTF-16 code unit: refuse before encoding what cannot fit.
  if (TEXT_DATA_URL_PREFIX.length + base64Length(text.length) > MAX_DATA_URL_LENGTH) return '';
  const bytes = utf8Encoder.encode(text);
  if (TEXT_DATA_URL_PREFIX.length + base64Length(bytes.length) > MAX_DATA_URL_LENGTH) return '';
  return TEXT_DATA_URL_PREFIX + bytesToBase64(bytes);
}

/**
 * The body of any `data:` URL (see {@link parseDataUrl}) read as UTF-8, whatever its media type
 * or charset says; invalid UTF-8 sequences become U+FFFD (WHATWG Encoding "UTF-8 decode", but
 * a leading byte order mark is kept). `''` when `dataUrl` is not a data URL we read.
 */
export function textOfDataUrl(dataUrl: unknown): string {
  const parsed = parseDataUrl(dataUrl);
  return parsed.ok ? utf8LenientDecoder.decode(parsed.bytes) : '';
}

/**
 * `data:application/octet-stream;base64,…`, the same form as a received binary message, holding
 * the bytes `list` names (rules in {@link parseByteList}: `1 2 255`, `1,2,255`; whole numbers
 * 0–255). An empty list gives the data URL of zero bytes. `''` when any item is not a byte, for
 * a non-string, or when the list is too long.
 */
export function dataUrlOfBytes(list: unknown): string {
  const parsed = parseByteList(list);
  if (!parsed.ok) return '';
  return bytesToDataUrl(parsed.bytes);
}

/**
 * The bytes of any `data:` URL as decimal numbers separated by single spaces (`1 2 255`), ready
 * for `item (n) of` after splitting at spaces; `''` for zero bytes, for a text that is not a
 * data URL we read, and for more than {@link MAX_BYTE_LIST_ITEMS} bytes.
 */
export function bytesOfDataUrl(dataUrl: unknown): string {
  const parsed = parseDataUrl(dataUrl);
  if (!parsed.ok || parsed.bytes.length > MAX_BYTE_LIST_ITEMS) return '';
  return formatByteList(parsed.bytes);
}
