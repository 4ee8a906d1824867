import type { HatRunner } from './hat-runner.js';
import { MessageQueue } from './message-queue.js';

/**
 * Message delivery (CONTRACT.md, Receiving): a message is handled at once when no
 * `when message received` thread of its target is running; otherwise it waits in that
 * target's queue, and each frame hands each waiting target at most one message, once all of
 * its message threads have finished. So none is lost, order holds, one per frame.
 */

/**
 * One target's receive side: the latest delivered message, the queue behind it and the
 * threads its hat started. Only this class pushes, shifts or clears the queue.
 */
export class Inbox<Target extends object, Thread> {
  private latest = '';
  private readonly queue = new MessageQueue<string>();
  private threads: Thread[] = [];

  constructor(
    private readonly target: Target,
    private readonly hats: HatRunner<Target, Thread>,
  ) {}

  /** `received message data`: the latest delivered message, '' before any. */
  get data(): string {
    return this.latest;
  }

  /** Whether a message is waiting for a later frame. */
  hasQueued(): boolean {
    return !this.queue.isEmpty();
  }

  /** Whether nothing waits and no `when message received` thread of the target is running. */
  isIdle(): boolean {
    return this.queue.isEmpty() && !this.hats.anyActive(this.threads);
  }

  /** A message arrived: handled now when idle, else queued. True when it was queued. */
  receive(data: string): boolean {
    if (this.isIdle()) {
      this.deliver(data);
      return false;
    }
    this.queue.push(data);
    return true;
  }

  /** One frame's step: the oldest queued message, if the message threads have all finished. */
  deliverNext(): void {
    if (this.hats.anyActive(this.threads)) return;
    const data = this.queue.shift();
    if (data !== undefined) this.deliver(data);
  }

  /** Drops every queued message (the project closed, or the connection was stopped). */
  clear(): void {
    this.queue.clear();
  }

  private deliver(data: string): void {
    // Set before the hat starts: a host may run the script's first step synchronously.
    this.latest = data;
    this.threads = this.hats.start('message', this.target);
  }
}

/** What the frame hook needs from a connection with something queued. */
export interface Deliverable {
  /** Hands over at most one queued item, if its target is ready for it. */
  deliverNext(): void;
  /** Whether it still has something to hand over on a later frame. */
  needsFrames(): boolean;
}

/**
 * The one runtime-wide frame hook (STYLE: one hook serves all connections). It looks only at
 * connections that have something queued, so an idle frame costs nothing per connection.
 */
export class FrameDelivery<Item extends Deliverable> {
  private readonly waiting = new Set<Item>();

  /** `drained` is told when an item has handed over everything and left the hook. */
  constructor(private readonly drained: (item: Item) => void) {}

  /** Visits `item` on every frame until it has nothing left to hand over. */
  add(item: Item): void {
    this.waiting.add(item);
  }

  /** Stops visiting `item` (it was closed or stopped); `drained` is not told. */
  remove(item: Item): void {
    this.waiting.delete(item);
  }

  has(item: Item): boolean {
    return this.waiting.has(item);
  }

  /** The host's per-frame listener (TurboWarp: BEFORE_EXECUTE, before threads step). */
  readonly handleFrame = (): void => {
    for (const item of this.waiting) {
      item.deliverNext();
      if (item.needsFrames()) continue;
      this.waiting.delete(item);
      this.drained(item);
    }
  };
}
