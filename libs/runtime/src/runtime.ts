import type { BinaryBlocks } from './binary-blocks.js';
import { Bindings, isObject as isTarget } from './bindings.js';
import { normalizeCloseCode, NORMAL_CLOSURE } from './close-code.js';
import { truncateCloseReason } from './close-reason.js';
import type { Connection } from './connection.js';
import { CLOSED, ERRORED, NONE, OPEN } from './connection-state.js';
import type { ConversationBlocks } from './conversation-blocks.js';
import { bytesOfDataUrl as bytesOfDataUrlRule, dataUrlOfBytes as dataUrlOfBytesRule } from './data-url-convert.js';
import { dataUrlOfText as dataUrlOfTextRule, textOfDataUrl as textOfDataUrlRule } from './data-url-convert.js';
import { parseDataUrl } from './data-url-parse.js';
import { FrameHook } from './frame-hook.js';
import { HatRunner } from './hat-runner.js';
import { Lifetime } from './lifetime.js';
import { BlockLookup } from './lookup.js';
import { Opener } from './opener.js';
import { NODE_AND_TESTS } from './platform.js';
import { reconnectDelay } from './reconnect-policy.js';
import { reconnectDelayOption, Reconnector } from './reconnector.js';
import { ConnectionRegistry } from './registry.js';
import { safeText } from './safe-text.js';
import { Sprite } from './sprite.js';
import { readStatistic } from './statistics.js';
import type { WebSocketRuntimeOptions } from './runtime-options.js';
import { DEFAULT_TIMING, resolveTiming } from './timing.js';

/**
 * The WebSocket blocks' behaviour (CONTRACT.md states every rule): named connections per target,
 * the default one named ''. Every method that takes a target also takes, last and optional, the
 * VM thread running the block: it acts on the connection that thread is bound to (`use
 * connection`, or the connection whose event started its hat), the default one when the thread
 * is bound to nothing or not given (CONTRACT.md, Several connections). Every public method is
 * safe to call with anything: it never throws into the VM.
 *
 * It only looks a connection up and asks it: opening is `Opener`'s, automatic reconnect
 * `Reconnector`'s, each target's connections its `Sprite`'s, the host's events `Lifetime`'s.
 * A group of blocks with state of its own is a facet: a class in its own file, reached as a
 * readonly property of this one and named `facet.method` by the spec's `handler`; every facet
 * finds its connection through the same `BlockLookup`. The runtime builds only the facets it is
 * given (`options.facets`), so a bundle without their blocks leaves their code out; a facet not
 * given is `undefined`.
 */
export class WebSocketRuntime<Target extends object, Thread = unknown> {
  /** Which connection name each thread is bound to. */
  private readonly bindings = new Bindings();
  /** Protected for tests, which count the connections it still tracks (test/support/runtime.ts). */
  protected readonly registry: ConnectionRegistry<Target, Thread>;
  private readonly opener: Opener<Target, Thread>;
  private readonly lifetime: Lifetime<Target, Thread>;
  private readonly lookup: BlockLookup<Target, Thread>;
  /** The conversation blocks: requests and replies, keepalive, pace, connect timeout (CONTRACT.md, Replies, Keepalive, Pace). */
  readonly conversation: ConversationBlocks<Target, Thread> | undefined;
  /** The blocks that build and read binary messages value by value (CONTRACT.md, Building and reading binary messages). */
  readonly binary: BinaryBlocks<Target, Thread> | undefined;

  constructor(options: WebSocketRuntimeOptions<Target, Thread>) {
    const host = options.host;
    const hats = new HatRunner(host, options.hats);
    // Only tests set these; a browser bundle has the defaults alone (platform.ts).
    const timing = NODE_AND_TESTS ? resolveTiming(options.timing) : DEFAULT_TIMING;
    const delayOf = NODE_AND_TESTS ? reconnectDelayOption(options.reconnectDelay) : reconnectDelay;
    const frames = new FrameHook<Sprite<Target, Thread>>((sprite) => this.registry.settle(sprite));
    this.opener = new Opener(options.WebSocket, host);
    this.registry = new ConnectionRegistry(
      () => this.lifetime.subscribe(host),
      (target) => new Sprite(target, context, this.bindings, (sprite) => frames.add(sprite)),
    );
    this.lifetime = new Lifetime(this.registry, frames, this.bindings);
    this.lookup = new BlockLookup(this.registry, this.bindings);
    const { binary, conversation } = options.facets ?? {};
    this.binary = binary && new binary(this.lookup);
    this.conversation = conversation && new conversation(this.lookup);
    // Without the conversation facet, connections get no hooks and claim no message (NO_CONVERSATION).
    const conversations = this.conversation?.watch.bind(this.conversation);
    const context = { hats, timing, listener: new Reconnector(this.registry, this.opener, delayOf), failedBeforeOpen: this.opener.failedBeforeOpen, conversations };
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
    return this.opener.connect(this.registry.activeSprite(target), this.bindings.nameOf(thread), url, null);
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
    return this.opener.connect(this.registry.activeSprite(target), this.bindings.nameOf(thread), url, protocols);
  }

  /**
   * Block `connection state`: `none` (never connected), `connecting`, `open`, `closing`,
   * `closed`, `errored` or `reconnecting` (connection-state.ts). Not translated: projects compare it.
   */
  connectionState(target: Target, thread?: Thread): string {
    return this.connectionOf(target, thread)?.state ?? NONE;
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
    const traffic = sprite.connection(this.bindings.nameOf(thread))?.session.traffic;
    // The menu's exact values first: a project may read this thousands of times a frame.
    return (
      readStatistic(stat, traffic, sprite.inbox) ?? readStatistic(safeText(stat).trim().toLowerCase(), traffic, sprite.inbox) ?? 0
    );
  }

