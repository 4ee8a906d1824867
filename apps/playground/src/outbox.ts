import type { RawData, WebSocket } from 'ws';
import { countUnsent } from './limits.js';

/**
 * What the server has handed `ws` for one client and the system has not taken yet, counted as
 * the memory it holds: the bytes (`bufferedAmount`) plus a fixed cost per message
 * (`MESSAGE_OVERHEAD_BYTES`), because each queued message is a few objects in Node and `ws`
 * whatever its size. Counting bytes alone let a client that never reads two-byte messages make
 * the server hold millions of them.
 *
 * Every message to the client goes through `send`, so the count of messages in flight has one
 * owner; it falls as the system takes each message (or as the socket fails and drops it).
 */
export class Outbox {
  private inFlight = 0;

  /** `sent` runs each time the system has taken one message, for a paused client to resume. */
  constructor(
    private readonly socket: WebSocket,
    private readonly sent: () => void = () => {},
  ) {}

  /** Sends `data` in the same kind (text or binary) it came in. */
  send(data: RawData, isBinary: boolean): void {
    this.inFlight++;
    this.socket.send(data, { binary: isBinary }, this.taken);
  }

  /** Bytes counted against the client's limit: `bufferedAmount` plus each message's overhead. */
  get unsentBytes(): number {
    return countUnsent(this.socket.bufferedAmount, this.inFlight);
  }

  // Node calls a write callback once per write: with nothing (or `null`) when the system took
  // the data, with an Error when the socket failed; either way the message is no longer held.
  private readonly taken = (error?: Error | null): void => {
    this.inFlight--;
    if (!error) this.sent();
  };
}
