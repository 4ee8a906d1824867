import { renderDemoPage } from './demo-page.js';
import type { PlaygroundFiles } from './files.js';
import { renderHomePage } from './home-page.js';
import { PATHS, type PlaygroundUrls } from './urls.js';

/**
 * Every HTTP path the playground answers, and nothing else. Paths are matched exactly, as
 * received, against this table: no path is ever joined onto a folder, so no request can
 * reach a file outside the ones named here (no `..`, no percent-encoding tricks).
 */
export type Route =
  | {
      kind: 'file';
      file: string;
      contentType: string;
      /** Said in the 503 answer when the file does not exist yet, e.g. before the first build. */
      missingHint: string;
      headers?: Record<string, string>;
    }
  | { kind: 'generated'; contentType: string; body: () => string | Buffer | Promise<string | Buffer> }
  /** Another spelling of a path: a permanent redirect there (the browser keeps the #fragment). */
  | { kind: 'redirect'; location: string };

export const CONTENT_TYPES = {
  javascript: 'text/javascript; charset=utf-8',
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  sb3: 'application/x.scratch.sb3',
  svg: 'image/svg+xml',
} as const;

export function buildRoutes(
  files: PlaygroundFiles,
  urls: PlaygroundUrls,
  demoProject: () => Promise<Buffer>,
): ReadonlyMap<string, Route> {
  const homePage = renderHomePage(urls);
  const demoPage = renderDemoPage();
  return new Map<string, Route>([
    [PATHS.home, { kind: 'generated', contentType: CONTENT_TYPES.html, body: () => homePage }],
    [
      PATHS.extension,
      {
        kind: 'file',
        file: files.extensionFile,
        contentType: CONTENT_TYPES.javascript,
        missingHint: 'the extension is not built yet: run `NX_TUI=false npx nx run extension:build`',
        // TurboWarp fetches the extension from its own origin (turbowarp.org).
        headers: { 'Access-Control-Allow-Origin': '*' },
      },
    ],
    [
      PATHS.docs,
      {
        kind: 'file',
        file: files.docsFile,
        contentType: CONTENT_TYPES.html,
        missingHint: 'the docs are not generated yet: run `npm run generate`',
      },
    ],
    // People type the slash (issue 21); the docs page's relative `vendor/` script needs `/docs` itself.
    [`${PATHS.docs}/`, { kind: 'redirect', location: PATHS.docs }],
    // Browsers ask for it on every page; an icon in the extension colour beats a 404 in the console.
    [PATHS.favicon, { kind: 'generated', contentType: CONTENT_TYPES.svg, body: () => FAVICON }],
    [PATHS.demo, { kind: 'generated', contentType: CONTENT_TYPES.html, body: () => demoPage }],
    [PATHS.demoProject, { kind: 'generated', contentType: CONTENT_TYPES.sb3, body: demoProject }],
    [
      PATHS.scratchblocks,
      {
        kind: 'file',
        file: files.scratchblocksFile,
        contentType: CONTENT_TYPES.javascript,
        missingHint: '@turbowarp/scratchblocks is not installed: run `npm install`',
      },
    ],
    [
      PATHS.scaffolding,
      {
        kind: 'file',
        file: files.scaffoldingFile,
        contentType: CONTENT_TYPES.javascript,
        missingHint: '@turbowarp/packager is not installed: run `npm install`',
      },
    ],
  ]);
}

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">' +
  '<rect width="16" height="16" rx="4" fill="#307eff"/><path d="M4 8h8M9 5l3 3-3 3" stroke="#fff" stroke-width="2" fill="none"/></svg>';
