import type { Ending } from './ending.js';
import type { Inbox, MessageSource } from './delivery.js';
import type { Sprite } from './sprite.js';
import { TrafficCounters } from './statistics.js';

/**
 * The most messages kept while reconnecting (CONTRACT.md, Staying connected); past it the
 * oldest kept one is dropped. 1,000 covers a project sending 60 a second through a 16 s wait.
 */
export const MAX_KEPT_SENDS = 1000;

/** A message the project sent: text, or the bytes of `send binary`. */
export type Outgoing = string | Uint8Array;

/** Where an automatic reconnect stands, from the ending that started it until a try opens. */
export interface ReconnectProgress {
  /** The close or error that started it; `closing code`/`closing message` keep showing it. */
  readonly from: Ending;
  /** `error message` while reconnecting: the ending's reason, then each failed try's. */
  lastFailure: string;
}

/**
 * Everything about one named connection's `connect to` that outlives a single socket: its
 * place in its sprite (name, shared queue, hat gate), the statistics, the URL and protocols, the subprotocol the server chose,
 * and an automatic reconnect's progress and kept messages. `connect to` makes a new one (the old
 * one is forgotten entirely); an automatic reconnect keeps it and gives it a new `Connection`.
 */
export class Session<Target extends object, Thread> implements MessageSource {
  /** How many of its messages the sprite's shared queue holds (the `Inbox` counts). */
  queued = 0;
  readonly traffic = new TrafficCounters();
  /** The WebSocket URL after fix-up ('' until known). */
  url = '';
  /** The subprotocols asked for ([] for none). */
  protocols: readonly string[] = [];
  /** `(protocol)`: the server's choice once open, kept after the connection ends. */
  protocol = '';
  /** The automatic reconnect under way, or null. */
  reconnect: ReconnectProgress | null = null;
  /** How many tries since the last open: the backoff step of the next wait. */
  backoffStep = 0;
  private keptSends: Outgoing[] = [];

  /** `name` is the connection's name in `sprite` ('' for the default connection). */
  constructor(
    readonly name: string,
    readonly sprite: Sprite<Target, Thread>,
  ) {}

  /** The sprite's receive queue, shared by all of its connections. */
  get inbox(): Inbox<Target, Thread> {
    return this.sprite.inbox;
  }

  /** A message sent while reconnecting: kept, at most `MAX_KEPT_SENDS`, oldest dropped first. */
  keepSend(payload: Outgoing): void {
    if (this.keptSends.length >= MAX_KEPT_SENDS) this.keptSends.shift();
    this.keptSends.push(payload);
  }

  /** The kept messages, oldest first, leaving none. */
  takeKeptSends(): Outgoing[] {
    const kept = this.keptSends;
    this.keptSends = [];
    return kept;
  }

  /** Forgets the reconnect under way and what it kept. */
  endReconnect(): void {
    this.reconnect = null;
    this.keptSends = [];
  }
}
