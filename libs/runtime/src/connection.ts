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
import { MessageQueue } from './message-queue.js';
import type { WebSocketLike } from './host.js';

/** RFC 6455 §7.4.1: 1006 is never sent; it means the connection ended without a close frame. */
const ABNORMAL_CLOSURE = 1006;

/** What a connection tells its runtime, after its own state has moved. */
export interface ConnectionEvents<Target extends object, Thread> {
  opened(connection: Connection<Target, Thread>): void;
  received(connection: Connection<Target, Thread>, data: string): void;
  failed(connection: Connection<Target, Thread>): void;
  closed(connection: Connection<Target, Thread>): void;
}

interface CloseEventLike {
  code?: unknown;
  reason?: unknown;
}

/**
 * One target's connection: its state machine, its socket's listeners and what the reporters
 * show. It decides what each socket event means; the runtime decides what the project sees
 * (hats, delivery), through `ConnectionEvents`.
 */
export class Connection<Target extends object, Thread = unknown> {
  state: ConnectionState = CONNECTING;
  /** `received message data`: the latest delivered message. */
  data = '';
  closeCode: number | '' = '';
  closeMessage = '';
  errorMessage: ErrorReason | '' = '';
  /** Messages that arrived while this target's message threads were busy. */
  readonly queue = new MessageQueue<string>();
  openThreads: Thread[] = [];
  messageThreads: Thread[] = [];
  /** Resolves once the connection has opened, failed or closed (the `connect to` block waits). */
  readonly settled: Promise<void>;

  private socket: WebSocketLike | null = null;
  private pendingSends: string[] = [];
  private settle!: () => void;

  constructor(
    readonly target: Target,
    private readonly events: ConnectionEvents<Target, Thread>,
  ) {
    this.settled = new Promise<void>((resolve) => {
      this.settle = resolve;
    });
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

  /** CONTRACT.md, Sending: kept until open, sent at once while open, ignored after. */
  send(payload: string): void {
    if (this.state === CONNECTING) {
      this.pendingSends.push(payload);
      return;
    }
    if (this.state !== OPEN || this.socket === null) return;
    this.socket.send(payload);
  }

  /**
   * The project asked to close (a close block). No further message is delivered; the close
   * hat runs when the close completes (`handleClose` in the closing state).
   */
  requestClose(code: number, reason: string): void {
    if (this.state !== CONNECTING && this.state !== OPEN) return;
    this.state = CLOSING;
    this.queue.clear();
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
   * project. Listeners stay until the socket's own close event, so a late error event
   * (`ws` emits one when a handshake is aborted) still has a listener and is ignored.
   */
  closeQuietly(): void {
    const wasLive = this.state === CONNECTING || this.state === OPEN || this.state === CLOSING;
    this.state = CLOSED;
    this.queue.clear();
    this.pendingSends = [];
    this.settle();
    if (wasLive && this.socket !== null) this.socket.close();
  }

  /** Ends in the error state (CONTRACT.md, Errors), unless the connection already ended. */
  fail(reason: ErrorReason): void {
    if (this.state === CLOSED || this.state === ERRORED) return;
    this.state = ERRORED;
    this.errorMessage = reason;
    this.pendingSends = [];
    this.settle();
    this.events.failed(this);
    // The socket may still be open (a send that threw): close it; its close event detaches.
    if (this.socket !== null && this.socket.readyState <= 1) this.socket.close();
  }

  private finishClose(code: number, reason: string): void {
    this.state = CLOSED;
    this.closeCode = code;
    this.closeMessage = reason;
    this.settle();
    this.events.closed(this);
  }

  private readonly handleOpen = (): void => {
    if (this.state !== CONNECTING) return;
    this.state = OPEN;
    const pending = this.pendingSends;
    this.pendingSends = [];
    for (const payload of pending) this.socket!.send(payload);
    this.settle();
    this.events.opened(this);
  };

  private readonly handleMessage = (event: { data: unknown }): void => {
    if (this.state !== OPEN) return; // after a close request, nothing more is delivered
    this.events.received(this, messageText(event.data));
  };

  private readonly handleError = (): void => {
    if (this.state === CONNECTING) this.fail(ERROR_CONNECTION_FAILED);
    else if (this.state === OPEN) this.fail(ERROR_CONNECTION_LOST);
    // closing, closed, errored: the close event that follows settles it.
  };

  private readonly handleClose = (event: CloseEventLike): void => {
    this.detach();
    const code = typeof event.code === 'number' ? event.code : ABNORMAL_CLOSURE;
    const reason = typeof event.reason === 'string' ? event.reason : '';
    if (this.state === CLOSING) {
      this.finishClose(code, reason);
    } else if (this.state === CONNECTING) {
      this.fail(ERROR_CONNECTION_FAILED);
    } else if (this.state === OPEN) {
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
