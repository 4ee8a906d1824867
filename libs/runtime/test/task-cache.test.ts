import { describe, expect, it } from 'vitest';
import { TaskCache } from '../src/task-cache.js';

describe('TaskCache', () => {
  it('remembers the last owner\'s value within the task, and nothing once the task has ended', async () => {
    const cache = new TaskCache<string>();
    const first = {};
    const second = {};
    cache.set(first, 'a');
    expect(cache.get(first)).toBe('a');
    expect(cache.get(second)).toBeUndefined();
    cache.set(second, 'b');
    expect(cache.get(first)).toBeUndefined();
    expect(cache.get(second)).toBe('b');
    await Promise.resolve();
    expect(cache.get(second)).toBeUndefined();
    cache.set(first, 'c');
    expect(cache.get(first)).toBe('c');
    await Promise.resolve();
    expect(cache.get(first)).toBeUndefined();
  });
});
