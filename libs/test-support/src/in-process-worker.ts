import { MessageChannel, type MessagePort } from 'node:worker_threads';

/**
 * Which way the Node suites open sockets (issue 22), from `SCRATCH_WS_WORKER`: `on` runs the
 * runtime's socket worker program in process (`inProcessWorker`), so every socket crosses a real
 * message channel as in the browser; anything else gives the runtime `ws`'s class directly, as
 * a host without workers does. The end-to-end suite reads the same variable (`off` forbids
 * the page's workers by Content-Security-Policy).
 */
export function workerPathRequested(): boolean {
  return process.env['SCRATCH_WS_WORKER'] === 'on';
}

/**
 * Whether `SCRATCH_WS_WORKER=off` forces the page's own sockets in the end-to-end suite: its
 * harness page is then served with a Content-Security-Policy that forbids workers, the case
 * the extension must fall back from in the wild.
 */
export function workerPathForcedOff(): boolean {
  return process.env['SCRATCH_WS_WORKER'] === 'off';
}

/** The worker's global scope as the runtime's worker program uses it. */
interface Scope {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  setTimeout(callback: () => void, ms: number): unknown;
  WebSocket: unknown;
}

/** What the page side needs of a worker: the runtime's `WorkerPort`. */
export interface InProcessWorker {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  addEventListener(type: string, listener: (event: any) => void): void;
  removeEventListener(type: string, listener: (event: any) => void): void;
  terminate(): void;
}

/**
 * Runs `main` (the runtime's `scratchWebSocketWorker`) as if in a worker, with `WebSocket` as its
 * WebSocket class, behind a `MessageChannel`: both ends structured-clone what they post, as a
 * Worker's port does, and the program runs in its own turns of the event loop.
 */
export function inProcessWorker(main: (scope: never) => void, WebSocket: unknown): InProcessWorker {
  const { port1: page, port2: worker } = new MessageChannel();
  // Neither end keeps the test process alive.
  page.unref();
  worker.unref();
  const scope: Scope = {
    // `ws` may hand a message's ArrayBuffer out of a buffer it shares, which a transfer would
    // take from it; a browser's is the message's own. So here the worker's posts copy.
    postMessage: (message) => worker.postMessage(message),
    addEventListener: (type, listener) => listen(worker, type, listener),
    setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
    WebSocket,
  };
  main(scope as never);
  return {
    postMessage: (message, transfer) => page.postMessage(message, transfer ?? []),
    addEventListener: (type, listener) => listen(page, type, listener),
    removeEventListener: (type, listener) => page.removeEventListener(type, listener),
    terminate: () => {
      page.close();
      worker.close();
    },
  };
}

/** Node's MessagePort delivers to `addEventListener` only once started. */
function listen(port: MessagePort, type: string, listener: (event: any) => void): void {
  port.addEventListener(type, listener);
  port.start();
}
