import { INVALID_PROTOCOLS } from './subprotocols.js';
import { INVALID_URL } from './url.js';

/**
 * The one state of a connection, rather than a cluster of booleans. Moves only forward:
 *
 *   connecting → open → closing → closed
 *        ↘         ↘        ↘
 *                 errored
 *
 *   reconnecting → open → …          (an automatic reconnect's next connection)
 *        ↘ closing → closed, errored
 *
 * `closing` means the project asked to close (a close block); a close the server starts is
 * not announced by the WebSocket API until it is done, so it goes straight from open to closed.
 * `reconnecting` is where a connection made by automatic reconnect starts: it waits for its
 * turn (the backoff), then tries, and stays `reconnecting` until a try opens (CONTRACT.md,
 * Staying connected). A failed try ends that connection quietly and the next one takes over.
 */
/** What `(connection state)` gives for a target that has never connected (no connection object). */
export const NONE = 'none';
export const CONNECTING = 'connecting';
export const OPEN = 'open';
export const CLOSING = 'closing';
export const CLOSED = 'closed';
export const ERRORED = 'errored';
export const RECONNECTING = 'reconnecting';

export type ConnectionState =
  | typeof CONNECTING
  | typeof OPEN
  | typeof CLOSING
  | typeof CLOSED
  | typeof ERRORED
  | typeof RECONNECTING;

/** Short texts kept for `errorMessage`: what a Scratch user can act on, never a stack. */
/** The URL cannot be opened, even after fix-up (url.ts). */
export const ERROR_INVALID_URL = INVALID_URL;
export const ERROR_PERMISSION_DENIED = 'permission denied';
export const ERROR_CONNECTION_FAILED = 'connection failed';
export const ERROR_CONNECTION_LOST = 'connection lost';
/** The opening handshake did not complete within the handshake timeout (`timing.ts`). */
export const ERROR_TIMED_OUT = 'timed out';
/** The stop sign ended a connection that was still connecting (the gallery extension's socket errored there). */
export const ERROR_STOPPED = 'stopped';
/** `connect to … with protocols`: the list is not comma-separated RFC 7230 tokens, or names one twice (subprotocols.ts). */
export const ERROR_INVALID_PROTOCOLS = INVALID_PROTOCOLS;
/**
 * The browser blocked the connection to a server on this computer or the local network (Local
 * Network Access): the person using the page denied the permission. Known only from the host
 * (`Host.failureReason`), which reads the permission's state after the failure.
 */
export const ERROR_LOCAL_NETWORK_BLOCKED = 'local network blocked';
/** A `ws:` URL the page may not open: the WebSocket constructor threw `SecurityError` (mixed content from an `https:` page). */
export const ERROR_INSECURE_URL = 'insecure URL';
/** `connect to` while the sprite already has its most live connections (`MAX_CONNECTIONS_PER_TARGET`, sprite.ts); no socket is opened. */
export const ERROR_TOO_MANY_CONNECTIONS = 'too many connections';

export type ErrorReason =
  | typeof ERROR_INVALID_URL
  | typeof ERROR_PERMISSION_DENIED
  | typeof ERROR_CONNECTION_FAILED
  | typeof ERROR_CONNECTION_LOST
  | typeof ERROR_TIMED_OUT
  | typeof ERROR_STOPPED
  | typeof ERROR_INVALID_PROTOCOLS
  | typeof ERROR_TOO_MANY_CONNECTIONS
  | typeof ERROR_LOCAL_NETWORK_BLOCKED
  | typeof ERROR_INSECURE_URL;
