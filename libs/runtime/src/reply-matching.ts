/**
 * The rules that tie a reply to its request (CONTRACT.md, Replies). Pure functions, no state.
 *
 * Two ways, chosen per connection: in order (the next message that arrives answers the oldest
 * waiting request), or by a JSON field (JSON-RPC 2.0 §4 and §5: a response repeats the `id`
 * of its request, so several requests may be in flight and replies may come in any order).
 */

/** The field JSON-RPC 2.0 matches replies by, and the default of `match replies by JSON field`. */
export const DEFAULT_REPLY_FIELD = 'id';

/** What `requestKey` makes of a request: the text to send and the key its reply will carry, or why it cannot be matched. */
export type RequestKey = { readonly ok: true; readonly payload: string; readonly key: string } | { readonly ok: false };

/**
 * The key of a field's value as `replyKey` reads it back: JSON text of a string or a finite
 * number, so `1`, `1.0` and `1e0` are one key and `"1"` another (JSON-RPC 2.0 §5: the same
 * value and type); null for anything else (null, booleans, objects, arrays), which cannot be matched.
 */
function keyOf(value: unknown): string | null {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && Number.isFinite(value)) return JSON.stringify(value);
  return null;
}

/** A JSON object's text, parsed; null for anything else (cheap first check on the first non-space character). */
function parseObject(text: string): Record<string, unknown> | null {
  const start = text.search(/\S/);
  if (start < 0 || text.charCodeAt(start) !== 0x7b) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    // Not JSON: not a reply that can be matched by a field (it is an ordinary message).
    return null;
  }
}

/**
 * The request `payload` to send when replies are matched by `field`, and the key its reply
 * must repeat. `payload` must be the text of a JSON object. If it holds `field` with a string
 * or a finite number, that value is the key; if it lacks `field`, `field` is written into the
 * text as its first member with the number `next` (so `{"method":"sum"}` becomes
 * `{"id":7,"method":"sum"}`), leaving every other character as the project wrote it. Anything
 * else (not JSON, not an object, a field of another type such as null) gives `{ ok: false }`.
 */
export function requestKey(payload: string, field: string, next: number): RequestKey {
  const request = parseObject(payload);
  if (request === null) return { ok: false };
  if (Object.prototype.hasOwnProperty.call(request, field)) {
    const key = keyOf(request[field]);
    return key === null ? { ok: false } : { ok: true, payload, key };
  }
  const brace = payload.indexOf('{');
  const empty = Object.keys(request).length === 0;
  const member = `${JSON.stringify(field)}:${next}${empty ? '' : ','}`;
  return { ok: true, payload: `${payload.slice(0, brace + 1)}${member}${payload.slice(brace + 1)}`, key: String(next) };
}

/** The key a received text repeats in `field` (see `requestKey`), or null when it is no JSON object with such a value. */
export function replyKey(message: string, field: string): string | null {
  const reply = parseObject(message);
  if (reply === null || !Object.prototype.hasOwnProperty.call(reply, field)) return null;
  return keyOf(reply[field]);
}
