import { Bindings } from './bindings.js';
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
  ERROR_TOO_MANY_CONNECTIONS,
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
import { MAX_CONNECTIONS_PER_TARGET, Sprite } from './sprite.js';
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

/**
 * The counter `stat` names (statistics.ts), or undefined for a name that is not one: the queue's
 * from the sprite (shared by its connections), the others from `session` (0 without one).
 */
function statisticOf<Target extends object, Thread>(
  sprite: Sprite<Target, Thread>,
  session: Session<Target, Thread> | undefined,
  stat: unknown,
): number | undefined {
  switch (stat) {
    case STAT_MESSAGES_RECEIVED:
      return session?.traffic.messagesReceived ?? 0;
    case STAT_MESSAGES_SENT:
      return session?.traffic.messagesSent ?? 0;
    case STAT_BYTES_RECEIVED:
      return session?.traffic.bytesReceived ?? 0;
    case STAT_BYTES_SENT:
      return session?.traffic.bytesSent ?? 0;
    case STAT_QUEUED_MESSAGES:
      return sprite.inbox.size;
    case STAT_DROPPED_MESSAGES:
      return sprite.inbox.dropped;
    case STAT_RECONNECT_ATTEMPTS:
      return session?.traffic.reconnectAttempts ?? 0;
    default:
      return undefined;
  }
}

