import { describe, expect, it } from 'vitest';
import { waitFor } from '../src/wait-for';

describe('waitFor', () => {
  it('resolves once the predicate holds', async () => {
    let calls = 0;
    await waitFor(() => ++calls === 3, 'the third call');
    expect(calls).toBe(3);
  });

  it('fails after its bound, saying what it waited for and what it saw last', async () => {
    await expect(waitFor(() => false, 'a list of 2 items', 50, () => ['only one'])).rejects.toThrow(
      'Waited 50 ms for a list of 2 items (last seen: ["only one"])',
    );
  });

  it('passes on an error thrown while checking', async () => {
    await expect(waitFor(() => Promise.reject(new Error('page crashed')), 'anything', 50)).rejects.toThrow('page crashed');
  });
});
