import { defineProject } from 'vitest/config';
import { resolveWorkspaceSources } from '../../vitest.shared';

export default defineProject({
  ...resolveWorkspaceSources,
  test: {
    name: 'extension',
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/global-scratch.ts'],
    testTimeout: 60_000,
  },
});
