import { describe, expect, it } from 'vitest';
import { TaggedQueue } from '../src/index.js';

/** Drains `queue`, oldest first, as [item, tag] pairs. */
function drain<T, Tag>(queue: TaggedQueue<T, Tag>): [T, Tag][] {
  const out: [T, Tag][] = [];
  while (!queue.isEmpty()) {
    const tag = queue.peekTag()!;
    out.push([queue.shift()!, tag]);
  }
  return out;
}

describe('TaggedQueue', () => {
  it('gives items back first in, first out, each with its tag, across growth and wrap-around', () => {
    const queue = new TaggedQueue<number, string>();
    const out: [number, string][] = [];
    let next = 0;
    for (let round = 0; round < 40; round += 1) {
      for (let i = 0; i < 7 + round; i += 1, next += 1) queue.push(next, next % 3 === 0 ? 'a' : 'b');
      for (let i = 0; i < 5; i += 1) {
        const tag = queue.peekTag()!;
        out.push([queue.shift()!, tag]);
      }
    }
    out.push(...drain(queue));
    expect(out).toEqual(Array.from({ length: next }, (_, i) => [i, i % 3 === 0 ? 'a' : 'b']));
  });

  it.each([
    { name: 'none of the tag', items: ['x1', 'x2'], remove: 'y', left: ['x1', 'x2'] },
    { name: 'every item', items: ['y1', 'y2'], remove: 'y', left: [] },
    { name: 'interleaved items', items: ['x1', 'y1', 'x2', 'y2', 'y3', 'x3'], remove: 'y', left: ['x1', 'x2', 'x3'] },
    { name: 'the oldest', items: ['y1', 'x1'], remove: 'y', left: ['x1'] },
    { name: 'the newest', items: ['x1', 'y1'], remove: 'y', left: ['x1'] },
  ])('removes the items of one tag, keeping the others in order: $name', ({ items, remove, left }) => {
    const queue = new TaggedQueue<string, string>();
    // Shift a few first so the ring's head is not at index 0 and removal wraps.
    for (let i = 0; i < 13; i += 1) queue.push('old', 'z');
    for (let i = 0; i < 13; i += 1) queue.shift();
    for (const item of items) queue.push(item, item[0]!);
    const removed = queue.removeTag(remove);
    expect(removed).toBe(items.length - left.length);
    expect(queue.size).toBe(left.length);
    expect(drain(queue).map(([item]) => item)).toEqual(left);
  });

  it('visits every tag oldest first, and is empty after clear', () => {
    const queue = new TaggedQueue<string, number>();
    queue.push('a', 1);
    queue.push('b', 2);
    const tags: number[] = [];
    queue.forEachTag((tag) => tags.push(tag));
    expect(tags).toEqual([1, 2]);
    queue.clear();
    expect(queue.isEmpty()).toBe(true);
    expect(queue.peek()).toBeUndefined();
    expect(queue.peekTag()).toBeUndefined();
    expect(queue.shift()).toBeUndefined();
  });
});
