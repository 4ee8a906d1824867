import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

/** The sources the bundle is built from: a bundle older than any of them was built before the latest edit. */
const BUNDLE_SOURCES = ['apps/extension/src', 'libs/runtime/src'].map((folder) => fileURLToPath(new URL(folder, repositoryRoot)));

function newestChange(folder: string): number {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).reduce((newest, name) => Math.max(newest, statSync(join(folder, name)).mtimeMs), 0);
}

/**
 * Why the suite cannot test the built extension, in words that say what to run, or null: the
 * bundle is missing, or older than the spec's generated code or the runtime. (A bundle named
 * by E2E_EXTENSION_BUNDLE is taken as it is.)
 */
export function bundleProblem(): string | null {
  const rebuild = 'run `npx nx run extension:build` (it regenerates from the spec first), or `npm test`';
  if (!existsSync(EXTENSION_BUNDLE_PATH)) return `${EXTENSION_BUNDLE_PATH} does not exist: ${rebuild}`;
  if (process.env.E2E_EXTENSION_BUNDLE !== undefined) return null;
  const built = statSync(EXTENSION_BUNDLE_PATH).mtimeMs;
  const stale = BUNDLE_SOURCES.filter((folder) => newestChange(folder) > built);
  return stale.length === 0 ? null : `${EXTENSION_BUNDLE_PATH} is older than ${stale.join(' and ')}: ${rebuild}`;
}
