import { NO_STATUS_RECEIVED } from './close-code.js';
import { binaryBytes, bytesToDataUrl } from './data-url.js';
import {
  CLOSED,
  CLOSING,
  CONNECTING,
  ERRORED,
  ERROR_CONNECTION_FAILED,
  ERROR_CONNECTION_LOST,
  ERROR_STOPPED,
  ERROR_TIMED_OUT,
  OPEN,
  type ConnectionState,
  type ErrorReason,
} from './connection-state.js';
import { Inbox, type Deliverable } from './delivery.js';
import type { HatRunner } from './hat-runner.js';
import type { WebSocketLike } from './host.js';
import { isUnclosed } from './ready-state.js';
import type { Timing } from './timing.js';

/** RFC 6455 §7.4.1: 1006 is never sent; it means the connection ended without a close frame. */
const ABNORMAL_CLOSURE = 1006;

/** What a connection tells its runtime, after its own state has moved. */
export interface ConnectionEvents<Target extends object, Thread> {
  /** Something was queued: visit the connection each frame until `needsFrames()` is false. */
  waiting(connection: Connection<Target, Thread>): void;
  /** Closed or errored (hat already started): the runtime may let go of it once drained. */
  ended(connection: Connection<Target, Thread>): void;
}

interface CloseEventLike {
  code?: unknown;
  reason?: unknown;
}

/** How a connection ends: closed with a code and reason, or errored with a reason. */
type Ending = { state: typeof CLOSED; code: number; reason: string } | { state: typeof ERRORED; reason: ErrorReason };

/** `ws`'s extra: drops the TCP connection at once. Browsers have no such method. */
interface Terminable {
  terminate?: unknown;
}

/**
 * One target's connection: its state machine (connection-state.ts), its socket's listeners,
 * its hats and what the reporters show. Only its own methods move its state; the runtime
 * reads it through getters and asks for changes through the public methods.
 */
export class Connection<Target extends object, Thread = unknown> implements Deliverable {
  /** Resolves once the connection has opened, failed or closed (the `connect to` block waits). */
  readonly settled: Promise<void>;

  private current: ConnectionState = CONNECTING;
  /** `closing code`: 0 until a close happens, as in the gallery extension. */
  private code = 0;
  private reason = '';
  private failure: ErrorReason | '' = '';
  private readonly inbox: Inbox<Target, Thread>;
  private openThreads: Thread[] = [];
  private socket: WebSocketLike | null = null;
  private pendingSends: string[] = [];
  /** A close or error that arrived behind queued messages: applied once they are handled. */
  private pendingEnding: Ending | null = null;
  /** What the project's close block sent, reported if the server does not answer in time. */
  private requested: { code: number; reason: string } | null = null;
  /** The handshake timeout while connecting, the close grace period while closing. */
  private timer: ReturnType<typeof setTimeout> | null = null;
  private settle!: () => void;

