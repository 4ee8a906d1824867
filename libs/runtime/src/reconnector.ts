import type { Connection } from './connection.js';
import type { ConnectionListener } from './connection-context.js';
import type { Opener } from './opener.js';
import { reconnectDelay, shouldReconnect } from './reconnect-policy.js';
import type { ConnectionRegistry } from './registry.js';
import { reportUnexpected } from './report-unexpected.js';

/**
 * Automatic reconnect (CONTRACT.md, Staying connected): what follows a connection's ending. It
 * is every connection's listener: on a target whose setting is on (`Sprite.autoReconnect`), an
 * ending the rule (`shouldReconnect`) says to retry is followed by a new connection in
 * `reconnecting`, which waits its backoff, then asks permission again and opens a socket to the
 * same URL and protocols; any other ending lets the sprite settle.
 */
export class Reconnector<Target extends object, Thread> implements ConnectionListener<Connection<Target, Thread>> {
  /** `delayOf(attempt)` is the wait in ms before try number `attempt` (0 for the first after an ending). */
  constructor(
    private readonly registry: ConnectionRegistry<Target, Thread>,
    private readonly opener: Opener<Target, Thread>,
    private readonly delayOf: (attempt: number) => number,
  ) {}

  /** A connection ended (its hat already started, unless quiet): reconnect when the rule says so, else let its sprite settle. */
  ended(connection: Connection<Target, Thread>, withHat: boolean): void {
    const sprite = this.registry.sprite(connection.target);
    if (sprite === undefined) return;
    const ending = connection.ending;
    if (withHat && ending !== null && sprite.autoReconnect && shouldReconnect(ending) && sprite.isCurrent(connection)) {
      connection.session.startReconnect(ending);
      this.scheduleTry(connection);
      return;
    }
    this.registry.settle(sprite);
  }

  /** A try failed: the next one, unless the reconnect was ended meanwhile. */
  retry(connection: Connection<Target, Thread>): void {
    const sprite = this.registry.sprite(connection.target);
    if (sprite?.autoReconnect === true && this.scheduleTry(connection)) return;
    connection.session.endReconnect();
    if (sprite !== undefined) this.registry.settle(sprite);
  }

  /** A try's turn came: counted, then permission and a socket, unless ended meanwhile (stop sign, close block, `connect to`, turned off). */
  due(connection: Connection<Target, Thread>): void {
    connection.session.traffic.countReconnectAttempt();
    void this.opener.retry(connection, () => connection.isWaitingToReconnect() && this.isCurrent(connection));
  }

  /** The next connection of `previous`'s session takes its place and waits its turn; false if `previous` was replaced or forgotten. */
  private scheduleTry(previous: Connection<Target, Thread>): boolean {
    const sprite = this.registry.sprite(previous.target);
    const next = sprite?.continueAfter(previous) ?? null;
    if (next === null) return false;
    next.waitToReconnect(this.delayOf(previous.session.takeBackoffStep()));
    return true;
  }

  private isCurrent(connection: Connection<Target, Thread>): boolean {
    return this.registry.sprite(connection.target)?.isCurrent(connection) === true;
  }

}

/**
 * The waits of the test option `reconnectDelay` (WebSocketRuntimeOptions): where it is not a
 * function, throws, or gives no finite number ≥ 0, the wait is `reconnectDelay`'s.
 */
export function reconnectDelayOption(given: unknown): (attempt: number) => number {
  if (typeof given !== 'function') return reconnectDelay;
  return (attempt) => {
    try {
      const ms: unknown = given(attempt);
      if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) return ms;
    } catch (error) {
      reportUnexpected(error);
    }
    return reconnectDelay(attempt);
  };
}
