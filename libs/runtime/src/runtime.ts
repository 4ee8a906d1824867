import { normalizeCloseCode, NORMAL_CLOSURE } from './close-code.js';
import { truncateCloseReason } from './close-reason.js';
import { Connection, type ConnectionEvents } from './connection.js';
import {
  CLOSED,
  CONNECTING,
  ERRORED,
  ERROR_CONNECTION_LOST,
  ERROR_INVALID_PROTOCOLS,
  ERROR_INVALID_URL,
  ERROR_PERMISSION_DENIED,
  NONE,
  OPEN,
  RECONNECTING,
} from './connection-state.js';
import {
  bytesOfDataUrl as bytesOfDataUrlRule,
  dataUrlOfBytes as dataUrlOfBytesRule,
  dataUrlOfText as dataUrlOfTextRule,
  textOfDataUrl as textOfDataUrlRule,
} from './data-url-convert.js';
import { parseDataUrl } from './data-url-parse.js';
import { FrameDelivery } from './delivery.js';
import { HatRunner } from './hat-runner.js';
import type { HatOpcodes, Host, WebSocketConstructorLike } from './host.js';
import { reconnectDelay, shouldReconnect } from './reconnect-policy.js';
import { ConnectionRegistry } from './registry.js';
import { reportUnexpected } from './report-unexpected.js';
import { safeText } from './safe-text.js';
import { Session, type Outgoing } from './session.js';
import {
  STAT_BYTES_RECEIVED,
  STAT_BYTES_SENT,
  STAT_DROPPED_MESSAGES,
  STAT_MESSAGES_RECEIVED,
  STAT_MESSAGES_SENT,
  STAT_QUEUED_MESSAGES,
  STAT_RECONNECT_ATTEMPTS,
} from './statistics.js';
import { parseSubprotocols } from './subprotocols.js';
import { resolveTiming, type Timing } from './timing.js';
import { fixUpUrl } from './url.js';

export interface WebSocketRuntimeOptions<Target extends object, Thread> {
  /** The WebSocket class: `globalThis.WebSocket` in a browser, `ws`'s class in Node. */
  WebSocket: WebSocketConstructorLike;
  host: Host<Target, Thread>;
  /** The hat opcodes started for each event, e.g. `{ open: 'gsaWebsocket_onOpen', ... }`. */
  hats: HatOpcodes;
  /**
   * The close grace period and the handshake timeout, in ms (`Timing`); each defaults to
   * `DEFAULT_CLOSE_GRACE_PERIOD_MS` (1 s) and `DEFAULT_HANDSHAKE_TIMEOUT_MS` (20 s). Meant for
   * tests; a value that is not a finite number ≥ 0 is replaced by its default.
   */
  timing?: Partial<Timing>;
  /**
   * The wait in ms before automatic reconnect's try number `attempt` (0 for the first after an
   * ending, counting up until a try opens). Defaults to `reconnectDelay` (1 s doubling to 30 s,
   * with jitter); tests pass a short one. A function that throws, or a result that is not a
   * finite number ≥ 0, falls back to the default for that wait.
   */
  reconnectDelay?: (attempt: number) => number;
}

/** The counter `stat` names (statistics.ts), or undefined for a name that is not one. */
function statisticOf(session: Session<object, unknown>, stat: unknown): number | undefined {
  switch (stat) {
    case STAT_MESSAGES_RECEIVED:
      return session.traffic.messagesReceived;
    case STAT_MESSAGES_SENT:
      return session.traffic.messagesSent;
    case STAT_BYTES_RECEIVED:
      return session.traffic.bytesReceived;
    case STAT_BYTES_SENT:
      return session.traffic.bytesSent;
    case STAT_QUEUED_MESSAGES:
      return session.inbox.size;
    case STAT_DROPPED_MESSAGES:
      return session.inbox.dropped;
    case STAT_RECONNECT_ATTEMPTS:
      return session.traffic.reconnectAttempts;
    default:
      return undefined;
  }
}

