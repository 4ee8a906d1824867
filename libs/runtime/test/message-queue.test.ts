import { describe, expect, it } from 'vitest';
import { MessageQueue } from '../src/index.js';

describe('MessageQueue', () => {
  it('gives items back first in, first out, across growth and wrap-around', () => {
    const queue = new MessageQueue<number>();
    const out: number[] = [];
    let next = 0;
    // Interleave pushes and shifts so the head wraps while the ring grows.
    for (let round = 0; round < 50; round += 1) {
      for (let i = 0; i < 7 + round; i += 1) queue.push(next++);
      for (let i = 0; i < 5; i += 1) out.push(queue.shift()!);
    }
    while (!queue.isEmpty()) out.push(queue.shift()!);
    expect(out).toEqual(Array.from({ length: next }, (_, i) => i));
  });

  it('reports its size and is empty after clear', () => {
    const queue = new MessageQueue<string>();
    expect(queue.shift()).toBeUndefined();
    queue.push('a');
    queue.push('b');
    expect(queue.size).toBe(2);
    queue.clear();
    expect(queue.isEmpty()).toBe(true);
    expect(queue.shift()).toBeUndefined();
  });
});
