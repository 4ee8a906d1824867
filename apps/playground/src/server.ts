import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildDemoSb3 } from './demo-project.js';
import { defaultFiles, type PlaygroundFiles } from './files.js';
import { formatRefusedConnection } from './connection-log.js';
import { createRequestHandler } from './http-handler.js';
import { DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_UNSENT_BYTES, DEFAULT_REQUEST_TIMEOUT_MS } from './limits.js';
import { allowedOrigins } from './origins.js';
import { buildRoutes, type Route } from './routes.js';
import { playgroundUrls, type PlaygroundUrls } from './urls.js';
import { WebSocketEndpoints } from './websocket-endpoints.js';

export interface PlaygroundOptions extends Partial<PlaygroundFiles> {
  /** 0 lets the system choose a free port (tests). */
  port: number;
  /** Loopback only by default: the playground is for this computer, not the network. */
  host?: string;
  /**
   * One line per WebSocket open and close, per pause, resume and drop of a slow client, per
   * refused upgrade or connection, and per file that could not be read. Defaults to no logging.
   */
  log?: (line: string) => void;
  /**
   * Milliseconds a client the server closes gets to answer the closing handshake (on `close()`,
   * and when a slow `/broadcast` member is dropped) before it is cut. Default 1000.
   */
  closeGraceMs?: number;
  /**
   * Origins allowed on top of TurboWarp's and this server's own (see `origins.ts`), as
   * `parseOrigin` returns them: `--allow-origin`.
   */
  allowOrigins?: readonly string[];
  /** TCP connections open at once, WebSockets included; the next is closed at once. Default 1000. */
  maxConnections?: number;
  /** Milliseconds a connection gets to send a complete HTTP request; then 408 and closed. Default 10 000. */
  requestTimeoutMs?: number;
  /** Bytes held unsent for one WebSocket client before it is paused or dropped. Default 8 MiB. */
  maxUnsentBytes?: number;
}

export interface Playground {
  /** Starts listening; rejects with the system's error (e.g. `code: 'EADDRINUSE'`). */
  listen(): Promise<PlaygroundUrls>;
  /** The port it listens on, once `listen()` resolved. */
  readonly port: number;
  readonly urls: PlaygroundUrls;
  /** Closes every WebSocket (1001), every HTTP connection, then the server. */
  close(): Promise<void>;
}

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_CLOSE_GRACE_MS = 1000;

export function createPlaygroundServer(options: PlaygroundOptions): Playground {
  const files = resolveFiles(options);
  const log = options.log ?? (() => {});
  const closeGraceMs = options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS;
  let origins: ReadonlySet<string> = new Set();
  const sockets = new WebSocketEndpoints({
    log,
    allowedOrigins: () => origins,
    maxUnsentBytes: options.maxUnsentBytes ?? DEFAULT_MAX_UNSENT_BYTES,
    closeGraceMs,
  });
  let routes: ReadonlyMap<string, Route> = new Map();
  const server: Server = createServer(
    requestTimeouts(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
    createRequestHandler({ get: (path) => routes.get(path) }, log),
  );
  server.maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  server.on('drop', () => log(formatRefusedConnection(server.maxConnections)));
  server.on('upgrade', sockets.handleUpgrade);
  let urls: PlaygroundUrls | undefined;

  return {
    async listen() {
      await listenOn(server, options.port, options.host ?? DEFAULT_HOST);
      const port = (server.address() as AddressInfo).port;
      urls = playgroundUrls(port);
      origins = allowedOrigins(port, options.allowOrigins);
      const demoProject = once(() => buildDemoSb3(playgroundUrls(port).echo));
      routes = buildRoutes(files, urls, demoProject);
      return urls;
    },
    get port() {
      if (urls === undefined) throw new Error('The playground is not listening yet: await listen() first.');
      return (server.address() as AddressInfo).port;
    },
    get urls() {
      if (urls === undefined) throw new Error('The playground is not listening yet: await listen() first.');
      return urls;
    },
    async close() {
      if (!server.listening) return;
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      await sockets.closeAll(closeGraceMs);
      server.closeAllConnections();
      await serverClosed;
    },
  };
}

/**
 * Node's own request timeouts: a connection that has not sent a complete request (a socket that
 * never sends a byte included) within `timeoutMs` is answered 408 and closed. Node checks every
 * `connectionsCheckingInterval`, at most a second here, so a short timeout in tests is honoured.
 * Upgraded WebSockets are no longer HTTP connections and are not affected.
 */
function requestTimeouts(timeoutMs: number) {
  return {
    headersTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    connectionsCheckingInterval: Math.min(1000, timeoutMs),
  };
}

function listenOn(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => reject(error);
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/** The default location of every file the options leave out. */
function resolveFiles(options: Partial<PlaygroundFiles>): PlaygroundFiles {
  const defaults = defaultFiles();
  return {
    extensionFile: options.extensionFile ?? defaults.extensionFile,
    docsFile: options.docsFile ?? defaults.docsFile,
    scratchblocksFile: options.scratchblocksFile ?? defaults.scratchblocksFile,
    scaffoldingFile: options.scaffoldingFile ?? defaults.scaffoldingFile,
  };
}
