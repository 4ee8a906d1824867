/**
 * What `nx release publish` put on the registry.
 * Registered by publish.test.ts, which publishes and installs once for all its checks.
 */
import { describe, expect, it } from 'vitest';
import { runOk } from '../../src/run';
import { PACKAGES } from '../../src/workspace';
import { NPM_TIMEOUT_MS, version, type Published } from './published';

export function describeNxReleasePublish(published: Published): void {
  describe('nx release publish', () => {
    it('publishes both packages at the workspace version to the local registry', async () => {
      expect(published.publishOutput?.stdout).toContain(`Successfully ran target nx-release-publish for 2 projects`);
      for (const { name } of Object.values(PACKAGES)) {
        const view = await runOk('npm', ['view', `${name}@${version}`, 'version', '--registry', published.registry!.url], {
          cwd: published.tmp,
          env: published.env,
          timeoutMs: NPM_TIMEOUT_MS,
        });
        expect(view.stdout.trim()).toBe(version);
      }
    });
  });
}
