import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'playground',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 20_000,
  },
});
