import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { formatRefusedPipelining, formatServeError } from './connection-log.js';
import { MAX_PENDING_REQUESTS } from './limits.js';
import { PipelineGuard, whenItsTurn } from './pipelining.js';
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

/**
 * Answers GET and HEAD from the route table. A connection with more than `MAX_PENDING_REQUESTS`
 * answers pending (pipelined requests its client does not read) is closed, with one log line.
 */
export function createRequestHandler(routes: RouteLookup, log: (line: string) => void): RequestHandler {
  const guard = new PipelineGuard(MAX_PENDING_REQUESTS);
  return function handleRequest(request, response) {
    const socket = request.socket;
    // Node goes on parsing the rest of a chunk after the connection was closed for it.
    if (socket.destroyed) return;
    if (!guard.admit(socket, response)) {
      log(formatRefusedPipelining(MAX_PENDING_REQUESTS));
      socket.destroy();
      return;
    }
    answer(routes, request, response, log).catch((error: unknown) => {
      sendText(response, request, 500, `Internal error: ${describe(error)}`);
    });
  };
}

async function answer(routes: RouteLookup, request: IncomingMessage, response: ServerResponse, log: (line: string) => void) {
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
  if (route.kind === 'redirect') {
    response.setHeader('Location', route.location);
    sendText(response, request, 308, `Moved to ${route.location}`);
    return;
  }
  if (route.kind === 'generated') {
    const body = await route.body();
    send(response, request, 200, route.contentType, body);
    return;
  }
  await sendFile(response, request, route, log);
}

/** The path as received, without the query string; deliberately not decoded or normalised. */
export function requestPath(url: string | undefined): string {
  const raw = url ?? '/';
  const queryStart = raw.indexOf('?');
  return queryStart === -1 ? raw : raw.slice(0, queryStart);
}

async function sendFile(
  response: ServerResponse,
  request: IncomingMessage,
  route: Extract<Route, { kind: 'file' }>,
  log: (line: string) => void,
) {
  // A pipelined answer opens its file only when it can be sent: one file open per connection,
  // however many requests wait on it.
  await whenItsTurn(response);
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
  // `pipeline`, not `pipe`: when the client leaves before the end, `pipe` leaves the file open
  // for good; `pipeline` closes it. Headers are gone already, so a read error can only cut the
  // answer short, and a client leaving early is no error of the server's.
  pipeline(createReadStream(route.file), response, (error) => {
    if (error && (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') log(formatServeError(route.file, error.message));
  });
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
