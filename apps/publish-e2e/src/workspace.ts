import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const nxBin = path.join(workspaceRoot, 'node_modules/nx/dist/bin/nx.js');

/** The two published packages: Nx project, npm name, folder. */
export const PACKAGES = {
  runtime: { project: 'runtime', name: '@scratch-websocket/runtime', root: 'libs/runtime' },
  extension: { project: 'extension', name: '@scratch-websocket/extension', root: 'apps/extension' },
} as const;

/** Files `nx release` would change; the tests must leave each exactly as it found it. */
export const RELEASE_FILES = [
  'libs/runtime/package.json',
  'apps/extension/package.json',
  'package-lock.json',
  'CHANGELOG.md',
  'nx.json',
];

export function packageVersion(root: string): string {
  return JSON.parse(fs.readFileSync(path.join(workspaceRoot, root, 'package.json'), 'utf8')).version;
}

/**
 * An environment for npm and Nx with nothing inherited from an outer `npm test`: npm passes
 * its own settings down as npm_config_* variables (registry, userconfig), which would point
 * the inner commands at the public registry.
 */
export function isolatedEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_config_/i.test(key)) env[key] = value;
  }
  return {
    ...env,
    NX_TUI: 'false',
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    ...settings,
  };
}
