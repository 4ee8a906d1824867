import { TaggedQueue } from './tagged-queue.js';

/**
 * A first-in first-out queue on a growable ring buffer: push and shift are O(1) however long
 * it gets (an Array's shift() copies the whole array, and a server can send 100,000 messages
 * faster than a project handles them). The runtime's own queue is `TaggedQueue`, whose items
 * carry the connection they came from; this is the same ring without tags, kept for users of
 * the published API.
 */
export class MessageQueue<T> {
  private readonly ring = new TaggedQueue<T, undefined>();

  get size(): number {
    return this.ring.size;
  }

  isEmpty(): boolean {
    return this.ring.isEmpty();
  }

  push(item: T): void {
    this.ring.push(item, undefined);
  }

  /** Removes and returns the oldest item, or undefined when empty. */
  shift(): T | undefined {
    return this.ring.shift();
  }

  /** The oldest item without removing it, or undefined when empty. */
  peek(): T | undefined {
    return this.ring.peek();
  }

  clear(): void {
    this.ring.clear();
  }
}
