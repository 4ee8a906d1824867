import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { workerPathForcedOff } from '@scratch-websocket/test-support';
import { EXTENSION_BUNDLE_PATH, HARNESS_SOURCE_PATH, SCAFFOLDING_PATH } from '../paths';

/**
 * The web server the browser talks to, on 127.0.0.1 with an OS-assigned port: the harness
 * page, TurboWarp's scaffolding, the built extension (read from disk on every request, so
 * a rebuild is picked up) and the test projects registered by the tests.
 */
export interface StaticServer {
  readonly origin: string;
  /** URL of the built extension bundle, as a saved project's `extensionURLs` names it. */
  readonly extensionURL: string;
  /** Serves `bytes` at a fresh URL and returns that URL. */
  addProject(name: string, bytes: Uint8Array): string;
  /** Serves an extension script other than the built bundle at a fresh URL and returns that URL. */
  addScript(name: string, script: string): string;
  close(): Promise<void>;
}

/** A Content-Security-Policy under which the page can start no worker, from `blob:` or anywhere. */
const NO_WORKERS = "worker-src 'none'";

const HARNESS_PAGE = `<!doctype html>
<html>
<head><meta charset="utf-8"><title>scratch-websocket e2e</title></head>
<body>
<div id="stage" style="width:480px;height:360px"></div>
<script src="/scaffolding-min.js"></script>
<script src="/harness.js"></script>
</body>
</html>
`;

async function bundleHarness(): Promise<string> {
  const result = await build({
    entryPoints: [HARNESS_SOURCE_PATH],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output for the harness page');
  return output.text;
}

export async function startStaticServer(): Promise<StaticServer> {
  const harnessScript = await bundleHarness();
  const projects = new Map<string, Uint8Array>();
  const scripts = new Map<string, string>();
  let projectCounter = 0;

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/') {
      // SCRATCH_WS_WORKER=off: a page that forbids workers, so the extension must fall back to
      // the page's own sockets (issue 22), as under such a policy in the wild.
      // `/?no-workers` asks for the same page, for a benchmark's baseline in the same run.
      if (workerPathForcedOff() || request.url?.includes('no-workers') === true) response.setHeader('content-security-policy', NO_WORKERS);
      return send(response, 200, 'text/html; charset=utf-8', HARNESS_PAGE);
    }
    // Browsers ask for it on their own; answering keeps 404s meaningful in the page's console.
    if (path === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
    if (path === '/harness.js') return send(response, 200, 'text/javascript', harnessScript);
    // Cacheable: it never changes during a run, and Chromium then keeps its compiled code
    // between the pages of a file, which makes a fresh page per test cheap.
    if (path === '/scaffolding-min.js') {
      return send(response, 200, 'text/javascript', await readFile(SCAFFOLDING_PATH), IMMUTABLE);
    }
    if (path === '/websocket.js') return send(response, 200, 'text/javascript', await readFile(EXTENSION_BUNDLE_PATH));
    const script = scripts.get(path);
    if (script !== undefined) return send(response, 200, 'text/javascript', script);
    const project = projects.get(path);
    if (project) return send(response, 200, 'application/x.scratch.sb3', project);
    send(response, 404, 'text/plain', `Not found: ${path}`);
  }

  const server: Server = createServer((request, response) => {
    respond(request, response).catch((error: unknown) => {
      send(response, 500, 'text/plain', `Test server failed: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    extensionURL: `${origin}/websocket.js`,
    addProject(name, bytes) {
      const path = `/projects/${++projectCounter}-${encodeURIComponent(name)}.sb3`;
      projects.set(path, bytes);
      return `${origin}${path}`;
    },
    addScript(name, script) {
      const path = `/scripts/${++projectCounter}-${encodeURIComponent(name)}.js`;
      scripts.set(path, script);
      return `${origin}${path}`;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const NO_STORE = 'no-store';
const IMMUTABLE = 'public, max-age=3600, immutable';

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Uint8Array,
  cacheControl: string = NO_STORE,
): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': cacheControl });
  response.end(body);
}
