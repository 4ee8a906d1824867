/**
 * Publishes both packages to a real registry (Verdaccio on 127.0.0.1) with `nx release
 * publish`, installs them into a fresh project as a user would, and uses them from there:
 * the runtime through `import` and `require` and from strict TypeScript, the extension as a file.
 *
 * The dry run, publish and install take minutes, so they run once here (publish/published.ts)
 * for the checks of every subject (publish/*.ts); the working tree is checked last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDryRun } from './publish/dry-run';
import { describeInstalledExtension } from './publish/installed-extension';
import { describeInstalledRuntime } from './publish/installed-runtime';
import { describeNpmPack } from './publish/npm-pack';
import { describeNxReleasePublish } from './publish/nx-release-publish';
import { Published, releaseFilesStatus } from './publish/published';

const published = new Published();

beforeAll(() => published.setUp());

afterAll(() => published.tearDown());

describeNxReleasePublish(published);
describeInstalledRuntime(published);
describeInstalledExtension(published);
describeDryRun(published);
describeNpmPack(published);

describe('the working tree', () => {
  it('is left as the tests found it: no version bumped, no changelog written', async () => {
    expect(await releaseFilesStatus()).toBe(published.releaseFilesBefore);
  });
});
