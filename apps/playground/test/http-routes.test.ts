import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaygroundFiles } from '../src/files.js';
import { emptyTempDir, rawRequest, realFiles, startPlayground, type RunningPlayground } from './support/playground.js';

let files: PlaygroundFiles;
let running: RunningPlayground;

beforeAll(async () => {
  files = realFiles();
  running = await startPlayground(files);
});
afterAll(() => running.close());

const get = (path: string) => rawRequest(running.port, 'GET', path);

describe('served files', () => {
  it.each([
    { path: '/websocket.js', file: 'extensionFile', type: 'text/javascript; charset=utf-8' },
    { path: '/docs', file: 'docsFile', type: 'text/html; charset=utf-8' },
    { path: '/vendor/scratchblocks.min.js', file: 'scratchblocksFile', type: 'text/javascript; charset=utf-8' },
    { path: '/vendor/scaffolding-min.js', file: 'scaffoldingFile', type: 'text/javascript; charset=utf-8' },
  ] as const)('serves $path byte for byte as $type, never cached', async ({ path, file, type }) => {
    const response = await get(path);
    const expected = await readFile(files[file]);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-length']).toBe(String(expected.length));
    expect(response.body.equals(expected)).toBe(true);
  });

  it('lets TurboWarp, on another origin, fetch the extension', async () => {
    const response = await get('/websocket.js');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.body.toString()).toContain('gsaWebsocket');
  });

  it('ignores a query string, as a cache-busting reload sends one', async () => {
    const response = await get('/websocket.js?reload=2');
    expect(response.status).toBe(200);
    expect(response.body.equals(await readFile(files.extensionFile))).toBe(true);
  });

  it.each(['/websocket.js', '/', '/demo', '/demo/project.sb3', '/favicon.ico'])(
    'answers HEAD %s with the headers of GET and no body',
    async (path) => {
      const head = await rawRequest(running.port, 'HEAD', path);
      const full = await get(path);
      expect(head.status).toBe(200);
      expect(head.headers['content-type']).toBe(full.headers['content-type']);
      expect(head.headers['content-length']).toBe(String(full.body.length));
      expect(head.body.length).toBe(0);
    },
  );
});

describe('home page', () => {
  it('links TurboWarp with the extension at the actual port, the docs, the demo and both servers', async () => {
    const response = await get('/');
    const html = response.body.toString();
    const port = running.port;
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html).toContain(`href="https://turbowarp.org/editor?extension=http://localhost:${port}/websocket.js"`);
    expect(html).toContain(`href="http://localhost:${port}/docs"`);
    expect(html).toContain(`href="http://localhost:${port}/demo"`);
    expect(html).toContain(`<code id="echo-url">ws://localhost:${port}/echo</code>`);
    expect(html).toContain(`<code id="broadcast-url">ws://localhost:${port}/broadcast</code>`);
    expect(html).toContain(`connect to [ws://localhost:${port}/echo] :: #307eff`);
    expect(html).toContain('<script src="/vendor/scratchblocks.min.js"></script>');
  });

  it("says that turbowarp.org must be allowed local network access and links the docs' section on it", async () => {
    const html = (await get('/')).body.toString();
    expect(html).toMatch(/Chrome 147 and later and Firefox 149 and later ask for\s+<em>local network access<\/em>/);
    expect(html).toContain(`href="http://localhost:${running.port}/docs#connecting-to-a-program-on-your-own-computer"`);
  });
});

describe('demo', () => {
  it('serves the page that runs the scaffolding and the extension', async () => {
    const response = await get('/demo');
    const html = response.body.toString();
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html).toContain('<script src="/vendor/scaffolding-min.js"></script>');
    expect(html).toContain('"/websocket.js"');
  });

  it('serves the demo project as an .sb3 (a zip)', async () => {
    const response = await get('/demo/project.sb3');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/x.scratch.sb3');
    expect(response.body.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  });
});

describe('favicon', () => {
  it('answers /favicon.ico with a small SVG icon in the extension colour', async () => {
    const response = await get('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/svg+xml');
    expect(response.body.toString()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*fill="#307eff"[^]*<\/svg>$/);
  });
});

describe('/docs/', () => {
  // Issue 21: people type the slash. The page's relative vendor/ script needs the path /docs, so
  // the answer is a redirect there (a browser keeps the #fragment), never a second copy.
  it.each(['GET', 'HEAD'] as const)('answers %s /docs/ with a permanent redirect to /docs', async (method) => {
    const response = await rawRequest(running.port, method, '/docs/');
    expect(response.status).toBe(308);
    expect(response.headers.location).toBe('/docs');
  });
});

describe('everything else', () => {
  it.each(['/nope', '/websocket.js/', '/index.html', '/vendor/', '/demo/'])('answers %s with 404 and a short text', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body.toString()).toBe(`Not found: ${path}\n`);
  });

  it.each([
    '/vendor/../package.json',
    '/vendor/%2e%2e/%2e%2e/package.json',
    '/../../../../etc/passwd',
    '//etc/passwd',
    '/vendor/..%2f..%2fpackage.json',
    '/websocket.js/../../../package.json',
    '/%2fetc%2fpasswd',
  ])('never leaves the served files: %s is 404', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(response.body.toString()).not.toContain('"workspaces"');
    expect(response.body.toString()).not.toContain('root:');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405 and says what is allowed', async (method) => {
    const response = await rawRequest(running.port, method, '/websocket.js');
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
    expect(response.body.toString()).toBe(`Method ${method} not allowed: only GET, HEAD.\n`);
  });
});

describe('before the first build', () => {
  it('answers 503 with the command that makes a missing file', async () => {
    const temp = await emptyTempDir();
    const early = await startPlayground({
      extensionFile: join(temp.path, 'websocket.js'),
      docsFile: join(temp.path, 'websocket.html'),
    });
    try {
      const extension = await rawRequest(early.port, 'GET', '/websocket.js');
      expect(extension.status).toBe(503);
      expect(extension.body.toString()).toBe(
        'Not available: the extension is not built yet: run `NX_TUI=false npx nx run extension:build`.\n',
      );
      const docs = await rawRequest(early.port, 'GET', '/docs');
      expect(docs.status).toBe(503);
      expect(docs.body.toString()).toBe('Not available: the docs are not generated yet: run `npm run generate`.\n');
    } finally {
      await early.close();
      await temp.remove();
    }
  });
});
