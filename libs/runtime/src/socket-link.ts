import type { WebSocketLike } from './host.js';
import type { Outgoing } from './outbox.js';
import { isUnclosed } from './ready-state.js';
import { readReceived, type ReceivedMessage } from './received-message.js';
import { reportUnexpected } from './report-unexpected.js';

/** RFC 6455 §7.4.1: 1006 is never sent; it means the connection ended without a close frame. */
export const ABNORMAL_CLOSURE = 1006;

/** What a socket's events mean to its connection, in the WebSocket API's terms. */
export interface SocketEvents {
  /** The opening handshake completed; `protocol` is the server's choice ('' for none). */
  opened(protocol: string): void;
  /** A message, as the queue holds it, and its payload length in bytes. */
  received(message: ReceivedMessage, bytes: number): void;
  /** An `error` event. */
  errored(): void;
  /** The `close` event, after the link let go of the socket: 1006 and '' when no close frame came. */
  closed(code: number, reason: string): void;
  /** A call into the socket threw: the socket is broken. */
  broken(): void;
}

/**
 * One socket and the four listeners on it, added together here and removed together at its
 * `close` event, so no listener outlives its connection. Every call into the socket goes through
 * it, and a socket that throws is reported once as `broken` (as `ws` funnels its failures
 * through one `emitErrorAndClose`), never thrown to the block that caused it.
 */
export class SocketLink {
  protected socket: WebSocketLike | null;
  private readonly events: SocketEvents;

  constructor(socket: WebSocketLike, events: SocketEvents) {
    this.socket = socket;
    this.events = events;
    // Binary arrives as an ArrayBuffer, converted synchronously, so a text message that
    // arrives later can never overtake it (the gallery extension converted Blobs async).
    socket.binaryType = 'arraybuffer';
    socket.addEventListener('open', this.handleOpen);
    socket.addEventListener('message', this.handleMessage);
    socket.addEventListener('error', this.handleError);
    socket.addEventListener('close', this.handleClose);
  }

  /** The socket's `bufferedAmount` (bytes not yet handed to the network); 0 once let go of, or when it gives none. */
  get bufferedAmount(): number {
    const amount = this.socket?.bufferedAmount;
    return typeof amount === 'number' && Number.isFinite(amount) && amount > 0 ? amount : 0;
  }

  /** Sends one message: a string as text, bytes as binary. False when the socket threw. */
  send(payload: Outgoing): boolean {
    return this.use((socket) => socket.send(payload));
  }

  /** Starts the closing handshake with `code` and `reason` (already valid, RFC 6455 §7.1.2). */
  close(code: number, reason: string): void {
    this.use((socket) => socket.close(code, reason));
  }

  /**
   * The connection has ended: closes the socket if it is still connecting or open (a throw is
   * reported, not told: there is nothing left to end). A browser waits for the server's answer
   * by itself, at most 60 s.
   */
  end(): void {
    const socket = this.socket;
    if (socket === null || !isUnclosed(socket.readyState)) return;
    try {
      socket.close();
    } catch (error) {
      reportUnexpected(error);
    }
  }

  /** The server did not answer a close in time. A browser's socket can do nothing more about it. */
  giveUp(): void {}

  /** Called once the socket has closed and the link has let go of it. */
  protected released(): void {}

  protected use(call: (socket: WebSocketLike) => void): boolean {
    const socket = this.socket;
    if (socket === null) return false;
    try {
      call(socket);
      return true;
    } catch (error) {
      reportUnexpected(error);
      this.events.broken();
      return false;
    }
  }

  private readonly handleOpen = (): void => {
    const protocol = this.socket?.protocol;
    this.events.opened(typeof protocol === 'string' ? protocol : '');
  };

  private readonly handleMessage = (event: { data: unknown }): void => {
    const { message, bytes } = readReceived(event.data);
    this.events.received(message, bytes);
  };

  private readonly handleError = (): void => {
    this.events.errored();
  };

  private readonly handleClose = (event: { code?: unknown; reason?: unknown }): void => {
    const socket = this.socket;
    this.released();
    if (socket !== null) {
      socket.removeEventListener('open', this.handleOpen);
      socket.removeEventListener('message', this.handleMessage);
      socket.removeEventListener('error', this.handleError);
      socket.removeEventListener('close', this.handleClose);
      // An ended connection stays readable for the reporters; it need not keep its socket.
      this.socket = null;
    }
    this.events.closed(
      typeof event.code === 'number' ? event.code : ABNORMAL_CLOSURE,
      typeof event.reason === 'string' ? event.reason : '',
    );
  };
}
