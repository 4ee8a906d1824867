/**
 * A first-in first-out queue on a growable ring buffer where every item carries a tag (the
 * connection it came from); `MessageQueue` is the same ring without tags. Tags sit in a parallel ring, so pushing a
 * message allocates nothing beyond its slot (a wrapper object per message would cost ingest).
 */
export class TaggedQueue<T, Tag> {
  private items: (T | undefined)[] = new Array(16);
  private tags: (Tag | undefined)[] = new Array(16);
  private head = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  isEmpty(): boolean {
    return this.count === 0;
  }

  push(item: T, tag: Tag): void {
    if (this.count === this.items.length) this.resize(this.items.length * 2);
    // Capacity is a power of two, so `& (length - 1)` wraps the index.
    const index = (this.head + this.count) & (this.items.length - 1);
    this.items[index] = item;
    this.tags[index] = tag;
    this.count += 1;
  }

  /** The oldest item without removing it, or undefined when empty. */
  peek(): T | undefined {
    return this.count === 0 ? undefined : this.items[this.head];
  }

  /** The oldest item's tag, or undefined when empty. */
  peekTag(): Tag | undefined {
    return this.count === 0 ? undefined : this.tags[this.head];
  }

  /** Removes and returns the oldest item (read its tag with `peekTag` first), or undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    // Let the message and its connection be collected.
    this.items[this.head] = undefined;
    this.tags[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.count -= 1;
    return item;
  }

  /** Calls `visit` with the tag of every item, oldest first. */
  forEachTag(visit: (tag: Tag) => void): void {
    for (let i = 0; i < this.count; i += 1) visit(this.tags[(this.head + i) & (this.tags.length - 1)]!);
  }

  /** Calls `visit` with every item, oldest first. */
  forEachItem(visit: (item: T) => void): void {
    for (let i = 0; i < this.count; i += 1) visit(this.items[(this.head + i) & (this.items.length - 1)]!);
  }

  /**
   * Removes every item tagged `tag`, keeping the others in order; returns how many went. O(size),
   * for rare events (a `connect to` replacing a connection), never per message.
   */
  removeTag(tag: Tag): number {
    let kept = 0;
    const mask = this.items.length - 1;
    for (let i = 0; i < this.count; i += 1) {
      const from = (this.head + i) & mask;
      if (this.tags[from] === tag) continue;
      const to = (this.head + kept) & mask;
      this.items[to] = this.items[from];
      this.tags[to] = this.tags[from];
      kept += 1;
    }
    for (let i = kept; i < this.count; i += 1) {
      const index = (this.head + i) & mask;
      this.items[index] = undefined;
      this.tags[index] = undefined;
    }
    const removed = this.count - kept;
    this.count = kept;
    return removed;
  }

  clear(): void {
    this.items = new Array(16);
    this.tags = new Array(16);
    this.head = 0;
    this.count = 0;
  }

  /** Moves to a ring of `capacity` (a power of two ≥ size), unrolled so the oldest item is at index 0. */
  private resize(capacity: number): void {
    const items: (T | undefined)[] = new Array(capacity);
    const tags: (Tag | undefined)[] = new Array(capacity);
    const mask = this.items.length - 1;
    for (let i = 0; i < this.count; i += 1) {
      items[i] = this.items[(this.head + i) & mask];
      tags[i] = this.tags[(this.head + i) & mask];
    }
    this.items = items;
    this.tags = tags;
    this.head = 0;
  }
}
