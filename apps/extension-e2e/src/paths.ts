import { fileURLToPath } from 'node:url';

/** Files the test server serves, resolved from this file so root and package runs agree. */
const repositoryRoot = new URL('../../../', import.meta.url);

export const SCAFFOLDING_PATH = fileURLToPath(
  new URL('node_modules/@turbowarp/packager/dist/scaffolding/scaffolding-min.js', repositoryRoot),
);
export const EXTENSION_BUNDLE_PATH = fileURLToPath(new URL('apps/extension/dist/websocket.js', repositoryRoot));
export const HARNESS_SOURCE_PATH = fileURLToPath(new URL('./page/harness.ts', import.meta.url));
