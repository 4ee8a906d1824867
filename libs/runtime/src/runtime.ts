import { normalizeCloseCode } from './close-code.js';
import { truncateCloseReason } from './close-reason.js';
import { Connection, type ConnectionEvents } from './connection.js';
import {
  CLOSED,
  CONNECTING,
  ERRORED,
  ERROR_CONNECTION_LOST,
  ERROR_INVALID_URL,
  ERROR_PERMISSION_DENIED,
  OPEN,
} from './connection-state.js';
import type { HatOpcodes, Host, Unsubscribe, WebSocketConstructorLike } from './host.js';
import { fixUpUrl } from './url.js';

export interface WebSocketRuntimeOptions<Target extends object, Thread> {
  /** The WebSocket class: `globalThis.WebSocket` in a browser, `ws`'s class in Node. */
  WebSocket: WebSocketConstructorLike;
  host: Host<Target, Thread>;
  /** The hat opcodes started for each event, e.g. `{ open: 'gsaWebsocket_onOpen', ... }`. */
  hats: HatOpcodes;
}

/** Targets are objects (a sprite, the stage, a clone); anything else has no connection. */
function isTarget(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/**
 * The WebSocket blocks' behaviour (the behaviour contract; see README.md, "The contract in brief"), one connection per target.
 * Every public method is safe to call with anything: it never throws into the VM.
 */
export class WebSocketRuntime<Target extends object, Thread = unknown> {
  private readonly WebSocket: WebSocketConstructorLike;
  private readonly host: Host<Target, Thread>;
  private readonly hats: HatOpcodes;

  /** Connections that still need the host: connecting, open, closing, or delivering a queue. */
  private readonly live = new Map<Target, Connection<Target, Thread>>();
  /**
   * What the reporters read, including connections that have ended. Weak, so an ended
   * connection of a clone nobody holds any more is collected without any listener.
   */
  private outcomes = new WeakMap<Target, Connection<Target, Thread>>();
  /** Connections with queued messages: the only ones the frame hook looks at. */
  private readonly waiting = new Set<Connection<Target, Thread>>();
  /** Host listeners, held only while `live` is not empty. */
  private subscriptions: Unsubscribe[] = [];

  private readonly events: ConnectionEvents<Target, Thread> = {
    opened: (connection) => this.handleOpened(connection),
    received: (connection, data) => this.handleReceived(connection, data),
    failed: (connection) => this.handleEnded(connection, this.hats.error),
    closed: (connection) => this.handleEnded(connection, this.hats.close),
  };

  constructor(options: WebSocketRuntimeOptions<Target, Thread>) {
    this.WebSocket = options.WebSocket;
    this.host = options.host;
    this.hats = options.hats;
  }

  /** Connections the runtime still tracks with host listeners (0 when all have ended). */
  get connectionCount(): number {
    return this.live.size;
  }

  /** Block `connect to [URL]`. Resolves once the connection has opened, failed or closed. */
  async connect(target: Target, url: string): Promise<void> {
    if (!isTarget(target)) return;
    this.forget(target);
    const connection = new Connection<Target, Thread>(target, this.events);
    this.outcomes.set(target, connection);
    this.track(connection);

    const fixed = fixUpUrl(typeof url === 'string' ? url : String(url));
    if (!fixed.ok) {
      connection.fail(fixed.reason);
      return connection.settled;
    }
    const allowed = await this.askPermission(fixed.url);
    // Replaced, closed or stopped while permission was asked: that already settled it.
    if (connection.state !== CONNECTING) return connection.settled;
    if (!allowed) {
      connection.fail(ERROR_PERMISSION_DENIED);
      return connection.settled;
    }
    const socket = this.openSocket(fixed.url);
    if (socket === null) connection.fail(ERROR_INVALID_URL);
    else connection.attach(socket);
    return connection.settled;
  }

  /** Block `is connected?`: true exactly while open. */
  isConnected(target: Target): boolean {
    return this.outcomes.get(target)?.state === OPEN;
  }

  /** Block `received message data`: the latest delivered message, '' before any. */
  messageData(target: Target): string {
    return this.outcomes.get(target)?.data ?? '';
  }

  /** Block `send message [PAYLOAD]`. The caller casts; a non-string is ignored. */
  send(target: Target, payload: string): void {
    if (typeof payload !== 'string') return;
    // Only a live connection can send; an ended one ignores it anyway.
    const connection = this.live.get(target);
    if (connection === undefined) return;
    try {
      connection.send(payload);
    } catch (error) {
      // A socket that refuses a send while open is broken: that is a lost connection.
      connection.fail(ERROR_CONNECTION_LOST);
      this.reportUnexpected(error);
    }
  }

  /** Block `is connection errored?` */
  hasErrored(target: Target): boolean {
    return this.outcomes.get(target)?.state === ERRORED;
  }

  /** Block `is connection closed?`: stays false after an error. */
  isClosed(target: Target): boolean {
    return this.outcomes.get(target)?.state === CLOSED;
  }

  /** Block `closing code`: '' before any close. */
  closeCode(target: Target): number | '' {
    return this.outcomes.get(target)?.closeCode ?? '';
  }

  /** Block `closing message`. */
  closeMessage(target: Target): string {
    return this.outcomes.get(target)?.closeMessage ?? '';
  }

  /** Block `close connection`. */
  close(target: Target): void {
    this.closeWithReason(target, '', 1000);
  }

  /** Block `close connection with code [CODE]`. */
  closeWithCode(target: Target, code: number): void {
    this.closeWithReason(target, '', code);
  }

  /** Block `close connection with reason [REASON] and code [CODE]`. */
  closeWithReason(target: Target, reason: string, code: number): void {
    const connection = this.live.get(target);
    if (connection === undefined) return;
    if (connection.state !== CONNECTING && connection.state !== OPEN) return;
    const text = truncateCloseReason(typeof reason === 'string' ? reason : String(reason));
    this.waiting.delete(connection);
    try {
      connection.requestClose(normalizeCloseCode(code), text);
    } catch (error) {
      connection.fail(ERROR_CONNECTION_LOST);
      this.reportUnexpected(error);
    }
    this.release(connection);
  }

  /** Why the connection last failed: `invalid URL`, `permission denied`, `connection failed`, `connection lost`; '' if it has not. */
  errorMessage(target: Target): string {
    return this.outcomes.get(target)?.errorMessage ?? '';
  }

  /** Closes every connection quietly and drops all host listeners. The runtime stays usable. */
  dispose(): void {
    for (const target of [...this.live.keys()]) this.forget(target);
    this.outcomes = new WeakMap();
  }

  // --- host events -------------------------------------------------------------------

  /** CONTRACT.md, Receiving: per frame, one queued message for each target whose message threads are done. */
  private readonly handleFrame = (): void => {
    for (const connection of this.waiting) {
      if (this.anyActive(connection.messageThreads)) continue;
      const data = connection.queue.shift();
      if (data !== undefined) this.deliver(connection, data);
      if (connection.queue.isEmpty()) {
        this.waiting.delete(connection);
        this.release(connection);
      }
    }
  };

  private readonly handleStopAll = (): void => {
    for (const target of [...this.live.keys()]) this.forget(target);
  };

  private readonly handleTargetRemoved = (target: Target): void => {
    this.forget(target);
  };

  private readonly handleProjectChange = (): void => {
    this.dispose();
  };

  // --- connection events ---------------------------------------------------------------

  private handleOpened(connection: Connection<Target, Thread>): void {
    connection.openThreads = this.startHats(this.hats.open, connection.target);
  }

  private handleReceived(connection: Connection<Target, Thread>, data: string): void {
    if (connection.queue.isEmpty() && !this.anyActive(connection.messageThreads)) {
      this.deliver(connection, data);
      return;
    }
    connection.queue.push(data);
    this.waiting.add(connection);
  }

  /** Closed or errored: stop its `when connected` threads, run the hat, let go when idle. */
  private handleEnded(connection: Connection<Target, Thread>, hat: string): void {
    this.stopThreads(connection.openThreads);
    connection.openThreads = [];
    this.startHats(hat, connection.target);
    this.release(connection);
  }

  private deliver(connection: Connection<Target, Thread>, data: string): void {
    connection.data = data;
    connection.messageThreads = this.startHats(this.hats.message, connection.target);
  }

  // --- registry and subscriptions --------------------------------------------------------

  private track(connection: Connection<Target, Thread>): void {
    if (this.live.size === 0) this.subscribe();
    this.live.set(connection.target, connection);
  }

  /** Drops an ended connection from the live registry once it has nothing left to deliver. */
  private release(connection: Connection<Target, Thread>): void {
    if (connection.state !== CLOSED && connection.state !== ERRORED) return;
    if (this.waiting.has(connection)) return;
    if (this.live.get(connection.target) !== connection) return;
    this.live.delete(connection.target);
    if (this.live.size === 0) this.unsubscribe();
  }

  /** Quiet close and forget (replacement, stop-all, removal, project change): no hats. */
  private forget(target: Target): void {
    const connection = this.live.get(target);
    this.outcomes.delete(target);
    if (connection === undefined) return;
    this.waiting.delete(connection);
    this.live.delete(target);
    this.stopThreads(connection.openThreads);
    connection.openThreads = [];
    try {
      connection.closeQuietly();
    } catch (error) {
      this.reportUnexpected(error);
    }
    if (this.live.size === 0) this.unsubscribe();
  }

  private subscribe(): void {
    this.subscriptions = [
      this.host.onFrame(this.handleFrame),
      this.host.onStopAll(this.handleStopAll),
      this.host.onTargetRemoved(this.handleTargetRemoved),
      this.host.onProjectChange(this.handleProjectChange),
    ];
  }

  private unsubscribe(): void {
    const subscriptions = this.subscriptions;
    this.subscriptions = [];
    for (const unsubscribe of subscriptions) unsubscribe();
  }

  // --- helpers ---------------------------------------------------------------------------

  private async askPermission(url: string): Promise<boolean> {
    try {
      return (await this.host.canFetch(url)) === true;
    } catch (error) {
      // A host that cannot answer has not given permission.
      this.reportUnexpected(error);
      return false;
    }
  }

  private openSocket(url: string) {
    try {
      return new this.WebSocket(url);
    } catch (error) {
      // The WebSocket constructor throws a SyntaxError for a URL it will not open.
      if (error instanceof Error && error.name === 'SyntaxError') return null;
      this.reportUnexpected(error);
      return null;
    }
  }

  /**
   * Starts a hat through the host. Runs inside socket events and the frame hook, where a
   * throw would escape into the VM's event loop: a failing host is reported, not thrown.
   */
  private startHats(opcode: string, target: Target): Thread[] {
    try {
      return this.host.startHats(opcode, target);
    } catch (error) {
      this.reportUnexpected(error);
      return [];
    }
  }

  private anyActive(threads: readonly Thread[]): boolean {
    for (const thread of threads) if (this.host.isThreadActive(thread)) return true;
    return false;
  }

  private stopThreads(threads: readonly Thread[]): void {
    for (const thread of threads) if (this.host.isThreadActive(thread)) this.host.stopThread(thread);
  }

  /** A failure that is not the project's fault: kept visible for developers, never thrown. */
  private reportUnexpected(error: unknown): void {
    console.warn('[scratch-websocket] unexpected error:', error);
  }
}
