/** @scratch-websocket/runtime: the WebSocket blocks' behaviour, for any Scratch host. */
export { WebSocketRuntime, type WebSocketRuntimeOptions } from './runtime.js';
export {
  createTurboWarpHost,
  VM_EVENTS,
  type TurboWarpVmRuntimeLike,
} from './turbowarp-host.js';
export type {
  Host,
  HatOpcodes,
  Unsubscribe,
  WebSocketLike,
  WebSocketConstructorLike,
} from './host.js';
export {
  CONNECTING,
  OPEN,
  CLOSING,
  CLOSED,
  ERRORED,
  ERROR_INVALID_URL,
  ERROR_PERMISSION_DENIED,
  ERROR_CONNECTION_FAILED,
  ERROR_CONNECTION_LOST,
  ERROR_TIMED_OUT,
  ERROR_STOPPED,
  type ConnectionState,
  type ErrorReason,
} from './connection-state.js';
export { normalizeCloseCode, NORMAL_CLOSURE, NO_STATUS_RECEIVED } from './close-code.js';
export { DEFAULT_CLOSE_GRACE_PERIOD_MS, DEFAULT_HANDSHAKE_TIMEOUT_MS, type Timing } from './timing.js';
export { truncateCloseReason, MAX_CLOSE_REASON_BYTES } from './close-reason.js';
export { fixUpUrl, type UrlFixUp } from './url.js';
export { bytesToBase64, portableBase64, bytesToDataUrl, binaryBytes, BINARY_DATA_URL_PREFIX } from './data-url.js';
export { MessageQueue } from './message-queue.js';
