/**
 * The limits that let `npm start` run for days without the machine paying for it. Each has a
 * command-line flag (see `args.ts`) and an option of `createPlaygroundServer`.
 */

/**
 * Bytes the server may hold unsent for one WebSocket client, counted by `countUnsent`: its
 * `bufferedAmount` plus `MESSAGE_OVERHEAD_BYTES` per message. An `/echo` client past it is
 * paused (nothing more is read from it) until it has read enough; a `/broadcast` member past it
 * is dropped with close 1008. One message of up to `MAX_MESSAGE_BYTES` can always be queued on
 * top, so a client holds at most about 24 MiB.
 */
export const DEFAULT_MAX_UNSENT_BYTES = 8 * 1024 * 1024;

/**
 * What one queued message costs on top of its bytes, as counted against the unsent limit. Node
 * and `ws` spend about 400 bytes on each (its write requests, header buffer, callback; measured
 * with two-byte messages on Node 20 and ws 8.23); counting 1 KiB keeps the limit a bound on
 * memory with room to spare, and caps a client at 8,192 small messages in flight by default.
 */
export const MESSAGE_OVERHEAD_BYTES = 1024;

/**
 * Milliseconds a connection gets to send one complete HTTP request (headers included) before it
 * is answered 408 and closed: Node's `server.headersTimeout` and `server.requestTimeout`. A socket
 * that never sends a byte counts too. Open WebSockets are not affected.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/**
 * TCP connections open at once, WebSockets included (Node's `server.maxConnections`): the next
 * one is closed as soon as it is accepted. A TurboWarp page cannot open more than 255 WebSockets.
 */
export const DEFAULT_MAX_CONNECTIONS = 1000;

/**
 * HTTP answers one connection may have pending: requests it pipelined (sent before reading the
 * answers to earlier ones). Browsers send one at a time; a connection past it is closed, so a
 * client that never reads cannot make the server hold answers without end (see `pipelining.ts`).
 */
export const MAX_PENDING_REQUESTS = 16;

/** The largest value `--request-timeout` takes: one hour. */
export const HIGHEST_REQUEST_TIMEOUT_MS = 3_600_000;
/** The largest value `--max-connections` takes, well above any file-handle limit. */
export const HIGHEST_MAX_CONNECTIONS = 1_000_000;

/**
 * The unsent data of one client as counted against its limit: `bufferedBytes` (the socket's
 * `bufferedAmount`) plus `MESSAGE_OVERHEAD_BYTES` for each of the `messages` not yet taken by
 * the system.
 */
export function countUnsent(bufferedBytes: number, messages: number): number {
  return bufferedBytes + messages * MESSAGE_OVERHEAD_BYTES;
}

/**
 * Whether `unsentBytes` (as `countUnsent` counts it) is past `limit`: the moment to pause an
 * `/echo` client or drop a `/broadcast` member.
 */
export function isOverUnsentLimit(unsentBytes: number, limit: number): boolean {
  return unsentBytes > limit;
}

/**
 * Whether a paused `/echo` client has read enough to be read from again: half the limit, so a
 * client reading slowly is not paused and resumed on every message.
 */
export function hasCaughtUp(unsentBytes: number, limit: number): boolean {
  return unsentBytes <= limit / 2;
}

/** `8388608` → `8.0 MiB`, for log lines. */
export function formatMebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
