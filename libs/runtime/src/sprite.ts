import type { Bindings } from './bindings.js';
import type { Connection } from './connection.js';
import { Inbox, type Deliverable } from './delivery.js';
import { HatGate } from './hat-gate.js';
import type { HatRunner } from './hat-runner.js';

/**
 * The most live connections (connecting, open, closing, reconnecting) one target may have
 * (CONTRACT.md, Several connections). Browsers cap sockets per page (Chromium: 255 in all), so
 * a project cloning a sprite that opens many would fail in ways nobody can read; 32 is far more
 * than a project talking to a few servers needs.
 */
export const MAX_CONNECTIONS_PER_TARGET = 32;

/**
 * The most ended connections whose reporter values one target remembers; older ones are
 * forgotten (their names read as never connected), so names that come and go use bounded memory.
 */
export const MAX_ENDED_CONNECTIONS_PER_TARGET = 32;

/**
 * Everything one target (sprite, stage, clone) has for its connections: the current connection
 * of each name (live or ended, what the reporters read), the live ones still needing the host,
 * the shared receive queue and the gate of its open, error and close hats. The frame hook visits
 * it while something of it waits for a frame.
 */
export class Sprite<Target extends object, Thread> implements Deliverable {
  readonly inbox: Inbox<Target, Thread>;
  readonly gate: HatGate<Target, Thread>;
  /** The current connection of each name, live or ended, oldest `connect to` first. */
  readonly connections = new Map<string, Connection<Target, Thread>>();
  /** Connections that still need the host (including ended ones replaced by a reconnect but still draining). */
  readonly live = new Set<Connection<Target, Thread>>();

  /**
   * `wake` puts this sprite on the frame hook; `release` lets the registry let go of an ended
   * connection that has nothing left to do.
   */
  constructor(
    readonly target: Target,
    hats: HatRunner<Target, Thread>,
    bindings: Bindings,
    private readonly wake: (sprite: Sprite<Target, Thread>) => void,
    private readonly release: (connection: Connection<Target, Thread>) => void,
  ) {
    this.inbox = new Inbox(target, hats, bindings);
    this.gate = new HatGate(target, hats, bindings, () => this.wake(this));
  }

  /** Something of this sprite waits for a frame. */
  waitForFrames(): void {
    this.wake(this);
  }

  /** How many of its current connections are live (not closed nor errored): the limit's count. */
  liveCount(): number {
    let count = 0;
    for (const connection of this.connections.values()) if (!connection.hasEnded()) count += 1;
    return count;
  }

  /**
   * Forgets the oldest ended connections beyond `MAX_ENDED_CONNECTIONS_PER_TARGET` that need
   * nothing more and have no message left in the queue (CONTRACT.md, Several connections:
   * bounded memory). Runs at each `connect to`, so the map stays at most 32 live plus 32 ended
   * (plus ended ones whose messages still wait, bounded by the queue's limit).
   */
  forgetOldEnded(): void {
    let ended = 0;
    for (const connection of this.connections.values()) if (connection.hasEnded()) ended += 1;
    if (ended <= MAX_ENDED_CONNECTIONS_PER_TARGET) return;
    for (const [name, connection] of this.connections) {
      if (ended <= MAX_ENDED_CONNECTIONS_PER_TARGET) break;
      // One with messages still queued stays, so `connect to` on its name still removes them;
      // those are bounded by the queue's limit, and it goes once they are taken.
      if (!connection.hasEnded() || this.live.has(connection) || connection.session.queued > 0) continue;
      this.connections.delete(name);
      ended -= 1;
    }
  }

  /**
   * One frame: at most one message to the message hat, the hats whose turn came, then each
   * connection's close or error that waited behind its messages; ended connections with nothing
   * left are let go.
   */
  deliverNext(): void {
    this.inbox.deliverNext();
    this.gate.startWaiting();
    for (const connection of this.live) {
      connection.applyWaitingEnding();
      if (connection.hasEnded()) this.release(connection);
    }
  }

  needsFrames(): boolean {
    if (this.inbox.hasQueued() || this.gate.hasWaiting()) return true;
    for (const connection of this.live) if (connection.hasWaitingEnding()) return true;
    return false;
  }
}
