/**
 * What `nx release --dry-run` printed it would do.
 * Registered by publish.test.ts, which publishes and installs once for all its checks.
 */
import { describe, expect, it } from 'vitest';
import { PACKAGES } from '../../src/workspace';
import { DRY_RUN_VERSION, type Published } from './published';

export function describeDryRun(published: Published): void {
  describe('nx release --dry-run', () => {
    it('builds, versions, changelogs and would publish both packages, writing nothing', () => {
      const output = published.dryRunOutput?.stdout ?? '';
      expect(output).toContain('Executing pre-version command');
      for (const { project, root, name } of Object.values(PACKAGES)) {
        expect(output).toContain(`New version ${DRY_RUN_VERSION} written to manifest: ${root}/package.json`);
        expect(output).toContain(`> nx run ${project}:nx-release-publish`);
        expect(output).toContain(`${name}@X.X.X-dry-run`);
      }
      expect(output).toContain(`Previewing an entry in CHANGELOG.md for v${DRY_RUN_VERSION}`);
      expect(output.split(`Would publish to ${published.registry!.url}/ with tag "latest", but [dry-run] was set`)).toHaveLength(3);
      expect(published.dryRunOutput?.stderr).toContain('NOTE: The "dryRun" flag means no changes were made.');
    });
  });
}
