import { binaryBytes, bytesToDataUrl } from './data-url.js';
import {
  CLOSED,
  CLOSING,
  CONNECTING,
  ERRORED,
  ERROR_CONNECTION_FAILED,
  ERROR_CONNECTION_LOST,
  OPEN,
  type ConnectionState,
  type ErrorReason,
} from './connection-state.js';
import { Inbox, type Deliverable } from './delivery.js';
import type { HatEvent, HatRunner } from './hat-runner.js';
import type { WebSocketLike } from './host.js';
import { isUnclosed } from './ready-state.js';

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

/**
 * One target's connection: its state machine (connection-state.ts), its socket's listeners,
 * its hats and what the reporters show. Only its own methods move its state; the runtime
 * reads it through getters and asks for changes through the public methods.
 */
export class Connection<Target extends object, Thread = unknown> implements Deliverable {
  /** Resolves once the connection has opened, failed or closed (the `connect to` block waits). */
  readonly settled: Promise<void>;

  private current: ConnectionState = CONNECTING;
  private code: number | '' = '';
  private reason = '';
  private failure: ErrorReason | '' = '';
  private readonly inbox: Inbox<Target, Thread>;
  private openThreads: Thread[] = [];
  private socket: WebSocketLike | null = null;
  private pendingSends: string[] = [];
  private settle!: () => void;

  constructor(
    readonly target: Target,
    private readonly hats: HatRunner<Target, Thread>,
    private readonly events: ConnectionEvents<Target, Thread>,
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

  /** `closing code`: the close frame's code once closed, '' before. */
  get closeCode(): number | '' {
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

  /** Whether a close block still applies (connecting or open). */
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
  }

  /** Contract, "Sending": kept until open, sent at once while open, ignored after. May throw (a broken socket). */
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
   * hat runs when the close completes (`handleClose` in the closing state). May throw (a
   * broken socket).
   */
  requestClose(code: number, reason: string): void {
    if (!this.isClosable()) return;
    this.current = CLOSING;
    this.inbox.clear();
    this.pendingSends = [];
    if (this.socket === null) {
      // Still waiting for permission: there is no socket to close, so the close is done now.
      this.finishClose(code, reason);
      return;
    }
    this.socket.close(code, reason);
  }

  /**
   * Replacement, stop-all, target removal, project change: closes without telling the
   * project, and stops its `when connected` threads. Listeners stay until the socket's own
   * close event, so a late error event (`ws` emits one when a handshake is aborted) still has
   * a listener and is ignored. May throw (a broken socket).
   */
  closeQuietly(): void {
    const wasLive = !this.hasEnded();
    this.stopOpenThreads();
    this.current = CLOSED;
    this.inbox.clear();
    this.pendingSends = [];
    this.settle();
    if (wasLive && this.socket !== null) this.socket.close();
  }

  /** Ends in the error state (contract, "Errors") and runs the error hat, unless it already ended. */
  fail(reason: ErrorReason): void {
    if (this.hasEnded()) return;
    this.current = ERRORED;
    this.failure = reason;
    this.pendingSends = [];
    this.settle();
    this.end('error');
    // The socket may still be open (a send that threw): close it; its close event detaches.
    if (this.socket !== null && isUnclosed(this.socket.readyState)) this.socket.close();
  }

  // --- delivery (the runtime's frame hook) ------------------------------------------------

  deliverNext(): void {
    this.inbox.deliverNext();
  }

  needsFrames(): boolean {
    return this.inbox.hasQueued();
  }

  // --- state machine ----------------------------------------------------------------------

  private finishClose(code: number, reason: string): void {
    this.current = CLOSED;
    this.code = code;
    this.reason = reason;
    this.settle();
    this.end('close');
  }

  /** Closed or errored: stop its `when connected` threads, run the hat, tell the runtime. */
  private end(hat: HatEvent): void {
    this.stopOpenThreads();
    this.hats.start(hat, this.target);
    this.events.ended(this);
  }

  private stopOpenThreads(): void {
    const threads = this.openThreads;
    this.openThreads = [];
    this.hats.stop(threads);
  }

  private readonly handleOpen = (): void => {
    if (this.current !== CONNECTING) return;
    this.current = OPEN;
    const pending = this.pendingSends;
    this.pendingSends = [];
    for (const payload of pending) this.socket!.send(payload);
    this.settle();
    this.openThreads = this.hats.start('open', this.target);
  };

  private readonly handleMessage = (event: { data: unknown }): void => {
    if (this.current !== OPEN) return; // after a close request, nothing more is delivered
    if (this.inbox.receive(messageText(event.data))) this.events.waiting(this);
  };

  private readonly handleError = (): void => {
    if (this.current === CONNECTING) this.fail(ERROR_CONNECTION_FAILED);
    else if (this.current === OPEN) this.fail(ERROR_CONNECTION_LOST);
    // closing, closed, errored: the close event that follows settles it.
  };

  private readonly handleClose = (event: CloseEventLike): void => {
    this.detach();
    const code = typeof event.code === 'number' ? event.code : ABNORMAL_CLOSURE;
    const reason = typeof event.reason === 'string' ? event.reason : '';
    if (this.current === CLOSING) {
      this.finishClose(code, reason);
    } else if (this.current === CONNECTING) {
      this.fail(ERROR_CONNECTION_FAILED);
    } else if (this.current === OPEN) {
      // No close frame and the project did not ask: the network or the server died.
      if (code === ABNORMAL_CLOSURE) this.fail(ERROR_CONNECTION_LOST);
      else this.finishClose(code, reason);
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
