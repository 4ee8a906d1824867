import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { BroadcastRoom } from './broadcast.js';
import {
  formatClose,
  formatDropped,
  formatOpen,
  formatPaused,
  formatRefusedOrigin,
  formatResumed,
  formatSocketError,
} from './connection-log.js';
import { serveEcho } from './echo.js';
import type { ConnectionContext, Endpoint } from './endpoint.js';
import { requestPath } from './http-handler.js';
import { formatMebibytes } from './limits.js';
import { isAllowedOrigin } from './origins.js';
import { PATHS } from './urls.js';

/** Larger than any message a Scratch project sends, small enough that nobody can fill memory. */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Close code 1001 "going away" (RFC 6455 §7.4.1): the server is shutting down. */
const GOING_AWAY = 1001;

export interface WebSocketEndpointOptions {
  /** One line per open, close, pause, drop and refused handshake. */
  log: (line: string) => void;
  /** The origins whose pages may connect (see `origins.ts`); asked on every handshake. */
  allowedOrigins: () => ReadonlySet<string>;
  /** Bytes held unsent for one client before it is paused (`/echo`) or dropped (`/broadcast`). */
  maxUnsentBytes: number;
  /** Milliseconds a client the server closes gets to answer the closing handshake. */
  closeGraceMs: number;
}

/**
 * The WebSocket side of the playground: `/echo` and `/broadcast`, a log line per open and
 * close, and a shutdown that closes every socket.
 */
export class WebSocketEndpoints {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly room = new BroadcastRoom();
  private readonly endpoints = new Map<string, Endpoint>([
    [PATHS.echo, serveEcho],
    [PATHS.broadcast, (socket, context) => this.room.join(socket, context)],
  ]);
  private readonly log: (line: string) => void;
  private nextId = 1;
  private stopping = false;

  constructor(private readonly options: WebSocketEndpointOptions) {
    this.log = options.log;
  }

  /** For the HTTP server's `upgrade` event. */
  readonly handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = requestPath(request.url);
    const serve = this.endpoints.get(path);
    if (serve === undefined) {
      this.refuseUpgrade(socket, '404 Not Found', `No WebSocket endpoint at ${path.slice(0, 200)}: use ${PATHS.echo} or ${PATHS.broadcast}.`);
      return;
    }
    // RFC 6455 §10.2: the server decides which pages may connect, by their Origin header.
    const origin = request.headers.origin;
    if (!isAllowedOrigin(origin, this.options.allowedOrigins())) {
      this.log(formatRefusedOrigin(path, origin ?? ''));
      this.refuseUpgrade(socket, '403 Forbidden', 'This page\'s origin may not use the playground: start it with --allow-origin ORIGIN to allow it.');
      return;
    }
    // A keep-alive connection can still ask for an upgrade while the server shuts down.
    if (this.stopping) {
      this.refuseUpgrade(socket, '503 Service Unavailable', 'The playground is stopping.');
      return;
    }
    this.server.handleUpgrade(request, socket, head, (webSocket) => this.accept(webSocket, path, serve));
  };

  get openCount(): number {
    return this.server.clients.size;
  }

  /**
   * Closes every socket with 1001 and waits for the closing handshakes, at most `graceMs`;
   * sockets whose peer does not answer by then are cut.
   */
  async closeAll(graceMs: number): Promise<void> {
    this.stopping = true;
    const sockets = [...this.server.clients];
    const closed = sockets.map((socket) => whenClosed(socket));
    for (const socket of sockets) socket.close(GOING_AWAY, 'playground stopped');
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([Promise.all(closed), grace]);
    clearTimeout(timer);
    for (const socket of this.server.clients) socket.terminate();
    await Promise.all(closed);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private refuseUpgrade(socket: Duplex, status: string, text: string): void {
    // Once upgraded, the socket is no longer the HTTP server's: an unhandled reset would crash it.
    socket.on('error', (error) => this.log(`error refusing an upgrade (${status}): ${error.message}`));
    const body = `${text}\n`;
    socket.end(
      `HTTP/1.1 ${status}\r\n` +
        'Connection: close\r\n' +
        'Content-Type: text/plain; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
        body,
    );
  }

  private accept(socket: WebSocket, path: string, serve: Endpoint): void {
    const id = this.nextId++;
    this.log(formatOpen(path, id, this.openCount));
    // Without a listener, a protocol error from a client would crash the whole server.
    socket.on('error', (error) => this.log(formatSocketError(path, id, error.message)));
    socket.once('close', (code, reason) => this.log(formatClose(path, id, code, reason.toString(), this.openCount)));
    serve(socket, this.contextFor(path, id));
  }

  private contextFor(path: string, id: number): ConnectionContext {
    const { maxUnsentBytes, closeGraceMs } = this.options;
    const limit = formatMebibytes(maxUnsentBytes);
    return {
      maxUnsentBytes,
      closeGraceMs,
      paused: (unsent) => this.log(formatPaused(path, id, formatMebibytes(unsent), limit)),
      resumed: () => this.log(formatResumed(path, id)),
      dropped: (unsent) => this.log(formatDropped(path, id, formatMebibytes(unsent), limit)),
    };
  }
}

function whenClosed(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => socket.once('close', () => resolve()));
}
