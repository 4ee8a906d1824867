import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_FACETS, WebSocketRuntime, type Timing, type WebSocketConstructorLike } from '../../src/index.js';
import { closeAtServer, MemoryHost, type MemoryThread, target, TestServer, type TestTarget, within } from '@scratch-websocket/test-support';
import { CountingRuntime, HATS, TrackedWebSocket } from '../support/runtime.js';

/** Short bounds so the tests run quickly; the defaults (1 s, 20 s) take the same code path. */
const GRACE_MS = 200;
const HANDSHAKE_MS = 200;

let host: MemoryHost;
let runtime: CountingRuntime;

/**
 * A runtime with one bound shortened and the other left at its default, so a slow handshake
 * on a loaded machine never trips the test of the grace period (or the other way round).
 */
function useRuntime(timing: Partial<Timing>): void {
  beforeEach(() => {
    host = new MemoryHost();
    runtime = new CountingRuntime({
      WebSocket: TrackedWebSocket as unknown as WebSocketConstructorLike,
      host,
      hats: HATS,
      timing,
    });
  });
  afterEach(() => runtime.dispose());
}

describe('connect to gives up', () => {
  useRuntime({ handshakeTimeoutMs: HANDSHAKE_MS });
  let silent: Server;
  let accepted: Socket[];

  beforeEach(async () => {
    // Accepts the TCP connection and reads the upgrade request, but never answers it.
    accepted = [];
    silent = createServer((socket) => {
      accepted.push(socket);
      socket.resume();
    });
    silent.listen(0, '127.0.0.1');
    await within(once(silent, 'listening'), 'the silent server to listen');
  });

  afterEach(async () => {
    for (const socket of accepted) socket.destroy();
    await within(new Promise((resolve) => silent.close(resolve)), 'the silent server to close');
  });

  it('ends in the error state with `timed out` when the handshake is never answered, and drops the socket', async () => {
    const sprite = target('sprite');
    const { port } = silent.address() as { port: number };
    const dropped = within(
      new Promise<void>((resolve) => silent.once('connection', (socket) => socket.once('close', () => resolve()))),
      'the server to see the TCP connection dropped',
    );
    const hat = host.nextHat(HATS.error);
    await within(runtime.connect(sprite, `ws://127.0.0.1:${port}/`), 'connect to give up');
    await hat;
    expect(runtime.hasErrored(sprite)).toBe(true);
    expect(runtime.errorMessage(sprite)).toBe('timed out');
    expect(runtime.isConnected(sprite)).toBe(false);
    expect(runtime.isClosed(sprite)).toBe(false);
    expect(host.startsOf(HATS.error)).toHaveLength(1);
    await dropped;
    expect(runtime.connectionCount).toBe(0);
    expect(host.listenerCount).toBe(0);
  });
});

describe('a close the project asks for ends promptly', () => {
  useRuntime({ closeGracePeriodMs: GRACE_MS });
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(() => server.close());

  it('reports closed with what the project sent once the grace period is over, when the server never answers', async () => {
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const atServer = await server.nextConnection();
    atServer.pause(); // reads nothing more, so it never answers the closing handshake
    const hat = host.nextHat(HATS.close);
    runtime.closeWithReason(sprite, 'bye', 3000);
    expect(runtime.isClosed(sprite)).toBe(false);
    await hat;
    expect(runtime.isClosed(sprite)).toBe(true);
    expect(runtime.closeCode(sprite)).toBe(3000);
    expect(runtime.closeMessage(sprite)).toBe('bye');
    expect(host.startsOf(HATS.error)).toHaveLength(0);
    expect(runtime.connectionCount).toBe(0);
    // A new `connect to` right after works at once.
    await runtime.connect(sprite, server.url);
    expect(runtime.isConnected(sprite)).toBe(true);
  });

  it('reports what the server sent when it answers in time', async () => {
    const slowRuntime = new WebSocketRuntime<TestTarget, MemoryThread>({
      WebSocket: TrackedWebSocket as unknown as WebSocketConstructorLike,
      host,
      hats: HATS,
      facets: ALL_FACETS,
      timing: { closeGracePeriodMs: 60_000 },
    });
    const sprite = target('sprite');
    await slowRuntime.connect(sprite, server.url);
    const atServer = await server.nextConnection();
    // The server's own close crosses the project's: the client reports the server's frame.
    const seen = closeAtServer(atServer);
    atServer.close(4005, 'server wins');
    const hat = host.nextHat(HATS.close);
    slowRuntime.closeWithReason(sprite, 'project', 3000);
    await seen;
    await within(hat, 'the close hat');
    expect(slowRuntime.closeCode(sprite)).toBe(4005);
    expect(slowRuntime.closeMessage(sprite)).toBe('server wins');
    slowRuntime.dispose();
  });
});

describe('every ending lets go of the socket', () => {
  useRuntime({ closeGracePeriodMs: GRACE_MS });
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(() => server.close());

  it.each([
    ['the stop sign', () => host.stopAll()],
    ['a new project', () => runtime.dispose()],
    ['connect to again', (sprite: TestTarget) => void runtime.connect(sprite, server.url)],
    ['the removal of its target', (sprite: TestTarget) => host.removeTarget(sprite)],
  ])('%s drops a socket whose server never answers the close, once the grace period is over', async (_, end) => {
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const client = TrackedWebSocket.last();
    const atServer = await server.nextConnection();
    atServer.pause(); // reads nothing more, so it never answers the closing handshake
    const gone = once(client, 'close');
    end(sprite);
    // `ws` alone would hold the TCP connection for its own 30 s timer.
    await within(gone, 'the client socket to be dropped');
    expect(client.readyState).toBe(TrackedWebSocket.CLOSED);
  });
});
