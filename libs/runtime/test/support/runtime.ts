import { afterEach, beforeEach, expect } from 'vitest';
import { WebSocket } from 'ws';
import { OffThreadSockets, scratchWebSocketWorker, type HatOpcodes, type Host, type WebSocketConstructorLike } from '../../src/index.js';
import { inProcessWorker, MemoryHost, type MemoryThread, target, TestServer, type TestTarget, within } from '@scratch-websocket/test-support';
import { workerPathRequested } from '@scratch-websocket/test-support';

export const HATS: HatOpcodes = {
  open: 'test_onOpen',
  message: 'test_onMessage',
  error: 'test_onError',
  close: 'test_onClose',
};

/** `ws`'s real client, remembering its instances so a test can await what a socket received. */
export class TrackedWebSocket extends WebSocket {
  static readonly instances: TrackedWebSocket[] = [];
  /** The protocols each constructor call was given (undefined when called with the URL alone). */
  static readonly protocolArguments: (string[] | undefined)[] = [];
  constructor(url: string, protocols?: string[]) {
    // Called exactly as the runtime called us: with the URL alone, or with a protocol list.
    if (arguments.length > 1) super(url, protocols);
    else super(url);
    TrackedWebSocket.instances.push(this);
    TrackedWebSocket.protocolArguments.push(arguments.length > 1 ? protocols : undefined);
  }

  static last(): TrackedWebSocket {
    const socket = TrackedWebSocket.instances.at(-1);
    if (socket === undefined) throw new Error('no client socket was opened');
    return socket;
  }
}

/** Resolves once `socket` has received `count` more messages, within `ms` (large messages on a loaded machine need more than the default). */
export function clientReceives(socket: WebSocket, count: number, what = `${count} message(s) at the client`, ms?: number): Promise<void> {
  let seen = 0;
  return within(
    new Promise<void>((resolve) => {
      const onMessage = () => {
        seen += 1;
        if (seen === count) {
          socket.off('message', onMessage);
          resolve();
        }
      };
      socket.on('message', onMessage);
    }).then(pageHasAll),
    what,
    ms,
  );
}

/** Every socket worker a test runtime was given: a test that saw a client socket receive waits for the page to have it too. */
const workers = new Set<OffThreadSockets>();

/**
 * Resolves once each test runtime's page side has had every event its socket worker had seen:
 * at once on the page's own sockets, where the client socket's event is the page's event.
 */
export async function pageHasAll(): Promise<void> {
  await Promise.all([...workers].map((sockets) => sockets.roundTrip()));
}

export { CountingRuntime } from './counting-runtime.js';
import { CountingRuntime } from './counting-runtime.js';

/**
 * A runtime on `host`. `reconnectDelay` replaces automatic reconnect's backoff (tests use a
 * few ms, so no test waits the real 1–30 s).
 */
export function makeRuntime(host = new MemoryHost(), reconnectDelay?: (attempt: number) => number) {
  const runtime = new CountingRuntime({
    ...socketsUnderTest(host),
    hats: HATS,
    ...(reconnectDelay === undefined ? {} : { reconnectDelay }),
  });
  return { runtime, host };
}

/**
 * The WebSocket class and host a test runtime is given: `TrackedWebSocket` itself, or, with
 * `SCRATCH_WS_WORKER=on`, sockets opened by the socket worker program (run in process, with
 * `TrackedWebSocket` as its WebSocket class, so tests still see the real client sockets).
 */
export function socketsUnderTest<Target extends object, Thread>(host: Host<Target, Thread>): { WebSocket: WebSocketConstructorLike; host: Host<Target, Thread> } {
  if (!workerPathRequested()) return { WebSocket: TrackedWebSocket as unknown as WebSocketConstructorLike, host };
  const sockets = new OffThreadSockets({
    pageWebSocket: TrackedWebSocket as unknown as WebSocketConstructorLike,
    startWorker: () => inProcessWorker(scratchWebSocketWorker, TrackedWebSocket as never) as never,
  });
  workers.add(sockets);
  return { WebSocket: sockets.WebSocket, host: sockets.host(host) };
}

export type TestRuntime = ReturnType<typeof makeRuntime>['runtime'];

export interface RuntimeFixture {
  server: TestServer;
  host: MemoryHost;
  runtime: TestRuntime;
}

/**
 * Before each test: a real `ws` server on 127.0.0.1 and a fresh runtime on an in-memory host,
 * handed to `use` (test files keep them in their own variables); after each test, the runtime
 * is disposed and the server closed.
 */
export function useRuntimeAndServer(use: (fixture: RuntimeFixture) => void): void {
  let fixture: RuntimeFixture | undefined;
  beforeEach(async () => {
    fixture = { server: await TestServer.start(), ...makeRuntime() };
    use(fixture);
  });
  afterEach(async () => {
    fixture?.runtime.dispose();
    await fixture?.server.close();
  });
}

/**
 * Connects a fresh target named `name` to `server` and waits until `connect to` has settled:
 * the target, the server's side of the socket, and the client socket the runtime made.
 */
export async function connectSprite(fixture: Pick<RuntimeFixture, 'runtime' | 'server'>, name = 'sprite') {
  const sprite = target(name);
  await fixture.runtime.connect(sprite, fixture.server.url);
  const atServer = await fixture.server.nextConnection();
  return { sprite, atServer, client: TrackedWebSocket.last() };
}

/**
 * Asserts that `who` reads as a target with no connection (CONTRACT.md, Reporter values: never
 * connected) and that the send and close blocks do nothing for it without throwing, closing with
 * `closeCode` (any value: the close rules turn what is not allowed into 1000).
 */
export function expectNoConnection(runtime: TestRuntime, who: never, closeCode: number): void {
  expect(runtime.isConnected(who)).toBe(false);
  expect(runtime.messageData(who)).toBe('');
  expect(runtime.hasErrored(who)).toBe(false);
  expect(runtime.isClosed(who)).toBe(false);
  expect(runtime.closeCode(who)).toBe(0);
  expect(runtime.closeMessage(who)).toBe('');
  expect(runtime.errorMessage(who)).toBe('');
  expect(runtime.connectionState(who)).toBe('none');
  expect(runtime.protocol(who)).toBe('');
  expect(runtime.isBinary(who)).toBe(false);
  expect(runtime.takeNextMessage(who)).toBe('');
  for (const stat of ['messages received', 'queued messages', 'reconnect attempts']) expect(runtime.statistic(who, stat)).toBe(0);
  expect(() => runtime.clearQueue(who)).not.toThrow();
  expect(() => runtime.setAutoReconnect(who, 'off')).not.toThrow();
  expect(() => runtime.sendBinary(who, 'data:,x')).not.toThrow();
  expect(() => runtime.send(who, 'x')).not.toThrow();
  expect(() => runtime.close(who)).not.toThrow();
  expect(() => runtime.closeWithCode(who, closeCode)).not.toThrow();
  expect(() => runtime.closeWithReason(who, 'x', closeCode)).not.toThrow();
}
