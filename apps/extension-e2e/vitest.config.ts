import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'extension-e2e',
    include: ['test/**/*.test.ts'],
    // A real browser runs the real VM: generous, but every wait inside has its own bound
    // and failure message, so a hang reports what it was waiting for.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The machine has 2 cores shared with others: one browser at a time.
    fileParallelism: false,
  },
});
