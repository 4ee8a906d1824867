import type { Bindings } from './bindings.js';
import type { Connection } from './connection.js';
import type { ConnectionRegistry } from './registry.js';
import type { Sprite } from './sprite.js';

/**
 * How a block finds what it acts on: the target's `Sprite` and the connection the running
 * thread is bound to (CONTRACT.md, Several connections). The runtime facade and every group of
 * blocks with a class of its own (a facet, named `facet.method` in the spec's `handler`) share
 * one, so the rule for "this sprite's connection" is written once. It owns nothing: the sprites
 * are the registry's, the bindings the runtime's.
 */
export class BlockLookup<Target extends object, Thread> {
  constructor(
    private readonly registry: ConnectionRegistry<Target, Thread>,
    readonly bindings: Bindings,
  ) {}

  /** The target's sprite, if it ever connected; undefined for anything that is not a target. */
  sprite(target: Target): Sprite<Target, Thread> | undefined {
    return this.registry.sprite(target);
  }

  /** The target's sprite, made (and its host listeners subscribed) if it has none yet. The caller checks that `target` is an object. */
  activeSprite(target: Target): Sprite<Target, Thread> {
    return this.registry.activeSprite(target);
  }

  /** The connection `thread` is bound to in `target` (live or ended), if it ever connected. */
  connection(target: Target, thread: Thread | undefined): Connection<Target, Thread> | undefined {
    return this.registry.sprite(target)?.connection(this.bindings.nameOf(thread));
  }
}
