import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { framesUntil, MemoryHost, target, TestServer, within } from '@scratch-websocket/test-support';
import { HATS, makeRuntime, TrackedWebSocket, type TestRuntime } from '../support/runtime.js';

let host: MemoryHost;
let runtime: TestRuntime;
/** Accepts TCP connections and reads the upgrade request, but never answers: handshakes stay open. */
let silent: Server | null;
let accepted: Socket[];

beforeEach(() => {
  ({ host, runtime } = makeRuntime(new MemoryHost(), () => 2));
  silent = null;
  accepted = [];
});

afterEach(async () => {
  runtime.dispose();
  for (const socket of accepted) socket.destroy();
  const server = silent;
  if (server !== null) await within(new Promise((resolve) => server.close(resolve)), 'the silent server to close');
});

async function listenSilently(port = 0): Promise<string> {
  const server = createServer((socket) => {
    accepted.push(socket);
    socket.resume();
  });
  silent = server;
  server.listen(port, '127.0.0.1');
  await within(once(server, 'listening'), 'the silent server to listen');
  return `ws://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe('A close block while the handshake is under way', () => {
  it('closes with the code and reason the project gave (no close frame came back), and the close hat runs', async () => {
    const sprite = target('sprite');
    const url = await listenSilently();
    const connected = runtime.connect(sprite, url);
    await framesUntil(host, () => accepted.length === 1, 'the handshake to reach the server');
    runtime.closeWithReason(sprite, 'bye', 3001);
    await within(connected, 'connect to to continue');
    await framesUntil(host, () => runtime.connectionState(sprite) === 'closed', 'the close');
    expect(runtime.closeCode(sprite)).toBe(3001);
    expect(runtime.closeMessage(sprite)).toBe('bye');
    expect(host.startsOf(HATS.close, sprite)).toHaveLength(1);
    expect(runtime.connectionCount).toBe(0);
  });

  it('ends a reconnect whose try is mid-handshake: closed with the code and reason given, as while it waits', async () => {
    const sprite = target('sprite');
    const server = await TestServer.start();
    const port = server.port;
    runtime.setAutoReconnect(sprite, 'on');
    await runtime.connect(sprite, server.url);
    await server.nextConnection();
    const dropped = within(host.nextHat(HATS.close, sprite), 'the close hat (1006) of the dropped connection');
    await server.close();
    await dropped;
    // The server's port now answers TCP but never the handshake: a try stays connecting.
    const sockets = TrackedWebSocket.instances.length;
    await listenSilently(port);
    await framesUntil(host, () => accepted.length === 1 && TrackedWebSocket.instances.length > sockets, 'a try to reach the server');
    expect(runtime.connectionState(sprite)).toBe('reconnecting');
    const closed = within(host.nextHat(HATS.close, sprite), 'the close hat');
    runtime.closeWithReason(sprite, 'bye', 3001);
    await closed;
    expect(runtime.connectionState(sprite)).toBe('closed');
    expect(runtime.closeCode(sprite)).toBe(3001);
    expect(runtime.closeMessage(sprite)).toBe('bye');
    expect(runtime.connectionCount).toBe(0);
  });
});
