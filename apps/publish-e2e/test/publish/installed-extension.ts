/**
 * The extension as a user installs it: the script, its docs page and scratchblocks.
 * Registered by publish.test.ts, which publishes and installs once for all its checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGES, workspaceRoot } from '../../src/workspace';
import type { Published } from './published';

export function describeInstalledExtension(published: Published): void {
  describe('the installed extension', () => {
    const installed = (file: string): string => path.join(published.consumer, 'node_modules', PACKAGES.extension.name, file);

    it('ships dist/websocket.js starting with the gallery header', () => {
      const script = fs.readFileSync(installed('dist/websocket.js'), 'utf8');
      expect(script.split('\n').slice(0, 2)).toEqual(['// Name: WebSocket', '// ID: gsaWebsocket']);
    });

    it('ships the generated docs page as Markdown and HTML', () => {
      for (const file of ['websocket.md', 'websocket.html']) {
        const shipped = fs.readFileSync(installed(`dist/docs/${file}`), 'utf8');
        expect(shipped).toBe(fs.readFileSync(path.join(workspaceRoot, 'apps/docs/generated', file), 'utf8'));
      }
    });

    it('ships scratchblocks next to the docs page, which loads it by the relative path vendor/', () => {
      expect(fs.readFileSync(installed('dist/docs/websocket.html'), 'utf8')).toContain(
        '<script src="vendor/scratchblocks.min.js"></script>',
      );
      expect(fs.statSync(installed('dist/docs/vendor/scratchblocks.min.js')).size).toBeGreaterThan(0);
    });
  });
}
