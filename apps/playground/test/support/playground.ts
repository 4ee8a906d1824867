import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { createPlaygroundServer, type Playground, type PlaygroundOptions } from '../../src/server.js';
import { defaultFiles, type PlaygroundFiles } from '../../src/files.js';
import { LogRecorder } from './log-recorder.js';

export const HOST = '127.0.0.1';

/**
 * The repository's real files. The root `npm test` builds the extension and generates the
 * docs first; when run alone, a missing file fails here with the command that makes it.
 */
export function realFiles(): PlaygroundFiles {
  const files = defaultFiles();
  if (!existsSync(files.extensionFile)) {
    throw new Error(`${files.extensionFile} is missing: run \`NX_TUI=false npx nx run extension:build\` first`);
  }
  if (!existsSync(files.docsFile)) throw new Error(`${files.docsFile} is missing: run \`npm run generate\` first`);
  return files;
}

export interface RunningPlayground {
  playground: Playground;
  log: LogRecorder;
  base: string;
  wsBase: string;
  port: number;
  close(): Promise<void>;
}

/** A playground on 127.0.0.1, port 0, with its log recorded. */
export async function startPlayground(options: Partial<PlaygroundOptions> = {}): Promise<RunningPlayground> {
  const log = new LogRecorder();
  const playground = createPlaygroundServer({ port: 0, host: HOST, log: log.log, closeGraceMs: 500, ...options });
  await playground.listen();
  const port = playground.port;
  return {
    playground,
    log,
    port,
    base: `http://${HOST}:${port}`,
    wsBase: `ws://${HOST}:${port}`,
    close: () => playground.close(),
  };
}

/** A folder that does not exist, for "file missing" cases; removed again by the caller. */
export async function emptyTempDir(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'playground-test-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * A request with the path sent exactly as written: `fetch` would normalise `/a/../b` and
 * percent-encoding away, which is what the traversal tests must not let happen.
 */
export function rawRequest(port: number, method: string, path: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: HOST, port, method, path, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.setTimeout(5000, () => request.destroy(new Error(`${method} ${path}: no answer within 5 s`)));
    request.end();
  });
}
