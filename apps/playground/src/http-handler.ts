import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTENT_TYPES, type Route } from './routes.js';

const ALLOWED_METHODS = 'GET, HEAD';

/**
 * Every answer is `no-store`: this is a development server, and a rebuilt extension or
 * regenerated docs page must show on the next reload, never a cached copy.
 * `nosniff` keeps browsers from running a text answer as script.
 */
const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
} as const;

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** The route table, or anything that looks paths up in it. */
export interface RouteLookup {
  get(path: string): Route | undefined;
}

export function createRequestHandler(routes: RouteLookup): RequestHandler {
  return function handleRequest(request, response) {
    answer(routes, request, response).catch((error: unknown) => {
      sendText(response, request, 500, `Internal error: ${describe(error)}`);
    });
  };
}

async function answer(routes: RouteLookup, request: IncomingMessage, response: ServerResponse) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', ALLOWED_METHODS);
    sendText(response, request, 405, `Method ${request.method ?? '?'} not allowed: only ${ALLOWED_METHODS}.`);
    return;
  }
  const path = requestPath(request.url);
  const route = routes.get(path);
  if (route === undefined) {
    sendText(response, request, 404, `Not found: ${path.slice(0, 200)}`);
    return;
  }
  if (route.kind === 'generated') {
    const body = await route.body();
    send(response, request, 200, route.contentType, body);
    return;
  }
  await sendFile(response, request, route);
}

/** The path as received, without the query string; deliberately not decoded or normalised. */
export function requestPath(url: string | undefined): string {
  const raw = url ?? '/';
  const queryStart = raw.indexOf('?');
  return queryStart === -1 ? raw : raw.slice(0, queryStart);
}

async function sendFile(response: ServerResponse, request: IncomingMessage, route: Extract<Route, { kind: 'file' }>) {
  let size: number;
  try {
    size = (await stat(route.file)).size;
  } catch (error) {
    if (isMissingFile(error)) {
      sendText(response, request, 503, `Not available: ${route.missingHint}.`);
      return;
    }
    throw error;
  }
  response.writeHead(200, {
    ...COMMON_HEADERS,
    ...route.headers,
    'Content-Type': route.contentType,
    'Content-Length': size,
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(route.file);
  // Headers are gone already, so a read error can only cut the answer short.
  stream.on('error', (error) => response.destroy(error));
  stream.pipe(response);
}

function send(response: ServerResponse, request: IncomingMessage, status: number, contentType: string, body: string | Buffer) {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': contentType, 'Content-Length': bytes.length });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

function sendText(response: ServerResponse, request: IncomingMessage, status: number, text: string) {
  send(response, request, status, CONTENT_TYPES.text, `${text}\n`);
}

function isMissingFile(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
