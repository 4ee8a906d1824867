import type { Unsubscribe } from './host.js';
import type { Sprite } from './sprite.js';

/**
 * Each target's `Sprite` (which owns its connections), and the host listeners the runtime holds
 * while any sprite needs them. Subscribes when the first sprite becomes active and unsubscribes
 * when the last one settles, so an idle runtime holds no listener (CONTRACT.md, Lifetime).
 */
export class ConnectionRegistry<Target extends object, Thread> {
  /**
   * Every target that connected, with what its reporters read. Weak, so the state of a clone
   * nobody holds any more is collected without any listener.
   */
  private sprites = new WeakMap<Target, Sprite<Target, Thread>>();
  /** Sprites that need the host: a live connection, or something waiting for a frame. */
  private readonly active = new Set<Sprite<Target, Thread>>();
  /** Host listeners, held only while `active` is not empty. */
  private subscriptions: Unsubscribe[] = [];

  /** `subscribe` adds the runtime's host listeners and returns how to remove each; `makeSprite` makes a target's state. */
  constructor(
    private readonly subscribe: () => Unsubscribe[],
    private readonly makeSprite: (target: Target) => Sprite<Target, Thread>,
  ) {}

  /** The state of `target`'s connections, if it ever connected (since the last new project). */
  sprite(target: Target): Sprite<Target, Thread> | undefined {
    return this.sprites.get(target);
  }

  /** The state of `target`'s connections, made on first use, and active: a connection is about to start. */
  activeSprite(target: Target): Sprite<Target, Thread> {
    let sprite = this.sprites.get(target);
    if (sprite === undefined) {
      sprite = this.makeSprite(target);
      this.sprites.set(target, sprite);
    }
    if (this.active.size === 0) this.subscriptions = this.subscribe();
    this.active.add(sprite);
    return sprite;
  }

  /** A snapshot of the active sprites (safe to change the registry while iterating). */
  activeSprites(): Sprite<Target, Thread>[] {
    return [...this.active];
  }

  /** Lets go of `sprite` if it no longer needs the host (its connections ended and nothing waits for a frame); it stays readable. */
  settle(sprite: Sprite<Target, Thread>): void {
    if (!this.active.has(sprite) || sprite.needsHost()) return;
    this.deactivate(sprite);
  }

  /**
   * Turns `target`'s automatic reconnect on (making its sprite active) or off (then lets the
   * sprite go if nothing else needs the host, as its reconnects under way just ended).
   */
  setAutoReconnect(target: Target, on: boolean): void {
    if (on) return this.activeSprite(target).setAutoReconnect(true);
    const sprite = this.sprites.get(target);
    if (sprite === undefined) return;
    sprite.setAutoReconnect(false);
    this.settle(sprite);
  }

  /** Forgets `target` entirely (reporters read as never connected); returns its state to close, if any. */
  remove(target: Target): Sprite<Target, Thread> | undefined {
    const sprite = this.sprites.get(target);
    if (sprite === undefined) return undefined;
    this.sprites.delete(target);
    this.deactivate(sprite);
    return sprite;
  }

  /** Forgets every target (a new project), returning the active ones to close. */
  clear(): Sprite<Target, Thread>[] {
    const active = this.activeSprites();
    for (const sprite of active) this.deactivate(sprite);
    this.sprites = new WeakMap();
    return active;
  }

  private deactivate(sprite: Sprite<Target, Thread>): void {
    if (!this.active.delete(sprite) || this.active.size > 0) return;
    const subscriptions = this.subscriptions;
    this.subscriptions = [];
    for (const unsubscribe of subscriptions) unsubscribe();
  }
}