/** Targets are objects (a sprite, the stage, a clone); anything else has no connection. */
function isTarget(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/**
 * The WebSocket blocks' behaviour (CONTRACT.md states every rule), one connection per target.
 * Every public method is safe to call with anything: it never throws into the VM.
 */
export class WebSocketRuntime<Target extends object, Thread = unknown> {
  private readonly WebSocket: WebSocketConstructorLike;
  private readonly host: Host<Target, Thread>;
  private readonly hats: HatRunner<Target, Thread>;
  private readonly registry: ConnectionRegistry<Target, Thread>;
  private readonly delivery: FrameDelivery<Connection<Target, Thread>>;
  private readonly timing: Timing;
  private readonly delayOf: ((attempt: number) => number) | undefined;
  /** Targets whose automatic reconnect is on: kept across `connect to`, cleared by the stop sign, a new project, removal. */
  private autoReconnect = new WeakSet<object>();

  private readonly events: ConnectionEvents<Target, Thread> = {
    waiting: (connection) => this.delivery.add(connection),
    ended: (connection) => this.handleEnded(connection),
    due: (connection) => void this.tryAgain(connection),
    retry: (connection) => this.handleFailedTry(connection),
  };

  constructor(options: WebSocketRuntimeOptions<Target, Thread>) {
    this.WebSocket = options.WebSocket;
    this.host = options.host;
    this.hats = new HatRunner(options.host, options.hats);
    this.timing = resolveTiming(options.timing);
    this.delayOf = typeof options.reconnectDelay === 'function' ? options.reconnectDelay : undefined;
    this.delivery = new FrameDelivery((connection) => this.registry.release(connection));
    this.registry = new ConnectionRegistry(() => [
      this.host.onFrame(this.delivery.handleFrame),
      this.host.onStopAll(this.handleStopAll),
      this.host.onTargetRemoved(this.handleTargetRemoved),
      this.host.onProjectChange(this.handleProjectChange),
    ]);
  }

  /** Connections the runtime still tracks with host listeners (0 when all have ended). */
  get connectionCount(): number {
    return this.registry.size;
  }

  /**
   * Block `connect to [URL]`. Resolves once the connection has opened, failed or closed, at
   * the latest after the handshake timeout (`timed out`); never rejects. A `url` that cannot
   * be turned into text is an invalid URL. Replaces the target's session: statistics, queue,
   * data and any reconnect under way are forgotten (the automatic reconnect setting stays).
   */
  connect(target: Target, url: string): Promise<void> {
    if (!isTarget(target)) return Promise.resolve();
    return this.open(target, url, null);
  }

  /**
   * Block `connect to [URL] with protocols [PROTOCOLS]`: as `connect`, asking the server for
   * the subprotocols in `protocols`, a comma-separated list (rules in `parseSubprotocols`; an
   * empty list is a plain `connect to`). A malformed list errors with `invalid protocols`, runs
   * the error hat and opens no socket. A server that picks none of them fails the handshake
   * (`connection failed`, as browsers and `ws` both refuse it). Source: RFC 6455 §4.1, §11.3.4.
   */
  connectWithProtocols(target: Target, url: string, protocols: string): Promise<void> {
    if (!isTarget(target)) return Promise.resolve();
    return this.open(target, url, protocols);
  }

  /**
   * Block `connection state`: `none` (never connected), `connecting`, `open`, `closing`,
   * `closed`, `errored` or `reconnecting` (connection-state.ts). Not translated: projects compare it.
   */
  connectionState(target: Target): string {
    return this.registry.outcome(target)?.state ?? NONE;
  }

  /**
   * Block `connection statistic [STAT]`: one of the counters of the target's session since its
   * last `connect to` (statistics.ts names them). Bytes are payload bytes (UTF-8 for text).
   * Case and surrounding spaces are ignored; any other `stat`, or no connection, gives 0.
   */
  statistic(target: Target, stat: string): number {
    const session = this.registry.outcome(target)?.session;
    if (session === undefined) return 0;
    // The menu's exact values first: a project may read this thousands of times a frame.
    return statisticOf(session, stat) ?? statisticOf(session, safeText(stat).trim().toLowerCase()) ?? 0;
  }

  /** Block `protocol`: the subprotocol the server chose once open, kept after it ends; '' before, or when none. */
  protocol(target: Target): string {
    return this.registry.outcome(target)?.session.protocol ?? '';
  }

  /** Block `is connected?`: true exactly while open. */
  isConnected(target: Target): boolean {
    return this.registry.outcome(target)?.state === OPEN;
  }

  /** Block `received message data`: the latest delivered message, '' before any. */
  messageData(target: Target): string {
    return this.registry.outcome(target)?.data ?? '';
  }

  /** Block `send message [PAYLOAD]`. The caller casts; a non-string is ignored. */
  send(target: Target, payload: string): void {
    if (typeof payload !== 'string') return;
    this.sendOutgoing(target, payload);
  }

  /**
   * Block `send binary [DATA]`: the bytes of the `data:` URL `data` (base64 or percent-encoded,
   * any media type; rules in `parseDataUrl`) as one binary message, kept like `send message`
   * while connecting or reconnecting. Anything that is not such a URL sends nothing and leaves
   * the connection as it is.
   */
  sendBinary(target: Target, data: string): void {
    if (typeof data !== 'string' || this.registry.liveConnection(target) === undefined) return;
    const parsed = parseDataUrl(data);
    if (parsed.ok) this.sendOutgoing(target, parsed.bytes);
  }

  /** Block `is received message binary?`: whether `received message data` came from a binary message. */
  isBinary(target: Target): boolean {
    return this.registry.outcome(target)?.session.inbox.binary ?? false;
  }

  /**
   * Block `take next message`: removes the target's oldest queued message and returns its data
   * ('' when none); it becomes `received message data`. Also after the connection ended, for
   * messages that arrived before (CONTRACT.md, Receiving).
   */
  takeNextMessage(target: Target): string {
    return this.registry.outcome(target)?.session.inbox.take() ?? '';
  }

  /** Block `clear queued messages`: drops every message the target has waiting. */
  clearQueue(target: Target): void {
    this.registry.outcome(target)?.session.inbox.clear();
  }

  /**
   * Block `set automatic reconnect to [ENABLED]`: `on` (any case, spaces around ignored) turns
   * it on for `target`, anything else off. It lasts across `connect to` until the stop sign, a
   * new project or the target's removal. Turning it off ends a reconnect under way: the
   * connection reads as the ending that started it, and no hat runs (CONTRACT.md, Staying connected).
   */
  setAutoReconnect(target: Target, enabled: string): void {
    if (!isTarget(target)) return;
    if (safeText(enabled).trim().toLowerCase() === 'on') {
      this.autoReconnect.add(target);
      return;
    }
    this.autoReconnect.delete(target);
    const connection = this.registry.liveConnection(target);
    if (connection === undefined || connection.state !== RECONNECTING) return;
    this.delivery.remove(connection);
    try {
      connection.stop();
    } catch (error) {
      reportUnexpected(error);
    }
    this.registry.release(connection);
  }

  /** Block `data URL of text [TEXT]` (pure): `data:text/plain;charset=utf-8;base64,…`; '' for a non-string. */
  dataUrlOfText(text: string): string {
    return dataUrlOfTextRule(text);
  }

  /** Block `text of data URL [DATA]` (pure): the body read as UTF-8; '' when not a data URL. */
  textOfDataUrl(data: string): string {
    return textOfDataUrlRule(data);
  }

  /** Block `data URL of bytes [BYTES]` (pure): from `72 105 33`; '' when an item is not a byte 0–255. */
  dataUrlOfBytes(bytes: string): string {
    return dataUrlOfBytesRule(bytes);
  }

  /** Block `bytes of data URL [DATA]` (pure): `72 105 33`; '' when not a data URL or no bytes. */
  bytesOfDataUrl(data: string): string {
    return bytesOfDataUrlRule(data);
  }

  /** Block `is connection errored?` */
  hasErrored(target: Target): boolean {
    return this.registry.outcome(target)?.state === ERRORED;
  }

  /** Block `is connection closed?`: stays false after an error. */
  isClosed(target: Target): boolean {
    return this.registry.outcome(target)?.state === CLOSED;
  }

  /** Block `closing code`: the close frame's code once closed (1005 when it had none); 0 in every other state, as in the gallery extension. */
  closeCode(target: Target): number {
    return this.registry.outcome(target)?.closeCode ?? 0;
  }

  /** Block `closing message`. */
  closeMessage(target: Target): string {
    return this.registry.outcome(target)?.closeMessage ?? '';
  }

  /** Block `close connection`: code 1000 (RFC 6455 §7.4.1, normal closure), no reason. */
  close(target: Target): void {
    this.closeWithReason(target, '', NORMAL_CLOSURE);
  }

  /** Block `close connection with code [CODE]`. */
  closeWithCode(target: Target, code: number): void {
    this.closeWithReason(target, '', code);
  }

  /**
   * Block `close connection with reason [REASON] and code [CODE]`. Closed, with its hat, once
   * the server answers or the grace period is over. A `reason` that cannot be turned into
   * text is ''; a code outside 1000 and 3000–4999 is 1000.
   */
  closeWithReason(target: Target, reason: string, code: number): void {
    const connection = this.registry.liveConnection(target);
    if (connection === undefined || !connection.isClosable()) return;
    const text = truncateCloseReason(safeText(reason));
    this.delivery.remove(connection);
    try {
      connection.requestClose(normalizeCloseCode(code), text);
    } catch (error) {
      connection.fail(ERROR_CONNECTION_LOST);
      reportUnexpected(error);
    }
    this.registry.release(connection);
  }

  /**
   * Block `error message`: why the connection last failed: `invalid URL`, `permission denied`,
   * `connection failed`, `connection lost`, `timed out`, `stopped`, `invalid protocols`; '' if it
   * has not. While reconnecting: the last failure (of the ending, then of each failed try).
   */
  errorMessage(target: Target): string {
    return this.registry.outcome(target)?.errorMessage ?? '';
  }

  /** Closes every connection quietly, turns every automatic reconnect off and drops all host listeners. The runtime stays usable. */
  dispose(): void {
    this.autoReconnect = new WeakSet();
    for (const target of this.registry.liveTargets()) this.forget(target);
    this.registry.clearOutcomes();
  }

  // --- host events -------------------------------------------------------------------

  /** The stop sign: every connection ends without hats, and stays readable (`Connection.stop`). */
  private readonly handleStopAll = (): void => {
    // First, so that no ending below starts a reconnect.
    this.autoReconnect = new WeakSet();
    for (const target of this.registry.liveTargets()) {
      const connection = this.registry.liveConnection(target)!;
      this.delivery.remove(connection);
      try {
        connection.stop();
      } catch (error) {
        reportUnexpected(error);
      }
      if (connection.hasEnded()) this.registry.release(connection);
      else this.forget(target);
    }
  };

  private readonly handleTargetRemoved = (target: Target): void => {
    this.autoReconnect.delete(target);
    this.forget(target);
  };

  private readonly handleProjectChange = (): void => {
    this.dispose();
  };

  // --- automatic reconnect (CONTRACT.md, Staying connected) -------------------------------

  /** A connection ended (its hat already started): reconnect when the rule says so, else let it go. */
  private handleEnded(connection: Connection<Target, Thread>): void {
    const ending = connection.ending;
    const from = connection.endedWith;
    const target = connection.target;
    if (
      ending !== null &&
      from !== null &&
      this.autoReconnect.has(target) &&
      this.registry.liveConnection(target) === connection &&
      shouldReconnect(ending)
    ) {
      connection.session.reconnect = { from, lastFailure: from.state === ERRORED ? from.reason : '' };
      connection.session.backoffStep = 0;
      this.scheduleTry(connection);
      return;
    }
    this.registry.release(connection);
  }

  /** A reconnect's try failed: the next one, unless the reconnect was ended meanwhile. */
  private handleFailedTry(connection: Connection<Target, Thread>): void {
    if (this.registry.liveConnection(connection.target) === connection && this.autoReconnect.has(connection.target)) {
      this.scheduleTry(connection);
      return;
    }
    connection.session.endReconnect();
    this.registry.release(connection);
  }

  /** The next connection of `previous`'s session, waiting for its turn, takes its place. */
  private scheduleTry(previous: Connection<Target, Thread>): void {
    const session = previous.session;
    const next = new Connection<Target, Thread>(previous.target, this.hats, this.events, this.timing, session, RECONNECTING);
    this.delivery.remove(previous);
    this.registry.add(next);
    next.waitToReconnect(this.waitBefore(session.backoffStep));
    session.backoffStep += 1;
  }

  /** A reconnect's turn came: permission, then a socket to the same URL and protocols. */
  private async tryAgain(connection: Connection<Target, Thread>): Promise<void> {
    const session = connection.session;
    session.traffic.reconnectAttempts += 1;
    const allowed = await this.askPermission(session.url);
    // Ended meanwhile (stop sign, close block, `connect to`, turned off): nothing to try.
    if (!connection.isWaitingToReconnect() || this.registry.liveConnection(connection.target) !== connection) return;
    if (!allowed) {
      connection.fail(ERROR_PERMISSION_DENIED);
      return;
    }
    const socket = this.openSocket(session.url, session.protocols);
    if (socket === null) connection.fail(ERROR_INVALID_URL);
    else connection.attach(socket);
  }

  private waitBefore(attempt: number): number {
    if (this.delayOf !== undefined) {
      try {
        const ms = this.delayOf(attempt);
        if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) return ms;
      } catch (error) {
        reportUnexpected(error);
      }
    }
    return reconnectDelay(attempt);
  }

  // --- helpers ---------------------------------------------------------------------------

  /** `connect to`, with `protocols` (a list to read) or without (null). */
  private async open(target: Target, url: string, protocols: string | null): Promise<void> {
    this.forget(target);
    const session = new Session<Target, Thread>(target, this.hats);
    const connection = new Connection<Target, Thread>(target, this.hats, this.events, this.timing, session);
    this.registry.add(connection);

    const fixed = fixUpUrl(safeText(url));
    if (!fixed.ok) {
      connection.fail(fixed.reason);
      return connection.settled;
    }
    if (protocols !== null) {
      const parsed = parseSubprotocols(safeText(protocols));
      if (!parsed.ok) {
        connection.fail(ERROR_INVALID_PROTOCOLS);
        return connection.settled;
      }
      session.protocols = parsed.protocols;
    }
    session.url = fixed.url;
    const allowed = await this.askPermission(fixed.url);
    // Replaced, closed or stopped while permission was asked: that already settled it.
    if (connection.state !== CONNECTING) return connection.settled;
    if (!allowed) {
      connection.fail(ERROR_PERMISSION_DENIED);
      return connection.settled;
    }
    const socket = this.openSocket(fixed.url, session.protocols);
    if (socket === null) connection.fail(ERROR_INVALID_URL);
    else connection.attach(socket);
    return connection.settled;
  }

  /** Text or bytes to the target's live connection: kept, sent or ignored by its state. */
  private sendOutgoing(target: Target, payload: Outgoing): void {
    // Only a live connection can send; an ended one ignores it anyway.
    const connection = this.registry.liveConnection(target);
    if (connection === undefined) return;
    try {
      connection.send(payload);
    } catch (error) {
      // A socket that refuses a send while open is broken: that is a lost connection.
      connection.fail(ERROR_CONNECTION_LOST);
      reportUnexpected(error);
    }
  }

  /** Quiet close and forget (replacement, stop-all, removal, project change): no hats. */
  private forget(target: Target): void {
    const connection = this.registry.remove(target);
    if (connection === undefined) return;
    this.delivery.remove(connection);
    try {
      connection.closeQuietly();
    } catch (error) {
      reportUnexpected(error);
    }
  }

  private async askPermission(url: string): Promise<boolean> {
    try {
      return (await this.host.canFetch(url)) === true;
    } catch (error) {
      // A host that cannot answer has not given permission.
      reportUnexpected(error);
      return false;
    }
  }

  /** Protocols go to the constructor only when there are some, so a plain `connect to` calls `new WebSocket(url)`. */
  private openSocket(url: string, protocols: readonly string[]) {
    try {
      return protocols.length > 0 ? new this.WebSocket(url, [...protocols]) : new this.WebSocket(url);
    } catch (error) {
      // The WebSocket constructor throws a SyntaxError for a URL it will not open.
      if (error instanceof Error && error.name === 'SyntaxError') return null;
      reportUnexpected(error);
      return null;
    }
  }
}
