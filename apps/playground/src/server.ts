import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildDemoSb3 } from './demo-project.js';
import { defaultFiles, type PlaygroundFiles } from './files.js';
import { createRequestHandler } from './http-handler.js';
import { buildRoutes, type Route } from './routes.js';
import { playgroundUrls, type PlaygroundUrls } from './urls.js';
import { WebSocketEndpoints } from './websocket-endpoints.js';

export interface PlaygroundOptions extends Partial<PlaygroundFiles> {
  /** 0 lets the system choose a free port (tests). */
  port: number;
  /** Loopback only by default: the playground is for this computer, not the network. */
  host?: string;
  /** One line per WebSocket open and close. Defaults to no logging. */
  log?: (line: string) => void;
  /** How long `close()` waits for clients to answer the closing handshake. */
  closeGraceMs?: number;
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
  const sockets = new WebSocketEndpoints(log);
  let routes: ReadonlyMap<string, Route> = new Map();
  const server: Server = createServer(createRequestHandler({ get: (path) => routes.get(path) }));
  server.on('upgrade', sockets.handleUpgrade);
  let urls: PlaygroundUrls | undefined;

  return {
    async listen() {
      await listenOn(server, options.port, options.host ?? DEFAULT_HOST);
      const port = (server.address() as AddressInfo).port;
      urls = playgroundUrls(port);
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
      await sockets.closeAll(options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS);
      server.closeAllConnections();
      await serverClosed;
    },
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
