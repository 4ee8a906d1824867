import type { Connection } from './connection.js';
import type { Unsubscribe } from './host.js';

/**
 * Which connection each target has, and the host listeners the runtime holds while any
 * connection is live. Subscribes when the first live connection appears and unsubscribes
 * when the last one goes, so an idle runtime holds no listener (CONTRACT.md, Lifetime).
 */
export class ConnectionRegistry<Target extends object, Thread> {
  /** Connections that still need the host: connecting, open, closing, or delivering a queue. */
  private readonly live = new Map<Target, Connection<Target, Thread>>();
  /**
   * What the reporters read, including connections that have ended. Weak, so an ended
   * connection of a clone nobody holds any more is collected without any listener.
   */
  private outcomes = new WeakMap<Target, Connection<Target, Thread>>();
  /** Host listeners, held only while `live` is not empty. */
  private subscriptions: Unsubscribe[] = [];

  /** `subscribe` adds the runtime's host listeners and returns how to remove each. */
  constructor(private readonly subscribe: () => Unsubscribe[]) {}

  /** Live connections (0 when all have ended). */
  get size(): number {
    return this.live.size;
  }

  /** The connection the reporters read for `target`, live or ended. */
  outcome(target: Target): Connection<Target, Thread> | undefined {
    return this.outcomes.get(target);
  }

  /** The live connection of `target`, if any. */
  liveConnection(target: Target): Connection<Target, Thread> | undefined {
    return this.live.get(target);
  }

  /** A snapshot of the targets with a live connection (safe to change the registry while iterating). */
  liveTargets(): Target[] {
    return [...this.live.keys()];
  }

  /** Makes `connection` its target's connection, live. The target must have none live. */
  add(connection: Connection<Target, Thread>): void {
    this.outcomes.set(connection.target, connection);
    if (this.live.size === 0) this.subscriptions = this.subscribe();
    this.live.set(connection.target, connection);
  }

  /** Lets go of an ended connection that has nothing left to deliver; it stays readable. */
  release(connection: Connection<Target, Thread>): void {
    if (!connection.hasEnded() || connection.needsFrames()) return;
    if (this.live.get(connection.target) !== connection) return;
    this.live.delete(connection.target);
    if (this.live.size === 0) this.unsubscribe();
  }

  /** Forgets `target` entirely (reporters read as never connected); returns its live connection. */
  remove(target: Target): Connection<Target, Thread> | undefined {
    const connection = this.live.get(target);
    this.outcomes.delete(target);
    if (connection === undefined) return undefined;
    this.live.delete(target);
    if (this.live.size === 0) this.unsubscribe();
    return connection;
  }

  /** Forgets every ended connection too (a new project). Call after removing the live ones. */
  clearOutcomes(): void {
    this.outcomes = new WeakMap();
  }

  private unsubscribe(): void {
    const subscriptions = this.subscriptions;
    this.subscriptions = [];
    for (const unsubscribe of subscriptions) unsubscribe();
  }
}
