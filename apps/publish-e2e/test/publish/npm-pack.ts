/**
 * What `npm pack --dry-run` lists for each package.
 * Registered by publish.test.ts, which publishes and installs once for all its checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOk } from '../../src/run';
import { PACKAGES, workspaceRoot } from '../../src/workspace';
import { NPM_TIMEOUT_MS, type Published } from './published';

/** Every module under `dir` as a POSIX path without `.ts` (tests and declarations excluded). */
function sourceModules(dir: string, base = ''): string[] {
  return fs.readdirSync(path.join(dir, base), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(base, entry.name);
    if (entry.isDirectory()) return sourceModules(dir, relative);
    const isModule = entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts');
    return isModule ? [relative.slice(0, -'.ts'.length)] : [];
  });
}

async function packedFiles(root: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  // With --json, npm prints the prepack/postpack banners on stderr, so stdout stays JSON.
  const result = await runOk('npm', ['pack', '--dry-run', '--json'], {
    cwd: path.join(workspaceRoot, root),
    env,
    timeoutMs: NPM_TIMEOUT_MS,
  });
  const [pack] = JSON.parse(result.stdout) as Array<{ files: Array<{ path: string }> }>;
  return (pack?.files ?? []).map((file) => file.path).sort();
}

export function describeNpmPack(published: Published): void {
  describe('npm pack --dry-run', () => {
    it('packs the runtime as built code, one .d.ts and one .d.cts per source module, README and LICENSE', async () => {
      const modules = sourceModules(path.join(workspaceRoot, PACKAGES.runtime.root, 'src'));
      const expected = [
        'LICENSE',
        'README.md',
        'package.json',
        'dist/index.js',
        'dist/index.cjs',
        ...modules.flatMap((module) => [`dist/${module}.d.ts`, `dist/${module}.d.cts`]),
      ].sort();
      expect(await packedFiles(PACKAGES.runtime.root, published.env)).toEqual(expected);
    });

    it('packs the extension as the one script, its docs page with scratchblocks, README and LICENSE', async () => {
      expect(await packedFiles(PACKAGES.extension.root, published.env)).toEqual(
        [
          'LICENSE',
          'README.md',
          'package.json',
          'dist/websocket.js',
          'dist/docs/websocket.md',
          'dist/docs/websocket.html',
          'dist/docs/vendor/scratchblocks.min.js',
        ].sort(),
      );
    });

    it('copies the docs into the extension only while packing, leaving the build output as Nx cached it', async () => {
      await packedFiles(PACKAGES.extension.root, published.env);
      expect(fs.existsSync(path.join(workspaceRoot, PACKAGES.extension.root, 'dist/docs'))).toBe(false);
    });
  });
}
