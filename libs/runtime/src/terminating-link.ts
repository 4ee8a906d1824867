import type { WebSocketLike } from './host.js';
import { NODE_AND_TESTS } from './platform.js';
import { SocketLink, type SocketEvents } from './socket-link.js';
import { Timer } from './timer.js';

/** `ws`'s extra: drops the TCP connection at once. Browsers have no such method. */
interface Terminable {
  terminate?: unknown;
}

/**
 * A link to a `ws` socket in Node, which also drops the TCP connection when the server has not
 * answered a close within the grace period (RFC 6455 §7.1.1 lets a client do so). Without it
 * `ws` keeps the socket and its own 30 s timer alive; a browser gives up by itself after 60 s.
 */
class TerminatingSocketLink extends SocketLink {
  /** After `end`, the wait for the server's closing handshake before `giveUp`. */
  private readonly unanswered = new Timer();

  /** `graceMs`: how long an ended connection's socket may wait for the server's closing handshake (`Timing.closeGracePeriodMs`). */
  constructor(
    socket: WebSocketLike,
    events: SocketEvents,
    private readonly graceMs: number,
  ) {
    super(socket, events);
  }

  override end(): void {
    super.end();
    if (this.socket !== null) this.unanswered.start(this.graceMs, () => this.giveUp());
  }

  override giveUp(): void {
    const socket = this.socket as Terminable | null;
    if (socket !== null && typeof socket.terminate === 'function') this.use(() => (socket.terminate as () => void).call(socket));
  }

  protected override released(): void {
    this.unanswered.clear();
  }
}

/**
 * The link for a new socket: in a browser bundle the plain `SocketLink` (platform.ts); in
 * Node, one that can drop a `ws` socket's TCP connection.
 */
export function linkSocket(socket: WebSocketLike, events: SocketEvents, graceMs: number): SocketLink {
  if (NODE_AND_TESTS && typeof (socket as Terminable).terminate === 'function') return new TerminatingSocketLink(socket, events, graceMs);
  return new SocketLink(socket, events);
}
