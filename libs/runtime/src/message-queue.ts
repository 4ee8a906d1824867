/**
 * A first-in first-out queue on a growable ring buffer: push and shift are O(1) however long
 * it gets (an Array's shift() copies the whole array, and a server can send 100,000 messages
 * faster than a project handles them).
 */
export class MessageQueue<T> {
  private slots: (T | undefined)[] = new Array(16);
  private head = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  isEmpty(): boolean {
    return this.count === 0;
  }

  push(item: T): void {
    if (this.count === this.slots.length) this.grow();
    // Capacity is a power of two, so `& (length - 1)` wraps the index.
    this.slots[(this.head + this.count) & (this.slots.length - 1)] = item;
    this.count += 1;
  }

  /** Removes and returns the oldest item, or undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.slots[this.head];
    this.slots[this.head] = undefined; // let the message be collected
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.count -= 1;
    return item;
  }

  /** The oldest item without removing it, or undefined when empty. */
  peek(): T | undefined {
    return this.count === 0 ? undefined : this.slots[this.head];
  }

  clear(): void {
    this.slots = new Array(16);
    this.head = 0;
    this.count = 0;
  }

  /** Doubles the capacity, unrolling the ring so the oldest item is at index 0 again. */
  private grow(): void {
    const larger: (T | undefined)[] = new Array(this.slots.length * 2);
    for (let i = 0; i < this.count; i += 1) {
      larger[i] = this.slots[(this.head + i) & (this.slots.length - 1)];
    }
    this.slots = larger;
    this.head = 0;
  }
}
