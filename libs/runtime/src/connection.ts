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
  RECONNECTING,
  type ConnectionState,
  type ErrorReason,
} from './connection-state.js';
import { BinaryMessage, type ReceivedMessage } from './delivery.js';
import type { Ending } from './ending.js';
import type { GatedEvent, HatClient } from './hat-gate.js';
import type { HatRunner } from './hat-runner.js';
import type { WebSocketLike } from './host.js';
import { isUnclosed } from './ready-state.js';
import { shouldReconnect, type ConnectionEnding } from './reconnect-policy.js';
import { MAX_KEPT_SENDS, type Outgoing, type Session } from './session.js';
import { utf8ByteLength } from './statistics.js';
import type { Timing } from './timing.js';

/** RFC 6455 §7.4.1: 1006 is never sent; it means the connection ended without a close frame. */
const ABNORMAL_CLOSURE = 1006;

/** What a connection tells its runtime, after its own state has moved. */
export interface ConnectionEvents<Target extends object, Thread> {
  /** Something was queued: visit its sprite each frame until nothing of it waits. */
  waiting(connection: Connection<Target, Thread>): void;
  /** Closed or errored (hat already started): the runtime may let go of it once drained, or reconnect. */
  ended(connection: Connection<Target, Thread>): void;
  /** An automatic reconnect's wait is over: the runtime asks permission and attaches a socket. */
  due(connection: Connection<Target, Thread>): void;
  /** An automatic reconnect's try failed (no hat ran): the runtime starts the next one. */
  retry(connection: Connection<Target, Thread>): void;
}

interface CloseEventLike {
  code?: unknown;
  reason?: unknown;
}

/** `ws`'s extra: drops the TCP connection at once. Browsers have no such method. */
interface Terminable {
  terminate?: unknown;
}

/** How `finish` ends a connection: with its hat, quietly, or as a failed reconnect try. */
const WITH_HAT = 'with hat';
const QUIETLY = 'quietly';
const AS_FAILED_TRY = 'as a failed try';
type FinishMode = typeof WITH_HAT | typeof QUIETLY | typeof AS_FAILED_TRY;

/**
 * One socket's connection for a target's connection name: its state machine
 * (connection-state.ts), its socket's listeners, its hats and what the reporters show. Only its
 * own methods move its state; the runtime reads it through getters and asks for changes through
 * the public methods. What outlives the socket (statistics, an automatic reconnect, its place in
 * the sprite's shared queue) is its `session`.
 */
export class Connection<Target extends object, Thread = unknown> implements HatClient<Thread> {
  /** Resolves once the connection has opened, failed or closed (the `connect to` block waits). */
  readonly settled: Promise<void>;

  private current: ConnectionState;
  /** `closing code`: 0 until a close happens, as in the gallery extension. */
  private code = 0;
  private reason = '';
  private failure: ErrorReason | '' = '';
  private openThreads: Thread[] = [];
  private socket: WebSocketLike | null = null;
  private pendingSends: Outgoing[] = [];
  /** A close or error that arrived behind queued messages: applied once they are handled. */
  private pendingEnding: Ending | null = null;
  /** What the project's close block sent, reported if the server does not answer in time. */
  private requested: { code: number; reason: string } | null = null;
  /** A close block was used on this connection: no ending of it reconnects. */
  private closeRequested = false;
  /** How it ended, for the reconnect rule (null while live, or when it ended quietly). */
  private endedAs: ConnectionEnding | null = null;
  private finalEnding: Ending | null = null;
  /** The handshake timeout while connecting, the close grace period while closing, the backoff while waiting to reconnect. */
  private timer: ReturnType<typeof setTimeout> | null = null;
  private settle!: () => void;

