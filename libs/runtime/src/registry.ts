import type { Connection } from './connection.js';
import type { Unsubscribe } from './host.js';
import type { Sprite } from './sprite.js';

/**
 * Each target's connections (by name, in its `Sprite`), and the host listeners the runtime holds
 * while any connection is live. Subscribes when the first live connection appears and
 * unsubscribes when the last one goes, so an idle runtime holds no listener (CONTRACT.md,
 * Lifetime).
 */
export class ConnectionRegistry<Target extends object, Thread> {
  /**
   * What the reporters read, including ended connections. Weak, so the sprite state of a clone
   * nobody holds any more is collected without any listener.
   */
  private sprites = new WeakMap<Target, Sprite<Target, Thread>>();
  /** Connections that still need the host: connecting, open, closing, reconnecting, or with something left for a frame. */
  private readonly live = new Set<Connection<Target, Thread>>();
  /** Host listeners, held only while `live` is not empty. */
  private subscriptions: Unsubscribe[] = [];

  /** `subscribe` adds the runtime's host listeners and returns how to remove each; `makeSprite` makes a target's state. */
  constructor(
    private readonly subscribe: () => Unsubscribe[],
    private readonly makeSprite: (target: Target) => Sprite<Target, Thread>,
  ) {}

  /** Live connections of all targets (0 when all have ended). */
  get size(): number {
    return this.live.size;
  }

  /** The state of `target`'s connections, if it ever connected (since the last new project). */
  sprite(target: Target): Sprite<Target, Thread> | undefined {
    return this.sprites.get(target);
  }

  /** The state of `target`'s connections, made on first use. */
  spriteFor(target: Target): Sprite<Target, Thread> {
    let sprite = this.sprites.get(target);
    if (sprite === undefined) {
      sprite = this.makeSprite(target);
      this.sprites.set(target, sprite);
    }
    return sprite;
  }

  /** The connection named `name` the reporters read for `target`, live or ended. Allocates nothing. */
  outcome(target: Target, name: string): Connection<Target, Thread> | undefined {
    return this.sprites.get(target)?.connections.get(name);
  }

  /** The live connection named `name` of `target`, if any. */
  liveConnection(target: Target, name: string): Connection<Target, Thread> | undefined {
    const connection = this.outcome(target, name);
    return connection !== undefined && this.live.has(connection) ? connection : undefined;
  }

  /** Whether `connection` is still its name's current connection and live. */
  isCurrent(connection: Connection<Target, Thread>): boolean {
    return this.live.has(connection) && connection.session.sprite.connections.get(connection.name) === connection;
  }

  /** A snapshot of the live connections (safe to change the registry while iterating). */
  liveConnections(): Connection<Target, Thread>[] {
    return [...this.live];
  }

  /**
   * Makes `connection` its name's current connection, live. A previous connection of that name
   * stays live until released (an automatic reconnect's ended one may still drain).
   */
  add(connection: Connection<Target, Thread>): void {
    const sprite = connection.session.sprite;
    sprite.connections.set(connection.name, connection);
    if (this.live.size === 0) this.subscriptions = this.subscribe();
    this.live.add(connection);
    sprite.live.add(connection);
  }

  /** Lets go of an ended connection that has nothing left to do; it stays readable. */
  release(connection: Connection<Target, Thread>): void {
    if (!connection.hasEnded() || connection.needsFrames()) return;
    this.drop(connection);
  }

  /** Lets go of `connection` whatever its state (it was closed quietly). */
  drop(connection: Connection<Target, Thread>): void {
    if (!this.live.delete(connection)) return;
    connection.session.sprite.live.delete(connection);
    if (this.live.size === 0) this.unsubscribe();
  }

  /** Forgets `target` entirely (reporters read as never connected); returns its state to close, if any. */
  remove(target: Target): Sprite<Target, Thread> | undefined {
    const sprite = this.sprites.get(target);
    this.sprites.delete(target);
    return sprite;
  }

  /** Forgets every target (a new project). Call after closing the live connections. */
  clearOutcomes(): void {
    this.sprites = new WeakMap();
  }

  private unsubscribe(): void {
    const subscriptions = this.subscriptions;
    this.subscriptions = [];
    for (const unsubscribe of subscriptions) unsubscribe();
  }
}
