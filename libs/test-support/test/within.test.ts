import { describe, expect, it } from 'vitest';
import { within } from '../src/index.js';

describe('within', () => {
  it('resolves with the value of a promise that settles in time', async () => {
    await expect(within(Promise.resolve(42), 'the answer')).resolves.toBe(42);
  });

  it('passes on the rejection of a promise that fails in time', async () => {
    await expect(within(Promise.reject(new Error('refused')), 'a refusal')).rejects.toThrow('refused');
  });

  it('fails saying what it waited for when the promise does not settle in time', async () => {
    await expect(within(new Promise<never>(() => {}), 'a reply that never comes', 10)).rejects.toThrow(
      'timed out after 10 ms waiting for a reply that never comes',
    );
  });
});
