import { trimAsciiWhitespace } from './ascii-whitespace.js';

/**
 * The protocol list of `connect to [URL] with protocols [PROTOCOLS]`, read before any socket
 * exists, so that a list the WebSocket constructor would refuse (WHATWG WebSockets, "new
 * WebSocket(url, protocols)": SyntaxError for a duplicate or for a value that is not a token)
 * becomes an error with a clear reason, never an exception.
 */

/** The stable word for every bad list (a candidate `(error message)` text). */
export const INVALID_PROTOCOLS = 'invalid protocols';

export type SubprotocolsParse =
  | { ok: true; protocols: string[] }
  | { ok: false; reason: typeof INVALID_PROTOCOLS; detail: string };

/** RFC 6455 §4.1 (Sec-WebSocket-Protocol values) → RFC 7230 §3.2.6 `token`: 1*tchar. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** The longest part of a bad item quoted in a detail, in UTF-16 code units. */
const QUOTE_LIMIT = 40;

/** An item as a detail shows it: in quotes, escaped, cut short when long. */
function quote(item: string): string {
  return item.length > QUOTE_LIMIT ? `${JSON.stringify(item.slice(0, QUOTE_LIMIT))}…` : JSON.stringify(item);
}

function invalidList(detail: string): SubprotocolsParse {
  return { ok: false, reason: INVALID_PROTOCOLS, detail };
}

/**
 * Reads a comma-separated protocol list such as `chat, superchat`:
 *
 * - items are split at commas and trimmed of whitespace; empty items are skipped, as RFC 7230
 *   §7 asks of list readers, so `''`, `' '` and `'chat,'` are allowed (`''` means no protocols);
 * - each item must be an RFC 7230 token (letters, digits and ``!#$%&'*+-.^_`|~``), else
 *   `"a b" is not a valid protocol name`;
 * - the same name twice (case-sensitive, as the WebSocket constructor compares) is an error:
 *   `"chat" is listed twice`.
 *
 * Gives the names in order. Never throws: a non-string is `invalid protocols` with the detail
 * `the protocol list is not text`.
 */
export function parseSubprotocols(list: unknown): SubprotocolsParse {
  if (typeof list !== 'string') return invalidList('the protocol list is not text');
  const protocols: string[] = [];
  const seen = new Set<string>();
  for (const raw of list.split(',')) {
    const item = trimAsciiWhitespace(raw);
    if (item === '') continue;
    if (!TOKEN.test(item)) return invalidList(`${quote(item)} is not a valid protocol name`);
    if (seen.has(item)) return invalidList(`${quote(item)} is listed twice`);
    seen.add(item);
    protocols.push(item);
  }
  return { ok: true, protocols };
}
