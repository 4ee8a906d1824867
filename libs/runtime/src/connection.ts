import { NO_STATUS_RECEIVED } from './close-code.js';
import { CLOSED, CLOSING, CONNECTING, ERRORED, OPEN, RECONNECTING, ERROR_CONNECTION_LOST, ERROR_TIMED_OUT, type ConnectionState, type ErrorReason } from './connection-state.js';
import { closeEnding, errorEnding, type Ending } from './ending.js';
import { reporterValues, stopEnding, type ReporterValues } from './ending-rules.js';
import type { ConnectionContext, ConnectionHome } from './connection-context.js';
import { NO_CONVERSATION, type ConversationHooks } from './conversation-hooks.js';
import type { GatedEvent, HatClient } from './hat-gate.js';
import { HatThreads } from './hat-runner.js';
import type { WebSocketLike } from './host.js';
import type { Outgoing } from './outbox.js';
import { shouldReconnect } from './reconnect-policy.js';
import { Settlement } from './settlement.js';
import type { ReceivedMessage } from './received-message.js';
import type { Session } from './session.js';
import { ABNORMAL_CLOSURE, type SocketEvents, type SocketLink } from './socket-link.js';
import { linkSocket } from './terminating-link.js';
import { Timer } from './timer.js';

/** How `finish` ends a connection. */
type FinishMode = 'with hat' | 'quietly' | 'as a failed try';

/**
 * One socket's connection for a target's connection name: its state machine
 * (connection-state.ts), its hats and what the reporters show. Only its own methods move its
 * state. Its socket is behind a `SocketLink`, which reports a socket that throws as `broken`:
 * a lost connection, so no block needs a try/catch. What outlives the socket (statistics, an
 * automatic reconnect, what waits to be sent) is its `session`.
 */
export class Connection<Target extends object, Thread = unknown> implements HatClient<Thread>, SocketEvents {
  private readonly settlement = new Settlement();
  /** Resolves once the connection has opened, failed or closed (the `connect to` block waits). */
  readonly settled = this.settlement.promise;
  private current: ConnectionState;
  private end: Ending | null = null;
  /** A close or error that arrived behind queued messages: applied once they are handled. */
  private queuedEnding: Ending | null = null;
  /** What the project's close block sent, reported if the server does not answer in time. */
  private requested: { code: number; reason: string } | null = null;
  private readonly openThreads = new HatThreads<Thread>();
  private link: SocketLink | null = null;
  /** The handshake timeout while connecting, the close grace period while closing, the backoff while waiting to reconnect. */
  private readonly timer = new Timer();
  /** The conversation blocks' part (requests, keepalive, pace): told of the open, each message and the ending. */
  private readonly conversation: ConversationHooks;

  /** `start` is `connecting` for `connect to`, `reconnecting` for an automatic reconnect's (see `waitToReconnect`). */
  constructor(
    private readonly context: ConnectionContext<Target, Thread, Connection<Target, Thread>>,
    private readonly home: ConnectionHome<Target, Thread, Connection<Target, Thread>>,
    readonly session: Session,
    start: typeof CONNECTING | typeof RECONNECTING = CONNECTING,
  ) {
    this.current = start;
    this.conversation = context.conversations?.(this) ?? NO_CONVERSATION;
  }

  get state(): ConnectionState {
    return this.current;
  }

  get target(): Target {
    return this.home.target;
  }

  /** Its connection name ('' for the default connection): its hats' threads are bound to it. */
  get name(): string {
    return this.session.name;
  }

  /** The close or error it ended with; null while live and after a quiet close. */
  get ending(): Ending | null {
    return this.end;
  }

  /**
   * `closing code`, `closing message` and `error message` (`reporterValues`): the close frame's
   * code (1005 when it had none) and reason once closed, why it failed once errored, 0 and ''
   * before; while reconnecting, those of the ending that started it, then each try's failure.
   */
  get reported(): ReporterValues {
    return reporterValues(this.current, this.end, this.session.reconnect);
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
    return this.current === RECONNECTING && this.link === null;
  }

  /** Takes over a new socket, and starts the handshake timeout. */
  attach(socket: WebSocketLike): void {
    this.link = linkSocket(socket, this, this.context.timing.closeGracePeriodMs);
    this.timer.start(this.conversation.handshakeTimeoutMs(this.context.timing.handshakeTimeoutMs), this.handleHandshakeTimeout);
  }