  /**
   * `start` is `connecting` for `connect to`, `reconnecting` for a connection an automatic
   * reconnect makes (it waits in `waitToReconnect`, then gets its socket through `attach`).
   */
  constructor(
    readonly target: Target,
    private readonly hats: HatRunner<Target, Thread>,
    private readonly events: ConnectionEvents<Target, Thread>,
    private readonly timing: Timing,
    readonly session: Session<Target, Thread>,
    start: typeof CONNECTING | typeof RECONNECTING = CONNECTING,
  ) {
    this.current = start;
    this.settled = new Promise<void>((resolve) => {
      this.settle = resolve;
    });
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** Its connection name ('' for the default connection): its hats' threads are bound to it. */
  get name(): string {
    return this.session.name;
  }

  /** `closing code`: the close frame's code once closed (1005 when it had none), 0 before; while reconnecting, that of the ending that started it. */
  get closeCode(): number {
    if (this.current === RECONNECTING) {
      const from = this.reconnectingFrom();
      return from?.state === CLOSED ? from.code : 0;
    }
    return this.code;
  }

  /** `closing message`: the close frame's reason once closed; while reconnecting, that of the ending that started it. */
  get closeMessage(): string {
    if (this.current === RECONNECTING) {
      const from = this.reconnectingFrom();
      return from?.state === CLOSED ? from.reason : '';
    }
    return this.reason;
  }

  /** Why it failed, once errored; while reconnecting, the last failure (the ending's, then each try's). */
  get errorMessage(): string {
    if (this.current === RECONNECTING) return this.session.reconnect?.lastFailure ?? '';
    return this.failure;
  }

  /** How it ended, for `shouldReconnect`; null while live or after a quiet ending (stop sign, replacement). */
  get ending(): ConnectionEnding | null {
    return this.endedAs;
  }

  /** The close or error it ended with, once ended with a hat; null otherwise. */
  get endedWith(): Ending | null {
    return this.finalEnding;
  }

  /** Whether it is closed or errored: nothing about it changes any more. */
  hasEnded(): boolean {
    return this.current === CLOSED || this.current === ERRORED;
  }

  /** Whether a close block still applies (connecting, reconnecting or open, including open with an ending queued). */
  isClosable(): boolean {
    return this.current === CONNECTING || this.current === OPEN || this.current === RECONNECTING;
  }

  /** Whether it is a reconnect still waiting for its turn (no socket yet). */
  isWaitingToReconnect(): boolean {
    return this.current === RECONNECTING && this.socket === null;
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

  /** A reconnect waits `ms` for its turn, then the runtime is told (`ConnectionEvents.due`). */
  waitToReconnect(ms: number): void {
    if (this.isWaitingToReconnect()) this.startTimer(ms, this.handleDue);
  }

  /**
   * CONTRACT.md, Sending: kept until open (at most `MAX_KEPT_SENDS`; while reconnecting, in the session), sent at
   * once while open, ignored after. A string is a text message, bytes a binary one. May throw (a
   * broken socket).
   */
  send(payload: Outgoing): void {
    if (this.current === CONNECTING) {
      // Bounded as while reconnecting: a loop run without screen refresh must not fill memory
      // during a handshake that may take the whole timeout.
      if (this.pendingSends.length >= MAX_KEPT_SENDS) this.pendingSends.shift();
      this.pendingSends.push(payload);
      return;
    }
    if (this.current === RECONNECTING) {
      this.session.keepSend(payload);
      return;
    }
    if (this.current !== OPEN || this.socket === null) return;
    this.transmit(payload);
  }

  /**
   * The project asked to close (a close block). No further message is delivered to the message
   * hat (kept ones stay for `take next message`); the close hat runs when the closing handshake
   * completes, or when the grace period is over (`Timing.closeGracePeriodMs`), whichever comes
   * first. May throw (a broken socket).
   */
  requestClose(code: number, reason: string): void {
    if (!this.isClosable()) return;
    this.closeRequested = true;
    this.session.inbox.endDelivery(this.session);
    this.pendingSends = [];
    const ending = this.pendingEnding;
    if (ending !== null) {
      // The server already ended it: that ending happened first, so it is what the project sees.
      this.pendingEnding = null;
      this.finish(ending, WITH_HAT);
      return;
    }
    this.current = CLOSING;
    this.requested = { code, reason };
    if (this.socket === null) {
      // Still waiting for permission or for a reconnect's turn: no socket to close, so the close is done now.
      this.finish({ state: CLOSED, code, reason }, WITH_HAT);
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
   * messages is applied; a reconnect reads as the ending that started it. Received data and
   * messages kept for `take next message` stay. May throw (a broken socket).
   */
  stop(): void {
    if (this.hasEnded()) return;
    const ending: Ending =
      this.pendingEnding ??
      (this.current === RECONNECTING
        ? (this.reconnectingFrom() ?? { state: ERRORED, reason: ERROR_STOPPED })
        : this.current === CONNECTING
          ? { state: ERRORED, reason: ERROR_STOPPED }
          : { state: CLOSED, code: this.requested?.code ?? NO_STATUS_RECEIVED, reason: this.requested?.reason ?? '' });
    const wasClosing = this.current === CLOSING;
    this.pendingEnding = null;
    this.session.inbox.endDelivery(this.session);
    this.pendingSends = [];
    this.finish(ending, QUIETLY);
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
    this.session.sprite.gate.drop(this);
    this.session.inbox.forget(this.session);
    this.session.endReconnect();
    this.pendingSends = [];
    this.settle();
    if (wasLive && this.socket !== null) this.socket.close();
  }

  /**
   * Ends in the error state (CONTRACT.md, Errors) and runs the error hat, unless it already
   * ended. A reconnect's try that fails for a reason worth another try ends quietly instead
   * (CONTRACT.md, Staying connected), and the runtime starts the next.
   */
  fail(reason: ErrorReason): void {
    if (this.hasEnded()) return;
    this.pendingEnding = null;
    const failedTry = this.current === RECONNECTING && shouldReconnect({ kind: 'error', reason });
    this.finish({ state: ERRORED, reason }, failedTry ? AS_FAILED_TRY : WITH_HAT);
    // The socket may still be open (a send that threw, a timeout): close it; its close event detaches.
    if (this.socket !== null && isUnclosed(this.socket.readyState)) this.socket.close();
  }

  // --- delivery (the runtime's frame hook) ------------------------------------------------

  /** One frame (its sprite's): a close or error queued behind its messages, once they are all handled. */
  applyWaitingEnding(): void {
    const ending = this.pendingEnding;
    if (ending === null || !this.session.inbox.isIdleFor(this.session)) return;
    this.pendingEnding = null;
    this.finish(ending, WITH_HAT);
  }

  /** Whether a close or error waits behind its messages. */
  hasWaitingEnding(): boolean {
    return this.pendingEnding !== null;
  }

  /** Whether it still has something for a later frame: messages for the hat, a queued ending, a hat waiting its turn. */
  needsFrames(): boolean {
    return (
      this.pendingEnding !== null || this.session.inbox.waitsForHat(this.session) || this.session.sprite.gate.isWaiting(this)
    );
  }

  // --- hats (HatClient: the sprite's gate starts them) -------------------------------------

  /** An open hat that waited for its turn starts only if still open; a close or error hat always. */
  stillWants(event: GatedEvent): boolean {
    return event !== 'open' || this.current === OPEN;
  }

  /** Its `when connected` threads are stopped when it ends (CONTRACT.md, Closing). */
  hatStarted(event: GatedEvent, threads: Thread[]): void {
    if (event === 'open') this.openThreads = threads;
  }

  // --- state machine ----------------------------------------------------------------------

  /**
   * A close or error that the socket reported while open. CONTRACT.md, Closing and "Errors":
   * it is handled after every message that arrived before it, once their threads finished.
   */
  private endInOrder(ending: Ending): void {
    if (this.session.inbox.isIdleFor(this.session)) {
      this.finish(ending, WITH_HAT);
      return;
    }
    this.pendingEnding = ending;
    this.events.waiting(this);
  }

  /** Moves to closed or errored (the only place that does), then the hat unless quiet or a failed try. */
  private finish(ending: Ending, mode: FinishMode): void {
    this.clearTimer();
    const reconnect = this.session.reconnect;
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
    if (mode === AS_FAILED_TRY) {
      if (reconnect !== null) reconnect.lastFailure = ending.reason as string;
      this.events.retry(this);
      return;
    }
    this.session.endReconnect();
    if (mode === WITH_HAT) {
      this.finalEnding = ending;
      this.endedAs =
        ending.state === CLOSED
          ? { kind: 'close', code: ending.code, byProject: this.closeRequested }
          : { kind: 'error', reason: ending.reason };
      this.session.sprite.gate.start(ending.state === CLOSED ? 'close' : 'error', this);
    }
    this.events.ended(this);
  }

  /** The ending that started the reconnect, with the last failure as an error's reason. */
  private reconnectingFrom(): Ending | null {
    const reconnect = this.session.reconnect;
    if (reconnect === null) return null;
    const from = reconnect.from;
    return from.state === ERRORED ? { state: ERRORED, reason: reconnect.lastFailure as ErrorReason } : from;
  }

  private transmit(payload: Outgoing): void {
    this.socket!.send(payload);
    this.session.traffic.countSent(payload);
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

  private readonly handleDue = (): void => {
    this.timer = null;
    if (this.isWaitingToReconnect()) this.events.due(this);
  };

  private readonly handleHandshakeTimeout = (): void => {
    this.timer = null;
    if (this.current === CONNECTING || this.current === RECONNECTING) this.fail(ERROR_TIMED_OUT);
  };

  /** The server did not answer the close in time: closed now, with what the project sent. */
  private readonly handleGraceOver = (): void => {
    this.timer = null;
    if (this.current !== CLOSING) return;
    const requested = this.requested ?? { code: NO_STATUS_RECEIVED, reason: '' };
    this.finish({ state: CLOSED, ...requested }, WITH_HAT);
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
    if (this.current !== CONNECTING && this.current !== RECONNECTING) return;
    this.clearTimer();
    this.current = OPEN;
    const socket = this.socket!;
    this.session.protocol = typeof socket.protocol === 'string' ? socket.protocol : '';
    this.session.backoffStep = 0;
    // Kept while reconnecting first (they were sent earlier), then those sent during this handshake.
    const pending = [...this.session.takeKeptSends(), ...this.pendingSends];
    this.session.endReconnect();
    this.pendingSends = [];
    for (const payload of pending) this.transmit(payload);
    this.settle();
    this.session.sprite.gate.start('open', this);
  };

  private readonly handleMessage = (event: { data: unknown }): void => {
    // After a close request, or once the socket reported its end, nothing more is delivered.
    if (this.current !== OPEN || this.pendingEnding !== null) return;
    if (this.session.inbox.receive(this.received(event.data), this.session)) this.events.waiting(this);
  };

  /** A message's data as the queue holds it, counted in the statistics (payload bytes). */
  private received(data: unknown): ReceivedMessage {
    const traffic = this.session.traffic;
    traffic.messagesReceived += 1;
    if (typeof data === 'string') {
      traffic.bytesReceived += utf8ByteLength(data);
      return data;
    }
    const bytes = binaryBytes(data);
    if (bytes === null) return String(data);
    traffic.bytesReceived += bytes.byteLength;
    return new BinaryMessage(bytesToDataUrl(bytes));
  }

  private readonly handleError = (): void => {
    if (this.current === CONNECTING || this.current === RECONNECTING) this.fail(ERROR_CONNECTION_FAILED);
    else if (this.current === OPEN && this.pendingEnding === null) this.endInOrder({ state: ERRORED, reason: ERROR_CONNECTION_LOST });
    // closing, closed, errored, or an ending already queued: the close event that follows settles it.
  };

  private readonly handleClose = (event: CloseEventLike): void => {
    this.detach();
    const code = typeof event.code === 'number' ? event.code : ABNORMAL_CLOSURE;
    const reason = typeof event.reason === 'string' ? event.reason : '';
    if (this.current === CLOSING) {
      // 1006 means no close frame came back (a handshake the close aborted, a dropped TCP
      // connection): the server said nothing, so what the project sent is what it reads
      // (CONTRACT.md, Closing), as when the grace period runs out.
      const requested = this.requested;
      if (code === ABNORMAL_CLOSURE && requested !== null) this.finish({ state: CLOSED, ...requested }, WITH_HAT);
      else this.finish({ state: CLOSED, code, reason }, WITH_HAT);
    } else if (this.current === CONNECTING || this.current === RECONNECTING) {
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

