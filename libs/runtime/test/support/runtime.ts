import { afterEach, beforeEach, expect } from 'vitest';
import { WebSocket } from 'ws';
import { WebSocketRuntime, type HatOpcodes, type WebSocketConstructorLike } from '../../src/index.js';
import { MemoryHost, type MemoryThread, TestServer, type TestTarget, within } from '@scratch-websocket/test-support';

export const HATS: HatOpcodes = {
  open: 'test_onOpen',
  message: 'test_onMessage',
  error: 'test_onError',
  close: 'test_onClose',
};

/** `ws`'s real client, remembering its instances so a test can await what a socket received. */
export class TrackedWebSocket extends WebSocket {
  static readonly instances: TrackedWebSocket[] = [];
  constructor(url: string) {
    super(url);
    TrackedWebSocket.instances.push(this);
  }

  static last(): TrackedWebSocket {
    const socket = TrackedWebSocket.instances.at(-1);
    if (socket === undefined) throw new Error('no client socket was opened');
    return socket;
  }
}

/** Resolves once `socket` has received `count` more messages. */
export function clientReceives(socket: WebSocket, count: number, what = `${count} message(s) at the client`): Promise<void> {
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
    }),
    what,
  );
}

export function makeRuntime(host = new MemoryHost()) {
  const runtime = new WebSocketRuntime<TestTarget, MemoryThread>({
    WebSocket: TrackedWebSocket as unknown as WebSocketConstructorLike,
    host,
    hats: HATS,
  });
  return { runtime, host };
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
  expect(() => runtime.send(who, 'x')).not.toThrow();
  expect(() => runtime.close(who)).not.toThrow();
  expect(() => runtime.closeWithCode(who, closeCode)).not.toThrow();
  expect(() => runtime.closeWithReason(who, 'x', closeCode)).not.toThrow();
}
