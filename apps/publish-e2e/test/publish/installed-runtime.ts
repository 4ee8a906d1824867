/**
 * The runtime as a user installs it: loaded by `import` and `require`, and type-checked.
 * Registered by publish.test.ts, which publishes and installs once for all its checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, runOk } from '../../src/run';
import { PACKAGES, workspaceRoot } from '../../src/workspace';
import { NODE_TIMEOUT_MS, version, type Published } from './published';

export function describeInstalledRuntime(published: Published): void {
  describe('the installed runtime', () => {
    const installed = (file: string): string => path.join(published.consumer, 'node_modules', PACKAGES.runtime.name, file);

    it('has no runtime dependencies, so installing it needs nothing but our registry', () => {
      const manifest = JSON.parse(fs.readFileSync(installed('package.json'), 'utf8'));
      expect(manifest.version).toBe(version);
      expect(manifest.dependencies ?? {}).toEqual({});
      expect(manifest.peerDependencies ?? {}).toEqual({});
    });

    it('loads its ESM build through import and echoes a message through a ws server', async () => {
      const result = await runOk(process.execPath, ['echo.mjs', published.echoUrl, 'hello from import'], {
        cwd: published.consumer,
        env: published.env,
        timeoutMs: NODE_TIMEOUT_MS,
      });
      const output = JSON.parse(result.stdout);
      expect(output.resolved).toBe(pathToFileURL(installed('dist/index.js')).href);
      expect(output.echo).toBe('hello from import');
    });

    it('loads its CommonJS build through require and echoes a message through a ws server', async () => {
      const result = await runOk(process.execPath, ['echo.cjs', published.echoUrl, 'hello from require'], {
        cwd: published.consumer,
        env: published.env,
        timeoutMs: NODE_TIMEOUT_MS,
      });
      const output = JSON.parse(result.stdout);
      expect(output.resolved).toBe(installed('dist/index.cjs'));
      expect(output.echo).toBe('hello from require');
    });

    // nodenext lets a .cts reach ESM types (require of ESM, TS 5.8+); node16 does not, so it
    // also proves that the .d.cts tree is CommonJS all the way down.
    it.each(['tsconfig.json', 'tsconfig.node16.json'])(
      'type-checks strict .mts and .cts consumers against the .d.ts and .d.cts it ships (%s)',
      async (tsconfig) => {
        const tsc = path.join(workspaceRoot, 'node_modules/typescript/bin/tsc');
        const result = await run(process.execPath, [tsc, '-p', tsconfig, '--listFiles'], {
          cwd: published.consumer,
          env: published.env,
          timeoutMs: NODE_TIMEOUT_MS * 3,
        });
        expect(result.stdout.split('\n').filter((line) => line.includes('error TS'))).toEqual([]);
        expect(result.code).toBe(0);
        const listed = result.stdout.split('\n').map((line) => line.trim());
        expect(listed).toContain(fs.realpathSync(installed('dist/index.d.ts')));
        expect(listed).toContain(fs.realpathSync(installed('dist/index.d.cts')));
        expect(listed).toContain(fs.realpathSync(installed('dist/runtime.d.cts')));
      },
    );
  });
}
