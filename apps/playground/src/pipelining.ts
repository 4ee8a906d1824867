import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * HTTP/1.1 lets a client send requests without waiting for the answers (pipelining, RFC 9112
 * §9.3.2). Node parses them all as they arrive and answers them in order, each answer waiting
 * in memory for the ones before it; a client that sends thousands and reads nothing would make
 * the server hold thousands of answers. Browsers do not pipeline, so a connection with more than
 * a few answers pending is refused outright.
 */
export class PipelineGuard {
  private readonly pending = new WeakMap<Socket, number>();

  /** At most `limit` answers may be pending on one connection. */
  constructor(private readonly limit: number) {}

  /**
   * Counts `response` as pending on `socket` until it closes, or returns false when `socket`
   * already has `limit` pending: the caller then closes the connection.
   */
  admit(socket: Socket, response: ServerResponse): boolean {
    const pending = this.pending.get(socket) ?? 0;
    if (pending >= this.limit) return false;
    this.pending.set(socket, pending + 1);
    // Node closes an answer once it is sent, or once its socket closed while it was being sent;
    // answers still queued behind it never close, but go with the socket and its count.
    response.once('close', () => this.pending.set(socket, (this.pending.get(socket) ?? 1) - 1));
    return true;
  }
}

/**
 * Resolves once `response` is the answer its connection is sending: Node gives the socket to one
 * answer at a time (`assignSocket`, announced by the `socket` event), the next when the one
 * before has finished. Never resolves for an answer whose client leaves first, so nothing is
 * opened for it.
 */
export function whenItsTurn(response: ServerResponse): Promise<void> {
  if (response.socket !== null) return Promise.resolve();
  return new Promise((resolve) => response.once('socket', () => resolve()));
}