  constructor(
    readonly target: Target,
    private readonly hats: HatRunner<Target, Thread>,
    private readonly events: ConnectionEvents<Target, Thread>,
    private readonly timing: Timing,
  ) {
    this.inbox = new Inbox(target, hats);
    this.settled = new Promise<void>((resolve) => {
      this.settle = resolve;
    });
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** `received message data`: the latest delivered message. */
  get data(): string {
    return this.inbox.data;
  }

  /** `closing code`: the close frame's code once closed (1005 when it had none), 0 before. */
  get closeCode(): number {
    return this.code;
  }

  /** `closing message`: the close frame's reason once closed. */
  get closeMessage(): string {
    return this.reason;
  }

  /** Why it failed, once errored. */
  get errorMessage(): ErrorReason | '' {
    return this.failure;
  }

  /** Whether it is closed or errored: nothing about it changes any more. */
  hasEnded(): boolean {
    return this.current === CLOSED || this.current === ERRORED;
  }

  /** Whether a close block still applies (connecting or open, including open with an ending queued). */
  isClosable(): boolean {
    return this.current === CONNECTING || this.current === OPEN;
  }

  /** Takes over a freshly constructed socket. Listeners come off together in `handleClose`. */
  attach(socket: WebSocketLike): void {
    this.socket = socket;
    // Binary arrives as an ArrayBuffer, converted synchronously, so a text message that
    // arrives later can never overtake it (the gallery extension converted Blobs async).
    socket.binaryType = 'arraybuffer';
    socket.addEventListener('open', this.handleOpen);
    socket.addEventListener('message', this.handleMessage);
    socket.addEventListener('error', this.handleError);
    socket.addEventListener('close', this.handleClose);
    this.startTimer(this.timing.handshakeTimeoutMs, this.handleHandshakeTimeout);
  }

  /** CONTRACT.md, Sending: kept until open, sent at once while open, ignored after. May throw (a broken socket). */
  send(payload: string): void {
    if (this.current === CONNECTING) {
      this.pendingSends.push(payload);
      return;
    }
    if (this.current !== OPEN || this.socket === null) return;
    this.socket.send(payload);
  }

  /**
   * The project asked to close (a close block). No further message is delivered; the close
   * hat runs when the closing handshake completes, or when the grace period is over
   * (`Timing.closeGracePeriodMs`), whichever comes first. May throw (a broken socket).
   */
  requestClose(code: number, reason: string): void {
    if (!this.isClosable()) return;
    this.inbox.clear();
    this.pendingSends = [];
    const ending = this.pendingEnding;
    if (ending !== null) {
      // The server already ended it: that ending happened first, so it is what the project sees.
      this.pendingEnding = null;
      this.finish(ending, true);
      return;
    }
    this.current = CLOSING;
    this.requested = { code, reason };
    if (this.socket === null) {
      // Still waiting for permission: there is no socket to close, so the close is done now.
      this.finish({ state: CLOSED, code, reason }, true);
      return;
    }
    this.startTimer(this.timing.closeGracePeriodMs, this.handleGraceOver);
    this.socket.close(code, reason);
  }

  /**
   * The stop sign: ends without any hat, and leaves what the gallery extension's reporters
   * show after it (CONTRACT.md, Lifetime): an open connection reads closed with 1005 and no
   * reason (its close frame carries no code); one still connecting reads errored (`stopped`);
   * one closing reads closed with what the project sent; an ending already queued behind
   * messages is applied. Received data is kept. May throw (a broken socket).
   */
  stop(): void {
    if (this.hasEnded()) return;
    const ending: Ending =
      this.pendingEnding ??
      (this.current === CONNECTING
        ? { state: ERRORED, reason: ERROR_STOPPED }
        : { state: CLOSED, code: this.requested?.code ?? NO_STATUS_RECEIVED, reason: this.requested?.reason ?? '' });
    const wasClosing = this.current === CLOSING;
    this.pendingEnding = null;
    this.inbox.clear();
    this.pendingSends = [];
    this.finish(ending, false);
    if (!wasClosing && this.socket !== null && isUnclosed(this.socket.readyState)) this.socket.close();
  }

  /**
   * Replacement, stop-all, target removal, project change: closes without telling the
   * project, and stops its `when connected` threads. Listeners stay until the socket's own
   * close event, so a late error event (`ws` emits one when a handshake is aborted) still has
   * a listener and is ignored. May throw (a broken socket).
   */
  closeQuietly(): void {
    const wasLive = !this.hasEnded();
    this.clearTimer();
    this.stopOpenThreads();
    this.current = CLOSED;
    this.pendingEnding = null;
    this.inbox.clear();
    this.pendingSends = [];
    this.settle();
    if (wasLive && this.socket !== null) this.socket.close();
  }

  /** Ends in the error state (CONTRACT.md, Errors) and runs the error hat, unless it already ended. */
  fail(reason: ErrorReason): void {
    if (this.hasEnded()) return;
    this.pendingEnding = null;
    this.finish({ state: ERRORED, reason }, true);
    // The socket may still be open (a send that threw, a timeout): close it; its close event detaches.
    if (this.socket !== null && isUnclosed(this.socket.readyState)) this.socket.close();
  }

  // --- delivery (the runtime's frame hook) ------------------------------------------------

  /** One frame: the next queued message; then, once all are handled, a queued close or error. */
  deliverNext(): void {
    this.inbox.deliverNext();
    const ending = this.pendingEnding;
    if (ending === null || !this.inbox.isIdle()) return;
    this.pendingEnding = null;
    this.finish(ending, true);
  }

  needsFrames(): boolean {
    return this.inbox.hasQueued() || this.pendingEnding !== null;
  }

  // --- state machine ----------------------------------------------------------------------

  /**
   * A close or error that the socket reported while open. CONTRACT.md, Closing and "Errors":
   * it is handled after every message that arrived before it, once their threads finished.
   */
  private endInOrder(ending: Ending): void {
    if (this.inbox.isIdle()) {
      this.finish(ending, true);
      return;
    }
    this.pendingEnding = ending;
    this.events.waiting(this);
  }

  /** Moves to closed or errored (the only place that does), then the hat unless quiet. */
  private finish(ending: Ending, withHat: boolean): void {
    this.clearTimer();
    this.current = ending.state;
    if (ending.state === CLOSED) {
      this.code = ending.code;
      this.reason = ending.reason;
    } else {
      this.failure = ending.reason;
    }
    this.pendingSends = [];
    this.settle();
    this.stopOpenThreads();
    if (withHat) this.hats.start(ending.state === CLOSED ? 'close' : 'error', this.target);
    this.events.ended(this);
  }

  private startTimer(ms: number, handler: () => void): void {
    this.clearTimer();
    this.timer = setTimeout(handler, ms);
  }

  private clearTimer(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly handleHandshakeTimeout = (): void => {
    this.timer = null;
    if (this.current === CONNECTING) this.fail(ERROR_TIMED_OUT);
  };

  /** The server did not answer the close in time: closed now, with what the project sent. */
  private readonly handleGraceOver = (): void => {
    this.timer = null;
    if (this.current !== CLOSING) return;
    const requested = this.requested ?? { code: NO_STATUS_RECEIVED, reason: '' };
    this.finish({ state: CLOSED, ...requested }, true);
    // Listeners stay until the socket's own close event; `ws` can end it now.
    const socket = this.socket as Terminable | null;
    if (socket !== null && typeof socket.terminate === 'function') socket.terminate();
  };

  private stopOpenThreads(): void {
    const threads = this.openThreads;
    this.openThreads = [];
    this.hats.stop(threads);
  }

  private readonly handleOpen = (): void => {
    if (this.current !== CONNECTING) return;
    this.clearTimer();
    this.current = OPEN;
    const pending = this.pendingSends;
    this.pendingSends = [];
    for (const payload of pending) this.socket!.send(payload);
    this.settle();
    this.openThreads = this.hats.start('open', this.target);
  };

  private readonly handleMessage = (event: { data: unknown }): void => {
    // After a close request, or once the socket reported its end, nothing more is delivered.
    if (this.current !== OPEN || this.pendingEnding !== null) return;
    if (this.inbox.receive(messageText(event.data))) this.events.waiting(this);
  };

  private readonly handleError = (): void => {
    if (this.current === CONNECTING) this.fail(ERROR_CONNECTION_FAILED);
    else if (this.current === OPEN && this.pendingEnding === null) this.endInOrder({ state: ERRORED, reason: ERROR_CONNECTION_LOST });
    // closing, closed, errored, or an ending already queued: the close event that follows settles it.
  };

  private readonly handleClose = (event: CloseEventLike): void => {
    this.detach();
    const code = typeof event.code === 'number' ? event.code : ABNORMAL_CLOSURE;
    const reason = typeof event.reason === 'string' ? event.reason : '';
    if (this.current === CLOSING) {
      this.finish({ state: CLOSED, code, reason }, true);
    } else if (this.current === CONNECTING) {
      this.fail(ERROR_CONNECTION_FAILED);
    } else if (this.current === OPEN && this.pendingEnding === null) {
      // No close frame and the project did not ask: the network or the server died.
      if (code === ABNORMAL_CLOSURE) this.endInOrder({ state: ERRORED, reason: ERROR_CONNECTION_LOST });
      else this.endInOrder({ state: CLOSED, code, reason });
    }
  };

  private detach(): void {
    const socket = this.socket;
    if (socket === null) return;
    socket.removeEventListener('open', this.handleOpen);
    socket.removeEventListener('message', this.handleMessage);
    socket.removeEventListener('error', this.handleError);
    socket.removeEventListener('close', this.handleClose);
    // An ended connection stays readable for the reporters; it need not keep its socket.
    this.socket = null;
  }
}

function messageText(data: unknown): string {
  if (typeof data === 'string') return data;
  const bytes = binaryBytes(data);
  return bytes === null ? String(data) : bytesToDataUrl(bytes);
}
