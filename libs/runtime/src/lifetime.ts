import type { Bindings } from './bindings.js';
import type { FrameHook } from './frame-hook.js';
import type { Host, Unsubscribe } from './host.js';
import type { ConnectionRegistry } from './registry.js';
import type { Sprite } from './sprite.js';

/**
 * The host's events that end connections without hats (CONTRACT.md, Lifetime): the stop sign,
 * a removed target (a deleted clone) and a new project, with the frame hook they subscribe
 * beside. The registry holds these listeners only while some sprite needs them.
 */
export class Lifetime<Target extends object, Thread> {
  constructor(
    private readonly registry: ConnectionRegistry<Target, Thread>,
    private readonly frames: FrameHook<Sprite<Target, Thread>>,
    private readonly bindings: Bindings,
  ) {}

  /** Adds the runtime's four host listeners; returns how to remove each. */
  subscribe(host: Host<Target, Thread>): Unsubscribe[] {
    return [
      host.onFrame(this.frames.handleFrame),
      host.onStopAll(this.handleStopAll),
      host.onTargetRemoved(this.handleTargetRemoved),
      host.onProjectChange(this.handleProjectChange),
    ];
  }

  /** A new project, or the runtime disposed: every connection closes quietly, every setting and binding is forgotten. */
  dispose(): void {
    for (const sprite of this.registry.clear()) this.closeQuietly(sprite);
    this.bindings.clear();
  }

  private closeQuietly(sprite: Sprite<Target, Thread>): void {
    this.frames.remove(sprite);
    sprite.closeAllQuietly();
  }

  /**
   * The stop sign: every connection of every target ends without hats and stays readable
   * (`Connection.stop`); automatic reconnect is off; no hat waiting for its turn starts after it,
   * and nothing waits for the message hat any more (the VM stopped every script).
   */
  private readonly handleStopAll = (): void => {
    for (const sprite of this.registry.activeSprites()) {
      this.frames.remove(sprite);
      sprite.stopAll();
      this.registry.settle(sprite);
    }
  };

  /** A removed target (a deleted clone): its connections close quietly and it is forgotten, reading as never connected. */
  private readonly handleTargetRemoved = (target: Target): void => {
    const sprite = this.registry.remove(target);
    if (sprite !== undefined) this.closeQuietly(sprite);
  };

  private readonly handleProjectChange = (): void => {
    this.dispose();
  };
}
