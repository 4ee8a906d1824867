/** @scratch-websocket/runtime: the WebSocket blocks' behaviour, for any Scratch host. */
export { WebSocketRuntime } from './runtime.js';
export type { RuntimeFacets, WebSocketRuntimeOptions } from './runtime-options.js';
export { ALL_FACETS } from './all-facets.js';
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
  NONE,
  CONNECTING,
  OPEN,
  CLOSING,
  CLOSED,
  ERRORED,
  RECONNECTING,
  ERROR_INVALID_URL,
  ERROR_PERMISSION_DENIED,
  ERROR_CONNECTION_FAILED,
  ERROR_CONNECTION_LOST,
  ERROR_TIMED_OUT,
  ERROR_STOPPED,
  ERROR_INVALID_PROTOCOLS,
  ERROR_TOO_MANY_CONNECTIONS,
  ERROR_LOCAL_NETWORK_BLOCKED,
  ERROR_INSECURE_URL,
  type ConnectionState,
  type ErrorReason,
} from './connection-state.js';
export { normalizeCloseCode, NORMAL_CLOSURE, NO_STATUS_RECEIVED } from './close-code.js';
export { DEFAULT_CLOSE_GRACE_PERIOD_MS, DEFAULT_HANDSHAKE_TIMEOUT_MS, type Timing } from './timing.js';
export { truncateCloseReason, MAX_CLOSE_REASON_BYTES } from './close-reason.js';
export { fixUpUrl, type UrlFixUp } from './url.js';
export { localNetworkPermissionFor, localNetworkFailureReason, type LocalNetworkPermission, type PermissionsLike } from './local-network.js';
export { bytesToBase64, portableBase64, bytesToDataUrl, binaryBytes, BINARY_DATA_URL_PREFIX } from './data-url.js';
export { MessageQueue } from './message-queue.js';
export { MAX_QUEUED_MESSAGES, MAX_QUEUED_DATA_LENGTH } from './received-message.js';
export { MAX_KEPT_SENDS, MAX_KEPT_SEND_BYTES } from './outbox.js';
export { MAX_CONNECTIONS_PER_TARGET, MAX_ENDED_CONNECTIONS_PER_TARGET } from './sprite.js';
export { DEFAULT_CONNECTION } from './bindings.js';
export { TaggedQueue } from './tagged-queue.js';
export {
  STATISTICS,
  STAT_MESSAGES_RECEIVED,
  STAT_MESSAGES_SENT,
  STAT_BYTES_RECEIVED,
  STAT_BYTES_SENT,
  STAT_QUEUED_MESSAGES,
  STAT_DROPPED_MESSAGES,
  STAT_RECONNECT_ATTEMPTS,
  utf8ByteLength,
  type Statistic,
} from './statistics.js';
export { forgivingBase64Decode } from './forgiving-base64.js';
export {
  parseDataUrl,
  MAX_DATA_URL_LENGTH,
  DATA_URL_NOT_TEXT,
  DATA_URL_TOO_LONG,
  DATA_URL_WRONG_SCHEME,
  DATA_URL_NO_COMMA,
  DATA_URL_BAD_BASE64,
  type DataUrlParse,
  type DataUrlProblem,
} from './data-url-parse.js';
export {
  parseByteList,
  formatByteList,
  MAX_BYTE_LIST_ITEMS,
  BYTE_LIST_NOT_TEXT,
  BYTE_LIST_TOO_LONG,
  BYTE_LIST_NOT_A_BYTE,
  type ByteListParse,
} from './byte-list.js';
export {
  dataUrlOfText,
  textOfDataUrl,
  dataUrlOfBytes,
  bytesOfDataUrl,
  TEXT_DATA_URL_PREFIX,
} from './data-url-convert.js';
export { BinaryBlocks } from './binary-blocks.js';
export { BinaryWriter, MAX_BUILT_MESSAGE_BYTES, varintValue } from './binary-writer.js';
export { BinaryReader, PAST_END } from './binary-reader.js';
export {
  NUMBER_TYPES,
  BYTE_ORDERS,
  LENGTH_PREFIXES,
  numberTypeOf,
  isLittleEndian,
  lengthPrefixOf,
  type NumberType,
  type LengthPrefix,
} from './binary-types.js';
export { parseSubprotocols, INVALID_PROTOCOLS, type SubprotocolsParse } from './subprotocols.js';
export {
  shouldReconnect,
  reconnectDelay,
  RECONNECT_INITIAL_DELAY_MS,
  RECONNECT_MAX_DELAY_MS,
  type ConnectionEnding,
} from './reconnect-policy.js';
export { ConversationBlocks } from './conversation-blocks.js';
export { DEFAULT_REPLY_TIMEOUT_MS } from './conversation-settings.js';
export {
  REPLY_STATUSES,
  REPLY_ANSWERED,
  REPLY_TIMED_OUT,
  REPLY_CONNECTION_ENDED,
  REPLY_NOT_CONNECTED,
  REPLY_NOT_MATCHABLE,
  MAX_PLACES_IN_ORDER,
  type ReplyStatus,
} from './pending-replies.js';
export { requestKey, replyKey, DEFAULT_REPLY_FIELD, type RequestKey } from './reply-matching.js';
export { PACE_CHECK_MS } from './pace.js';
export {
  OffThreadSockets,
  startBlobWorker,
  WORKER_START_TIMEOUT_MS,
  type OffThreadSocketsOptions,
  type SocketPlace,
} from './off-thread-sockets.js';
export { scratchWebSocketWorker, type WorkerScope, type WorkerWebSocket } from './worker-main.js';
export type { WorkerPort } from './worker-protocol.js';
export { WorkerSocket } from './worker-socket.js';
