/** The code sent when a close block is given nothing a program may send (RFC 6455 §7.4.1). */
export const NORMAL_CLOSURE = 1000;

/**
 * RFC 6455 §7.1.5 and §7.4.1: the code reported for a close frame that carried no status code.
 * Never sent. Also what `closing code` reports after the stop sign (the close it sends has none).
 */
export const NO_STATUS_RECEIVED = 1005;

/**
 * RFC 6455 §7.4.2 and the WebSocket API's `close()`: a program may send 1000 or a code from
 * 3000 to 4999 (the rest is reserved for the protocol itself, and the browser throws on it).
 * Anything else, fractions and non-numbers included, becomes 1000 (CONTRACT.md, Closing), so a
 * close block never fails.
 */
export function normalizeCloseCode(code: unknown): number {
  if (typeof code !== 'number' || !Number.isInteger(code)) return NORMAL_CLOSURE;
  if (code === NORMAL_CLOSURE) return code;
  if (code >= 3000 && code <= 4999) return code;
  return NORMAL_CLOSURE;
}
