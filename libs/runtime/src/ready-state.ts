/**
 * The WHATWG WebSocket `readyState` values (HTML Living Standard, "The WebSocket interface").
 * Read from the standard constants rather than the socket instance: the `ws` class and a test
 * double may not carry them on the instance.
 */
export const READY_STATE_CONNECTING = 0;
export const READY_STATE_OPEN = 1;
export const READY_STATE_CLOSING = 2;
export const READY_STATE_CLOSED = 3;

/** Whether a socket in `readyState` still needs `close()` to end (connecting or open). */
export function isUnclosed(readyState: number): boolean {
  return readyState === READY_STATE_CONNECTING || readyState === READY_STATE_OPEN;
}
