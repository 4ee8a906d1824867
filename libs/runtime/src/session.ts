import type { Ending } from './ending.js';
import type { MessageSource } from './inbox.js';
import { Outbox, type Outgoing } from './outbox.js';
import { TrafficCounters } from './statistics.js';

/** Where an automatic reconnect stands, from the ending that started it until a try opens. */
export interface ReconnectProgress {
  /** The close or error that started it; `closing code`/`closing message` keep showing it. */
  readonly from: Ending;
  /** `error message` while reconnecting: the ending's reason, then each failed try's. */
  readonly lastFailure: string;
}

/**
 * Everything about one named connection's `connect to` that outlives a single socket: its name,
 * the URL and protocols, the subprotocol the server chose, the statistics, what the project sent
 * before a socket could send it (one `Outbox`), and an automatic reconnect's progress and
 * backoff. `connect to` makes a new one (the old one is forgotten entirely); an automatic
 * reconnect keeps it and gives it a new `Connection`. Its fields change only through its methods.
 */
export class Session implements MessageSource {
  /** How many of its messages the sprite's shared queue holds; only the `Inbox` changes it. */
  queued = 0;
  readonly traffic = new TrafficCounters();
  readonly outbox = new Outbox();
  private chosen = '';
  private progress: ReconnectProgress | null = null;
  private step = 0;

  /**
   * `name` is the connection's name in its target ('' for the default connection); `url` the
   * WebSocket URL after fix-up ('' when it was invalid) and `protocols` the subprotocols asked
   * for ([] for none), which every try of an automatic reconnect uses again.
   */
  constructor(
    readonly name: string,
    readonly url: string,
    readonly protocols: readonly string[],
  ) {}

  /** `protocol`: the server's choice once open, kept after the connection ends ('' before). */
  get protocol(): string {
    return this.chosen;
  }

  /** The automatic reconnect under way, or null. */
  get reconnect(): ReconnectProgress | null {
    return this.progress;
  }

  /**
   * A socket opened with `protocol`: the reconnect under way (if any) is over, the backoff
   * starts again from its first step, and what was kept is returned, oldest first, to be sent.
   */
  opened(protocol: string): Outgoing[] {
    this.chosen = protocol;
    this.progress = null;
    this.step = 0;
    return this.outbox.takeAll();
  }

  /** An automatic reconnect starts after `from` (its hat already ran); the backoff from its first step. */
  startReconnect(from: Ending): void {
    this.progress = { from, lastFailure: from.kind === 'error' ? from.reason : '' };
    this.step = 0;
  }

  /** A try of the reconnect under way failed for `reason` (CONTRACT.md, Staying connected). */
  tryFailed(reason: string): void {
    if (this.progress !== null) this.progress = { from: this.progress.from, lastFailure: reason };
  }

  /** The backoff step of the next wait (0 for the first after an ending), counting it as taken. */
  takeBackoffStep(): number {
    const step = this.step;
    this.step += 1;
    return step;
  }

  /** Forgets the reconnect under way and what was kept to send (the connection ended for good). */
  endReconnect(): void {
    this.progress = null;
    this.outbox.clear();
  }
}