  /** A reconnect waits `ms` for its turn, then tells its listener (`due`). */
  waitToReconnect(ms: number): void {
    if (this.isWaitingToReconnect()) this.timer.start(ms, this.handleDue);
  }

  /** CONTRACT.md, Sending: kept until open (the session's outbox), sent at once while open, ignored after. */
  send(payload: Outgoing): void {
    if (this.current === CONNECTING || this.current === RECONNECTING) this.session.outbox.keep(payload);
    else if (this.current === OPEN) this.transmit(payload);
  }

  /** A close block, code and reason normalised (CONTRACT.md, Closing): closed with its hat on the server's answer or at the grace period's end. */
  requestClose(code: number, reason: string): void {
    if (!this.isClosable()) return;
    this.home.inbox.endDelivery(this.session);
    this.session.outbox.clear();
    const queued = this.queuedEnding;
    if (queued !== null) {
      // The server's ending came first, so it is what the project sees; the project still
      // asked to close, so it does not reconnect.
      this.queuedEnding = null;
      this.finish(queued.kind === 'close' ? closeEnding(queued.code, queued.reason, true) : queued, 'with hat');
      return;
    }
    this.current = CLOSING;
    this.requested = { code, reason };
    if (this.link === null) {
      // Waiting for permission or for a reconnect's turn: no socket to close, so it is done now.
      this.finish(closeEnding(code, reason, true), 'with hat');
      return;
    }
    this.timer.start(this.context.timing.closeGracePeriodMs, this.handleGraceOver);
    this.link.close(code, reason);
  }

  /** The stop sign, or reconnect turned off: ends without a hat, reading as `stopEnding` says. Received data and kept messages stay. */
  stop(): void {
    if (this.hasEnded()) return;
    const ending = this.queuedEnding ?? stopEnding(this.current, this.requested, this.session.reconnect);
    const wasClosing = this.current === CLOSING;
    this.queuedEnding = null;
    this.home.inbox.endDelivery(this.session);
    this.finish(ending, 'quietly');
    if (!wasClosing) this.link?.end();
  }

  /** Replacement, removal, new project: closed without a hat; its messages leave the queue (a late socket error is still ignored). */
  closeQuietly(): void {
    const wasLive = !this.hasEnded();
    this.timer.clear();
    this.openThreads.stop(this.context.hats);
    this.current = CLOSED;
    this.queuedEnding = null;
    this.home.gate.dropName(this.name);
    this.home.inbox.forget(this.session);
    this.session.endReconnect();
    this.settlement.settle();
    this.conversation.ended();
    if (wasLive) this.link?.end();
  }

  /** Ends errored with `reason` and its hat (CONTRACT.md, Errors); a reconnect's try worth another ends as a failed try. */
  fail(reason: ErrorReason): void {
    if (this.hasEnded()) return;
    this.queuedEnding = null;
    const ending = errorEnding(reason);
    this.finish(ending, this.current === RECONNECTING && shouldReconnect(ending) ? 'as a failed try' : 'with hat');
    this.link?.end();
  }

  /** One frame: a close or error queued behind its messages, once they are handled; whether one still waits. */
  applyWaitingEnding(): boolean {
    const ending = this.queuedEnding;
    if (ending !== null && !this.home.inbox.isIdleFor(this.session)) return true;
    this.queuedEnding = null;
    if (ending !== null) this.finish(ending, 'with hat');
    return false;
  }

  /** Whether it still has something for a later frame: messages for the hat, a queued ending, a hat waiting its turn. */
  needsFrames(): boolean {
    return this.queuedEnding !== null || this.home.inbox.waitsForHat(this.session) || this.home.gate.isWaiting(this);
  }

  /** HatClient: an open hat that waited for its turn starts only if still open; a close or error hat always. */
  stillWants(event: GatedEvent): boolean {
    return event !== 'open' || this.current === OPEN;
  }

  /** HatClient: its `when connected` threads are stopped when it ends (CONTRACT.md, Connections). */
  hatStarted(event: GatedEvent, threads: Thread[]): void {
    if (event === 'open') this.openThreads.keep(threads);
  }

