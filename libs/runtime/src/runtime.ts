import { normalizeCloseCode, NORMAL_CLOSURE } from './close-code.js';
import { truncateCloseReason } from './close-reason.js';
import { Connection, type ConnectionEvents } from './connection.js';
import { CLOSED, CONNECTING, ERRORED, ERROR_CONNECTION_LOST, ERROR_INVALID_URL, ERROR_PERMISSION_DENIED, OPEN } from './connection-state.js';
import { FrameDelivery } from './delivery.js';
import { HatRunner } from './hat-runner.js';
import type { HatOpcodes, Host, WebSocketConstructorLike } from './host.js';
import { ConnectionRegistry } from './registry.js';
import { reportUnexpected } from './report-unexpected.js';
import { safeText } from './safe-text.js';
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

  private readonly events: ConnectionEvents<Target, Thread> = {
    waiting: (connection) => this.delivery.add(connection),
    ended: (connection) => this.registry.release(connection),
  };

  constructor(options: WebSocketRuntimeOptions<Target, Thread>) {
    this.WebSocket = options.WebSocket;
    this.host = options.host;
    this.hats = new HatRunner(options.host, options.hats);
    this.timing = resolveTiming(options.timing);
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
   * be turned into text is an invalid URL.
   */
  async connect(target: Target, url: string): Promise<void> {
    if (!isTarget(target)) return;
    this.forget(target);
    const connection = new Connection<Target, Thread>(target, this.hats, this.events, this.timing);
    this.registry.add(connection);

    const fixed = fixUpUrl(safeText(url));
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
    return this.registry.outcome(target)?.state === OPEN;
  }

  /** Block `received message data`: the latest delivered message, '' before any. */
  messageData(target: Target): string {
    return this.registry.outcome(target)?.data ?? '';
  }

  /** Block `send message [PAYLOAD]`. The caller casts; a non-string is ignored. */
  send(target: Target, payload: string): void {
    if (typeof payload !== 'string') return;
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

  /** Why the connection last failed: `invalid URL`, `permission denied`, `connection failed`, `connection lost`, `timed out`, `stopped`; '' if it has not. */
  errorMessage(target: Target): string {
    return this.registry.outcome(target)?.errorMessage ?? '';
  }

  /** Closes every connection quietly and drops all host listeners. The runtime stays usable. */
  dispose(): void {
    for (const target of this.registry.liveTargets()) this.forget(target);
    this.registry.clearOutcomes();
  }

  // --- host events -------------------------------------------------------------------

  /** The stop sign: every connection ends without hats, and stays readable (`Connection.stop`). */
  private readonly handleStopAll = (): void => {
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
    this.forget(target);
  };

  private readonly handleProjectChange = (): void => {
    this.dispose();
  };

  // --- helpers ---------------------------------------------------------------------------

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

  private openSocket(url: string) {
    try {
      return new this.WebSocket(url);
    } catch (error) {
      // The WebSocket constructor throws a SyntaxError for a URL it will not open.
      if (error instanceof Error && error.name === 'SyntaxError') return null;
      reportUnexpected(error);
      return null;
    }
  }
}
