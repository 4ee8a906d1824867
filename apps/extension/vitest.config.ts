import { defineProject } from 'vitest/config';
import { sourceAliases } from '../../vitest.shared';

export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    name: 'extension',
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/global-scratch.ts'],
    testTimeout: 20_000,
  },
});