  /** Block `protocol`: the subprotocol the server chose once open, kept after it ends; '' before, or when none. */
  protocol(target: Target, thread?: Thread): string {
    return this.connectionOf(target, thread)?.session.protocol ?? '';
  }

  /** Block `is connected?`: true exactly while open. */
  isConnected(target: Target, thread?: Thread): boolean {
    return this.connectionOf(target, thread)?.state === OPEN;
  }

  /**
   * Block `received message data`: the target's latest delivered, kept or taken message, from
   * any of its connections; '' before any. `thread` is accepted for the handler convention; the
   * data is the target's, not a connection's.
   */
  messageData(target: Target, thread?: Thread): string {
    return this.registry.sprite(target)?.inbox.data ?? '';
  }

  /** Block `send message [PAYLOAD]`. The caller casts; a non-string is ignored. */
  send(target: Target, payload: string, thread?: Thread): void {
    if (typeof payload === 'string') this.connectionOf(target, thread)?.send(payload);
  }

  /**
   * Block `send binary [DATA]`: the bytes of the `data:` URL `data` (base64 or percent-encoded,
   * any media type; rules in `parseDataUrl`) as one binary message, kept like `send message` while connecting or
   * reconnecting; a binary `received message data` is sent from its bytes, whatever its length. Anything else
   * (not such a URL, or past `MAX_DATA_URL_LENGTH`) sends nothing and leaves the connection as it is.
   */
  sendBinary(target: Target, data: string, thread?: Thread): void {
    const connection = this.connectionOf(target, thread);
    // An ended connection ignores a send anyway: no need to decode.
    if (typeof data !== 'string' || connection === undefined || connection.hasEnded()) return;
    // The received message itself is sent back from its bytes, whatever its length.
    const received = this.registry.sprite(target)?.inbox.bytesOf(data);
    const parsed = received ? { ok: true as const, bytes: received } : parseDataUrl(data);
    if (parsed.ok) connection.send(parsed.bytes);
  }

  /** Block `is received message binary?`: whether the target's `received message data` came from a binary message. */
  isBinary(target: Target, thread?: Thread): boolean {
    return this.registry.sprite(target)?.inbox.binary ?? false;
  }

  /**
   * Block `take next message`: removes the target's oldest queued message, of any of its
   * connections, and returns its data ('' when none); it becomes `received message data`, and
   * `connection of received message` names its connection. Binds nothing. Also after the
   * connection ended, for messages that arrived before (CONTRACT.md, Receiving).
   */
  takeNextMessage(target: Target, thread?: Thread): string {
    // The binary facet also moves the thread's read position to the message taken.
    return this.binary ? this.binary.take(target, thread) : (this.registry.sprite(target)?.inbox.take() ?? '');
  }

  /** Block `clear queued messages`: drops every message the target has waiting, of all its connections. */
  clearQueue(target: Target, thread?: Thread): void {
    this.registry.sprite(target)?.inbox.clear();
  }

  /**
   * Block `use connection [NAME]`: binds `thread` (its script from here until it ends) to the
   * target's connection named `name`, compared exactly (case and spaces count); '' is the default
   * connection. A `name` that cannot be turned into text is ''. Without a thread object, nothing
   * happens (CONTRACT.md, Several connections).
   */
  useConnection(target: Target, name: string, thread?: Thread): void {
    if (isTarget(target)) this.bindings.bind(thread, safeText(name));
  }

  /** Block `connection name`: the name `thread` is bound to; '' when bound to nothing. */
  connectionName(target: Target, thread?: Thread): string {
    return this.bindings.nameOf(thread);
  }

  /**
   * Block `connection of received message`: the name of the connection the target's `received
   * message data` came from; '' before any message (and for the default connection). Under a
   * `when message received` script it equals `connection name`.
   */
  messageConnection(target: Target, thread?: Thread): string {
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
    if (isTarget(target)) this.registry.setAutoReconnect(target, safeText(enabled).trim().toLowerCase() === 'on');
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
    return this.connectionOf(target, thread)?.state === ERRORED;
  }

  /** Block `is connection closed?`: stays false after an error. */
  isClosed(target: Target, thread?: Thread): boolean {
    return this.connectionOf(target, thread)?.state === CLOSED;
  }

  /** Block `closing code`: the close frame's code once closed (1005 when it had none); 0 in every other state, as in the gallery extension. */
  closeCode(target: Target, thread?: Thread): number {
    return this.connectionOf(target, thread)?.reported.closeCode ?? 0;
  }

  /** Block `closing message`. */
  closeMessage(target: Target, thread?: Thread): string {
    return this.connectionOf(target, thread)?.reported.closeMessage ?? '';
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
    this.connectionOf(target, thread)?.requestClose(normalizeCloseCode(code), truncateCloseReason(safeText(reason)));
  }

  /**
   * Block `error message`: why the connection last failed: `invalid URL`, `permission denied`,
   * `connection failed`, `connection lost`, `timed out`, `stopped`, `invalid protocols`; '' if it
   * has not. While reconnecting: the last failure (of the ending, then of each failed try).
   */
  errorMessage(target: Target, thread?: Thread): string {
    return this.connectionOf(target, thread)?.reported.errorMessage ?? '';
  }

  /** Closes every connection quietly, turns every automatic reconnect off and drops all host listeners. The runtime stays usable. */
  dispose(): void {
    this.lifetime.dispose();
  }

  /** The connection `thread` is bound to in `target` (live or ended), if it ever connected. */
  private connectionOf(target: Target, thread: Thread | undefined): Connection<Target, Thread> | undefined {
    return this.lookup.connection(target, thread);
  }
}
