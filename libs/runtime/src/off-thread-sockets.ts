import { ERROR_INSECURE_URL, ERROR_INVALID_URL, type ErrorReason } from './connection-state.js';
import type { Host, WebSocketConstructorLike, WebSocketLike } from './host.js';
import { reportUnexpected } from './report-unexpected.js';
import { WorkerHub } from './worker-hub.js';
import { scratchWebSocketWorker } from './worker-main.js';
import { WORKER_READY, type WorkerPort } from './worker-protocol.js';

/** Where new sockets are opened: not decided yet, the worker is starting, in it, or on the page. */
export type SocketPlace = 'undecided' | 'starting' | 'worker' | 'page';

/** How long a worker may take to say it runs before the page gives up on it and opens its sockets itself. */
export const WORKER_START_TIMEOUT_MS = 5000;

/** What `OffThreadSockets` is made from. */
export interface OffThreadSocketsOptions {
  /** The page's WebSocket class: used wherever no worker runs. */
  pageWebSocket: WebSocketConstructorLike;
  /** Starts the socket worker (`startBlobWorker` in a browser); null, or a throw, where none can be made. */
  startWorker: () => WorkerPort | null;
}

/**
 * Sockets off the page's main thread (issue 22), behind the WebSocket interface: the host
 * adapter gives the runtime `sockets.WebSocket` and `sockets.host(host)`, and the runtime never
 * knows where a socket lives. One worker serves every connection of the page. It is started
 * the first time permission is granted (`host(...).canFetch`), which then also waits until the
 * worker has said it runs, or has failed (a Content-Security-Policy without `worker-src blob:`
 * only fires an `error` event, later): so a socket is only ever opened once its place is
 * known, and where no worker can run, sockets are the page's own, exactly as before.
 */
export class OffThreadSockets {
  private current: SocketPlace = 'undecided';
  private hub: WorkerHub | null = null;
  private started: Promise<void> | null = null;

  constructor(private readonly options: OffThreadSocketsOptions) {}

  /** Where the next socket goes. */
  get place(): SocketPlace {
    return this.current;
  }

  /** The sockets the worker holds for the page (0 without a worker). */
  get workerSocketCount(): number {
    return this.hub?.socketCount ?? 0;
  }

  /** The WebSocket class for the runtime: a `WorkerSocket` once the worker runs, else the page's. */
  readonly WebSocket: WebSocketConstructorLike = ((sockets: OffThreadSockets) =>
    // A function that returns an object gives that object when called with `new`.
    function OffThreadWebSocket(url: string, protocols?: string[]): WebSocketLike {
      if (sockets.hub?.running === true) return sockets.hub.open(url, protocols);
      const Page = sockets.options.pageWebSocket;
      return protocols === undefined ? new Page(url) : new Page(url, protocols);
    })(this) as unknown as WebSocketConstructorLike;

  /**
   * `host` with permission asked first, on the page, and then the worker started (or waited
   * for); and with `failureReason` telling what the worker's WebSocket constructor refused
   * (SecurityError: `insecure URL`; SyntaxError: `invalid URL`), as the runtime reads a throw of
   * the page's own (opener.ts).
   */
  host<Target extends object, Thread>(host: Host<Target, Thread>): Host<Target, Thread> {
    // Each member calls the host's own, on the host: a class's methods need their `this`.
    return {
      startHats: (opcode, target) => host.startHats(opcode, target),
      isThreadActive: (thread) => host.isThreadActive(thread),
      stopThread: (thread) => host.stopThread(thread),
      canFetch: (url) =>
        Promise.resolve(host.canFetch(url)).then((allowed) => (allowed === true ? this.whenPlaced().then(() => true) : false)),
      failureReason: (url) => this.refusal(url) ?? host.failureReason?.(url) ?? null,
      onFrame: (listener) => host.onFrame(listener),
      onStopAll: (listener) => host.onStopAll(listener),
      onTargetRemoved: (listener) => host.onTargetRemoved(listener),
      onProjectChange: (listener) => host.onProjectChange(listener),
    };
  }

  /** Resolves once the place of new sockets is known: the worker runs, or sockets stay on the page. */
  whenPlaced(): Promise<void> {
    // Not `??=`, which the gallery's lint refuses as too new.
    if (this.started === null) this.started = this.start();
    return this.started;
  }

  /** Resolves once the page has had every event the worker had seen by now (at once without a worker). */
  roundTrip(): Promise<void> {
    return this.hub?.roundTrip() ?? Promise.resolve();
  }

  /** Ends the worker (its sockets go with it); new sockets are the page's. */
  dispose(): void {
    this.hub?.dispose();
    this.hub = null;
    this.current = 'page';
  }

  private start(): Promise<void> {
    let port: WorkerPort | null;
    try {
      port = this.options.startWorker();
    } catch (error) {
      // Seen where a page forbids workers synchronously; Chromium fires `error` instead (below).
      reportUnexpected(error);
      port = null;
    }
    if (port === null) {
      this.current = 'page';
      return Promise.resolve();
    }
    this.current = 'starting';
    const worker = port;
    return new Promise<void>((resolve) => {
      const settle = (place: 'worker' | 'page'): void => {
        clearTimeout(timer);
        worker.removeEventListener('message', onFirst);
        worker.removeEventListener('error', onFailed);
        this.current = place;
        if (place === 'worker') this.hub = new WorkerHub(worker);
        else worker.terminate();
        resolve();
      };
      const onFirst = (event: { data: unknown }): void => settle(event.data === WORKER_READY ? 'worker' : 'page');
      const onFailed = (): void => settle('page');
      const timer = setTimeout(onFailed, WORKER_START_TIMEOUT_MS);
      worker.addEventListener('message', onFirst);
      worker.addEventListener('error', onFailed);
    });
  }

  private refusal(url: string): ErrorReason | null {
    const name = this.hub?.refusalOf(url) ?? null;
    if (name === 'SecurityError') return ERROR_INSECURE_URL;
    if (name === 'SyntaxError') return ERROR_INVALID_URL;
    return null;
  }
}

/**
 * Starts the socket worker in a browser: `scratchWebSocketWorker`'s own source (worker-main.ts)
 * as a `blob:` URL, so the worker has the page's origin and its handshakes the page's `Origin`
 * header (a `data:` URL worker would send `Origin: null`). Null where the page has no Worker.
 */
export function startBlobWorker(): WorkerPort | null {
  if (typeof Worker !== 'function' || typeof Blob !== 'function' || typeof URL.createObjectURL !== 'function') return null;
  const source =
    // The worker's program is the function scratchWebSocketWorker, as readable as the rest of
    // this file: its own source text, called with the worker's global. No eval, nothing fetched.
    `"use strict";\n(${scratchWebSocketWorker.toString()})(self);\n`;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url, { name: 'scratch-websocket' });
  // The URL is needed until the worker's script has been fetched: until its first word or its failure.
  const revoke = (): void => {
    worker.removeEventListener('message', revoke);
    worker.removeEventListener('error', revoke);
    URL.revokeObjectURL(url);
  };
  worker.addEventListener('message', revoke);
  worker.addEventListener('error', revoke);
  return worker as unknown as WorkerPort;
}
