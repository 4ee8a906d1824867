/**
 * What the page and the socket worker (worker-main.ts) tell each other. Each direction is one
 * flat array per `postMessage`, four slots per entry (`[kind, socket id, a, b]`): a flat array
 * of strings and numbers is the cheapest thing to structured-clone, and one array per batch
 * keeps every entry in the order it was made, across all sockets.
 *
 * The worker's program (`scratchWebSocketWorker`) cannot import these (its source is turned
 * into the worker's script on its own), so it spells the same numbers out; the runtime's
 * worker-socket tests run both sides together.
 */

/** Slots per entry, in both directions. */
export const ENTRY_SIZE = 4;

/** Page → worker: open socket `id` to `a` (the URL) offering `b` (protocols, or null for none). */
export const COMMAND_OPEN = 0;
/** Page → worker: send `a` (a string, or an ArrayBuffer) on `id`; `b` is its byte length. */
export const COMMAND_SEND = 1;
/** Page → worker: close `id` with code `a` and reason `b` (null: `close()` with no arguments). */
export const COMMAND_CLOSE = 2;
/** Page → worker: the page has handled the last batch, so the worker may post the next one. */
export const COMMAND_ACK = 3;
/** Page → worker: answer with EVENT_PONG, after every event the worker has already seen. */
export const COMMAND_PING = 4;

/** Worker → page: the worker runs; the first thing it posts, not part of a batch. */
export const WORKER_READY = 'ready';
/** Worker → page: `id` opened; `a` is the protocol the server chose. */
export const EVENT_OPEN = 0;
/** Worker → page: `id` received `a` (a string, or an ArrayBuffer transferred with the batch). */
export const EVENT_MESSAGE = 1;
/** Worker → page: `id` had an `error` event. */
export const EVENT_ERROR = 2;
/** Worker → page: `id` closed with code `a` and reason `b`; the worker has let go of it. */
export const EVENT_CLOSE = 3;
/** Worker → page: the WebSocket constructor (or `close`) threw for `id`; `a` is the error's name. */
export const EVENT_THREW = 4;
/** Worker → page: `id`'s `bufferedAmount` is `a` once the worker has handled `b` bytes of its sends. */
export const EVENT_BUFFERED = 5;
/** Worker → page: the answer to COMMAND_PING; every event before it has been delivered. */
export const EVENT_PONG = 6;

/** The one postMessage/listener surface the page needs of a Worker (or of a test's stand-in for one). */
export interface WorkerPort {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'error', listener: (event: unknown) => void): void;
  terminate(): void;
}

/** What transfers move instead of copying (the DOM's `Transferable`, of which we use ArrayBuffer only). */
type Transferable = ArrayBuffer;
