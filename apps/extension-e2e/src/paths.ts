import { fileURLToPath } from 'node:url';

/** Files the test server serves, resolved from this file so root and package runs agree. */
const repositoryRoot = new URL('../../../', import.meta.url);

export const SCAFFOLDING_PATH = fileURLToPath(
  new URL('node_modules/@turbowarp/packager/dist/scaffolding/scaffolding-min.js', repositoryRoot),
);
/**
 * The built extension. E2E_EXTENSION_BUNDLE points the suite at another copy, e.g. one broken
 * on purpose to check that the suite notices, without touching the real build.
 */
export const EXTENSION_BUNDLE_PATH =
  process.env.E2E_EXTENSION_BUNDLE ?? fileURLToPath(new URL('apps/extension/dist/websocket.js', repositoryRoot));
export const HARNESS_SOURCE_PATH = fileURLToPath(new URL('./page/harness.ts', import.meta.url));