/** Targets are objects (a sprite, the stage, a clone); anything else has no connection. */
function isTarget(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/**
 * The WebSocket blocks' behaviour (CONTRACT.md states every rule): named connections per target,
 * the default one named ''. Every method that takes a target also takes, last and optional, the
 * VM thread running the block: it acts on the connection that thread is bound to (`use
 * connection`, or the connection whose event started its hat), the default one when the thread
 * is bound to nothing or not given (CONTRACT.md, Several connections). Every public method is
 * safe to call with anything: it never throws into the VM.
 */
export class WebSocketRuntime<Target extends object, Thread = unknown> {
  private readonly WebSocket: WebSocketConstructorLike;
  private readonly host: Host<Target, Thread>;
  private readonly hats: HatRunner<Target, Thread>;
  private readonly registry: ConnectionRegistry<Target, Thread>;
  private readonly delivery: FrameDelivery<Sprite<Target, Thread>>;
  /** Which connection name each thread is bound to. */
  private readonly bindings = new Bindings();
  private readonly timing: Timing;
  private readonly delayOf: ((attempt: number) => number) | undefined;
  /** Targets whose automatic reconnect is on: kept across `connect to`, cleared by the stop sign, a new project, removal. */
  private autoReconnect = new WeakSet<object>();

  private readonly events: ConnectionEvents<Target, Thread> = {
    waiting: (connection) => this.delivery.add(connection.session.sprite),
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
    const release = (connection: Connection<Target, Thread>) => this.registry.release(connection);
    this.delivery = new FrameDelivery((sprite) => {
      for (const connection of sprite.live) release(connection);
    });
    this.registry = new ConnectionRegistry(
      () => [
        this.host.onFrame(this.delivery.handleFrame),
        this.host.onStopAll(this.handleStopAll),
        this.host.onTargetRemoved(this.handleTargetRemoved),
        this.host.onProjectChange(this.handleProjectChange),
      ],
      (target) => new Sprite(target, this.hats, this.bindings, (sprite) => this.delivery.add(sprite), release),
    );
  }

  /** Connections (of every target and name) the runtime still tracks with host listeners (0 when all have ended). */
  get connectionCount(): number {
    return this.registry.size;
  }

  /**
   * Block `connect to [URL]`. Resolves once the connection has opened, failed or closed, at
   * the latest after the handshake timeout (`timed out`); never rejects. A `url` that cannot
   * be turned into text is an invalid URL. Replaces the target's session: statistics, queue,
   * data and any reconnect under way are forgotten (the automatic reconnect setting stays).
   * Acts on the connection `thread` is bound to and replaces only that name's connection; with
   * `MAX_CONNECTIONS_PER_TARGET` others live, it errors with `too many connections`.
   */
  connect(target: Target, url: string, thread?: Thread): Promise<void> {
    if (!isTarget(target)) return Promise.resolve();
    return this.open(target, this.bindings.nameOf(thread), url, null);
  }

  /**
   * Block `connect to [URL] with protocols [PROTOCOLS]`: as `connect`, asking the server for
   * the subprotocols in `protocols`, a comma-separated list (rules in `parseSubprotocols`; an
   * empty list is a plain `connect to`). A malformed list errors with `invalid protocols`, runs
   * the error hat and opens no socket. A server that picks none of them fails the handshake
   * (`connection failed`, as browsers and `ws` both refuse it). Source: RFC 6455 §4.1, §11.3.4.
   */
  connectWithProtocols(target: Target, url: string, protocols: string, thread?: Thread): Promise<void> {
    if (!isTarget(target)) return Promise.resolve();
    return this.open(target, this.bindings.nameOf(thread), url, protocols);
  }

  /**
   * Block `connection state`: `none` (never connected), `connecting`, `open`, `closing`,
   * `closed`, `errored` or `reconnecting` (connection-state.ts). Not translated: projects compare it.
   */
  connectionState(target: Target, thread?: Thread): string {
    return this.registry.outcome(target, this.bindings.nameOf(thread))?.state ?? NONE;
  }

  /**
   * Block `connection statistic [STAT]`: one of the counters of the bound connection since its
   * last `connect to` (statistics.ts names them); `queued messages` and `dropped messages` are
   * the target's shared queue's. Bytes are payload bytes (UTF-8 for text). Case and surrounding
   * spaces are ignored; any other `stat`, or a target that never connected, gives 0.
   */
  statistic(target: Target, stat: string, thread?: Thread): number {
    const sprite = this.registry.sprite(target);
    if (sprite === undefined) return 0;
    const session = sprite.connections.get(this.bindings.nameOf(thread))?.session;
    // The menu's exact values first: a project may read this thousands of times a frame.
    return statisticOf(sprite, session, stat) ?? statisticOf(sprite, session, safeText(stat).trim().toLowerCase()) ?? 0;
  }

  /** Block `protocol`: the subprotocol the server chose once open, kept after it ends; '' before, or when none. */
  protocol(target: Target, thread?: Thread): string {
    return this.registry.outcome(target, this.bindings.nameOf(thread))?.session.protocol ?? '';
  }

  /** Block `is connected?`: true exactly while open. */
  isConnected(target: Target, thread?: Thread): boolean {
    return this.registry.outcome(target, this.bindings.nameOf(thread))?.state === OPEN;
  }

  /**
   * Block `received message data`: the target's latest delivered, kept or taken message, from
   * any of its connections; '' before any. `thread` is accepted for the handler convention; the
   * data is the target's, not a connection's.
   */
  messageData(target: Target, thread?: Thread): string {
    void thread;
    return this.registry.sprite(target)?.inbox.data ?? '';
  }

  /** Block `send message [PAYLOAD]`. The caller casts; a non-string is ignored. */
  send(target: Target, payload: string, thread?: Thread): void {
    if (typeof payload !== 'string') return;
    this.sendOutgoing(target, this.bindings.nameOf(thread), payload);
  }

  /**
   * Block `send binary [DATA]`: the bytes of the `data:` URL `data` (base64 or percent-encoded,
   * any media type; rules in `parseDataUrl`) as one binary message, kept like `send message`
   * while connecting or reconnecting. Anything that is not such a URL sends nothing and leaves
   * the connection as it is.
   */
  sendBinary(target: Target, data: string, thread?: Thread): void {
    const name = this.bindings.nameOf(thread);
    if (typeof data !== 'string' || this.registry.liveConnection(target, name) === undefined) return;
    const parsed = parseDataUrl(data);
    if (parsed.ok) this.sendOutgoing(target, name, parsed.bytes);
  }

  /** Block `is received message binary?`: whether the target's `received message data` came from a binary message. */
  isBinary(target: Target, thread?: Thread): boolean {
    void thread;
    return this.registry.sprite(target)?.inbox.binary ?? false;
  }

  /**
   * Block `take next message`: removes the target's oldest queued message, of any of its
   * connections, and returns its data ('' when none); it becomes `received message data`, and
   * `connection of received message` names its connection. Binds nothing. Also after the
   * connection ended, for messages that arrived before (CONTRACT.md, Receiving).
   */
  takeNextMessage(target: Target, thread?: Thread): string {
    void thread;
    return this.registry.sprite(target)?.inbox.take() ?? '';
  }

  /** Block `clear queued messages`: drops every message the target has waiting, of all its connections. */
  clearQueue(target: Target, thread?: Thread): void {
    void thread;
    this.registry.sprite(target)?.inbox.clear();
  }

  /**
   * Block `use connection [NAME]`: binds `thread` (its script from here until it ends) to the
   * target's connection named `name`, compared exactly (case and spaces count); '' is the default
   * connection. A `name` that cannot be turned into text is ''. Without a thread object, nothing
   * happens (CONTRACT.md, Several connections).
   */
  useConnection(target: Target, name: string, thread?: Thread): void {
    if (!isTarget(target)) return;
    this.bindings.bind(thread, safeText(name));
  }

  /** Block `connection name`: the name `thread` is bound to; '' when bound to nothing. */
  connectionName(target: Target, thread?: Thread): string {
    void target;
    return this.bindings.nameOf(thread);
  }

  /**
   * Block `connection of received message`: the name of the connection the target's `received
   * message data` came from; '' before any message (and for the default connection). Under a
   * `when message received` script it equals `connection name`.
   */
  messageConnection(target: Target, thread?: Thread): string {
    void thread;
    return this.registry.sprite(target)?.inbox.dataFrom ?? '';
  }

  /**
   * Block `set automatic reconnect to [ENABLED]`: `on` (any case, spaces around ignored) turns
   * it on for `target` (all of its connections), anything else off. It lasts across `connect
   * to` until the stop sign, a new project or the target's removal. Turning it off ends every
   * reconnect under way of the target: each connection reads as the ending that started it, and
   * no hat runs (CONTRACT.md, Staying connected).
   */
  setAutoReconnect(target: Target, enabled: string, thread?: Thread): void {
    void thread;
    if (!isTarget(target)) return;
    if (safeText(enabled).trim().toLowerCase() === 'on') {
      this.autoReconnect.add(target);
      return;
    }
    this.autoReconnect.delete(target);
    const sprite = this.registry.sprite(target);
    if (sprite === undefined) return;
    for (const connection of [...sprite.live]) {
      if (connection.state !== RECONNECTING) continue;
      try {
        connection.stop();
      } catch (error) {
        reportUnexpected(error);
      }
      this.registry.release(connection);
    }
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
  hasErrored(target: Target, thread?: Thread): boolean {
    return this.registry.outcome(target, this.bindings.nameOf(thread))?.state === ERRORED;
  }

  /** Block `is connection closed?`: stays false after an error. */
  isClosed(target: Target, thread?: Thread): boolean {
    return this.registry.outcome(target, this.bindings.nameOf(thread))?.state === CLOSED;
  }

  /** Block `closing code`: the close frame's code once closed (1005 when it had none); 0 in every other state, as in the gallery extension. */
  closeCode(target: Target, thread?: Thread): number {
    return this.registry.outcome(target, this.bindings.nameOf(thread))?.closeCode ?? 0;
  }

  /** Block `closing message`. */
  closeMessage(target: Target, thread?: Thread): string {
    return this.registry.outcome(target, this.bindings.nameOf(thread))?.closeMessage ?? '';
  }

  /** Block `close connection`: code 1000 (RFC 6455 §7.4.1, normal closure), no reason. */
  close(target: Target, thread?: Thread): void {
    this.closeWithReason(target, '', NORMAL_CLOSURE, thread);
  }

  /** Block `close connection with code [CODE]`. */
  closeWithCode(target: Target, code: number, thread?: Thread): void {
    this.closeWithReason(target, '', code, thread);
  }

  /**
   * Block `close connection with reason [REASON] and code [CODE]`. Closed, with its hat, once
   * the server answers or the grace period is over. A `reason` that cannot be turned into
   * text is ''; a code outside 1000 and 3000–4999 is 1000.
   */
  closeWithReason(target: Target, reason: string, code: number, thread?: Thread): void {
    const connection = this.registry.liveConnection(target, this.bindings.nameOf(thread));
    if (connection === undefined || !connection.isClosable()) return;
    const text = truncateCloseReason(safeText(reason));
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
  errorMessage(target: Target, thread?: Thread): string {
    return this.registry.outcome(target, this.bindings.nameOf(thread))?.errorMessage ?? '';
  }

  /** Closes every connection quietly, turns every automatic reconnect off and drops all host listeners. The runtime stays usable. */
  dispose(): void {
    this.autoReconnect = new WeakSet();
    for (const connection of this.registry.liveConnections()) this.forget(connection.target);
    this.registry.clearOutcomes();
    this.bindings.clear();
  }

  // --- host events -------------------------------------------------------------------

  /**
   * The stop sign: every connection of every target ends without hats, and stays readable
   * (`Connection.stop`); no hat waiting for its turn starts after it, and nothing waits for the
   * message hat any more (the VM stopped every script).
   */
  private readonly handleStopAll = (): void => {
    // First, so that no ending below starts a reconnect.
    this.autoReconnect = new WeakSet();
    const connections = this.registry.liveConnections();
    for (const connection of connections) {
      const sprite = connection.session.sprite;
      sprite.gate.clear();
      this.delivery.remove(sprite);
      try {
        connection.stop();
      } catch (error) {
        reportUnexpected(error);
      }
    }
    for (const connection of connections) {
      // An ended connection whose messages still waited for the hat: the stop sign ends that too.
      connection.session.inbox.endDelivery(connection.session);
      this.registry.release(connection);
      if (!connection.hasEnded()) this.forget(connection.target);
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
      this.registry.isCurrent(connection) &&
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
    if (this.registry.isCurrent(connection) && this.autoReconnect.has(connection.target)) {
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
    this.registry.add(next);
    this.registry.release(previous);
    next.waitToReconnect(this.waitBefore(session.backoffStep));
    session.backoffStep += 1;
  }

  /** A reconnect's turn came: permission, then a socket to the same URL and protocols. */
  private async tryAgain(connection: Connection<Target, Thread>): Promise<void> {
    const session = connection.session;
    session.traffic.reconnectAttempts += 1;
    const allowed = await this.askPermission(session.url);
    // Ended meanwhile (stop sign, close block, `connect to`, turned off): nothing to try.
    if (!connection.isWaitingToReconnect() || !this.registry.isCurrent(connection)) return;
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

  /** `connect to` on `name`, with `protocols` (a list to read) or without (null). */
  private async open(target: Target, name: string, url: string, protocols: string | null): Promise<void> {
    const sprite = this.registry.spriteFor(target);
    this.replace(sprite, name);
    const session = new Session<Target, Thread>(name, sprite);
    const connection = new Connection<Target, Thread>(target, this.hats, this.events, this.timing, session);
    const full = sprite.liveCount() >= MAX_CONNECTIONS_PER_TARGET;
    this.registry.add(connection);
    sprite.forgetOldEnded();
    if (full) {
      connection.fail(ERROR_TOO_MANY_CONNECTIONS);
      return connection.settled;
    }

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

  /** Text or bytes to the target's live connection `name`: kept, sent or ignored by its state. */
  private sendOutgoing(target: Target, name: string, payload: Outgoing): void {
    // Only a live connection can send; an ended one ignores it anyway.
    const connection = this.registry.liveConnection(target, name);
    if (connection === undefined) return;
    try {
      connection.send(payload);
    } catch (error) {
      // A socket that refuses a send while open is broken: that is a lost connection.
      connection.fail(ERROR_CONNECTION_LOST);
      reportUnexpected(error);
    }
  }

  /** Quiet close of every connection of `target`, and forget it (removal, project change): no hats. */
  private forget(target: Target): void {
    const sprite = this.registry.remove(target);
    if (sprite === undefined) return;
    this.delivery.remove(sprite);
    sprite.gate.clear();
    for (const connection of [...sprite.live]) this.closeQuietly(connection);
  }

  /**
   * `connect to` on `name`: its current connection (live or ended) closes quietly and leaves the
   * shared queue, with any ended connection of the same session (an automatic reconnect's) still
   * draining; the sprite's other names are left alone. The name moves to the newest place.
   */
  private replace(sprite: Sprite<Target, Thread>, name: string): void {
    const old = sprite.connections.get(name);
    if (old === undefined) return;
    sprite.connections.delete(name);
    for (const connection of [...sprite.live]) if (connection.session === old.session && connection !== old) this.closeQuietly(connection);
    this.closeQuietly(old);
  }

  private closeQuietly(connection: Connection<Target, Thread>): void {
    try {
      connection.closeQuietly();
    } catch (error) {
      reportUnexpected(error);
    }
    this.registry.drop(connection);
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
