/**
 * The one state of a connection, rather than a cluster of booleans. Moves only forward:
 *
 *   connecting → open → closing → closed
 *        ↘         ↘        ↘
 *                 errored
 *
 * `closing` means the project asked to close (a close block); a close the server starts is
 * not announced by the WebSocket API until it is done, so it goes straight from open to closed.
 */
export const CONNECTING = 'connecting';
export const OPEN = 'open';
export const CLOSING = 'closing';
export const CLOSED = 'closed';
export const ERRORED = 'errored';

export type ConnectionState =
  | typeof CONNECTING
  | typeof OPEN
  | typeof CLOSING
  | typeof CLOSED
  | typeof ERRORED;

/** Short texts kept for `errorMessage`: what a Scratch user can act on, never a stack. */
export const ERROR_INVALID_URL = 'invalid URL';
export const ERROR_PERMISSION_DENIED = 'permission denied';
export const ERROR_CONNECTION_FAILED = 'connection failed';
export const ERROR_CONNECTION_LOST = 'connection lost';
/** The opening handshake did not complete within the handshake timeout (`timing.ts`). */
export const ERROR_TIMED_OUT = 'timed out';
/** The stop sign ended a connection that was still connecting (the gallery extension's socket errored there). */
export const ERROR_STOPPED = 'stopped';

export type ErrorReason =
  | typeof ERROR_INVALID_URL
  | typeof ERROR_PERMISSION_DENIED
  | typeof ERROR_CONNECTION_FAILED
  | typeof ERROR_CONNECTION_LOST
  | typeof ERROR_TIMED_OUT
  | typeof ERROR_STOPPED;
