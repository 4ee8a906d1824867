import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'publish-e2e',
    include: ['test/**/*.test.ts'],
    // Building, publishing and installing are real processes; each spawn has its own
    // timeout, and these bounds only catch a hang between them.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
