import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['{apps,libs,tools}/*/vitest.config.ts'],
    reporters: ['default', './tools/vitest-summary-reporter.ts'],
  },
});