  opened(protocol: string): void {
    if (this.current !== CONNECTING && this.current !== RECONNECTING) return;
    this.timer.clear();
    this.current = OPEN;
    // Kept while reconnecting and during this handshake, in the order they were sent.
    for (const payload of this.session.opened(protocol)) this.transmit(payload);
    this.settlement.settle();
    // A kept message the socket refused has lost the connection already.
    if (this.current !== OPEN) return;
    this.conversation.opened(this.link!);
    this.home.gate.start('open', this);
  }

  received(message: ReceivedMessage, bytes: number): void {
    // After a close request, or once the socket reported its end, nothing more is delivered.
    if (this.current !== OPEN || this.queuedEnding !== null) return;
    this.session.traffic.countReceived(bytes);
    // A reply to a waiting request, or a keepalive's answer, goes no further (CONTRACT.md, Replies).
    if (!this.conversation.claims(message)) this.home.inbox.receive(message, this.session);
  }

  errored(): void {
    if (this.current === CONNECTING || this.current === RECONNECTING) this.fail(this.context.failedBeforeOpen(this.session.url));
    else if (this.current === OPEN && this.queuedEnding === null) this.endInOrder(errorEnding(ERROR_CONNECTION_LOST));
    // closing, ended, or an ending already queued: the close event that follows settles it.
  }

  closed(code: number, reason: string): void {
    if (this.current === CLOSING) {
      // 1006: no close frame came back (a handshake the close aborted, a dropped TCP connection),
      // so what the project sent is what it reads, as when the grace period runs out.
      const shown = code === ABNORMAL_CLOSURE && this.requested !== null ? this.requested : { code, reason };
      this.finish(closeEnding(shown.code, shown.reason, true), 'with hat');
    } else if (this.current === CONNECTING || this.current === RECONNECTING) {
      this.fail(this.context.failedBeforeOpen(this.session.url));
    } else if (this.current === OPEN && this.queuedEnding === null) {
      // No error event came first, so a close as the browser reports it (CONTRACT.md, Errors).
      this.endInOrder(closeEnding(code, reason, false));
    }
  }

  /** The keepalive's answer did not come (CONTRACT.md, Keepalive): lost as a socket error is, and the silent socket let go. */
  lose(): void {
    this.errored();
    this.link?.end();
  }

  broken(): void {
    this.fail(ERROR_CONNECTION_LOST);
  }

  /** A close or error reported while open: handled after every message that arrived before it (CONTRACT.md, Receiving). */
  private endInOrder(ending: Ending): void {
    // No reply can come any more: waiting requests end now, not after the earlier messages.
    this.conversation.ended();
    if (this.home.inbox.isIdleFor(this.session)) {
      this.finish(ending, 'with hat');
      return;
    }
    this.queuedEnding = ending;
    this.home.endingWaits(this);
  }

  /** Moves to closed or errored (the only place that does), then the hat unless quiet or a failed try. */
  private finish(ending: Ending, mode: FinishMode): void {
    this.timer.clear();
    this.current = ending.kind === 'close' ? CLOSED : ERRORED;
    this.end = ending;
    this.settlement.settle();
    this.conversation.ended();
    this.openThreads.stop(this.context.hats);
    if (mode === 'as a failed try') {
      this.session.tryFailed(ending.reason);
      this.context.listener.retry(this);
      return;
    }
    this.session.endReconnect();
    if (mode === 'with hat') this.home.gate.start(ending.kind === 'close' ? 'close' : 'error', this);
    this.context.listener.ended(this, mode === 'with hat');
  }

  private transmit(payload: Outgoing): void {
    if (this.link?.send(payload) === true) this.session.traffic.countSent(payload);
  }

  private readonly handleDue = (): void => {
    if (this.isWaitingToReconnect()) this.context.listener.due(this);
  };

  private readonly handleHandshakeTimeout = (): void => {
    if (this.current === CONNECTING || this.current === RECONNECTING) this.fail(ERROR_TIMED_OUT);
  };

  /** The server did not answer the close in time: closed now, with what the project sent. */
  private readonly handleGraceOver = (): void => {
    if (this.current !== CLOSING) return;
    const { code, reason } = this.requested ?? { code: NO_STATUS_RECEIVED, reason: '' };
    this.finish(closeEnding(code, reason, true), 'with hat');
    // The link keeps its listeners until the socket's own close event; `ws` can end it now.
    this.link?.giveUp();
  };
}
