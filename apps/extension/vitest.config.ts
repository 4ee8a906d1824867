import { defineProject } from 'vitest/config';
import { resolveWorkspaceSources } from '../../vitest.shared';

export default defineProject({
  ...resolveWorkspaceSources,
  test: {
    name: 'extension',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
