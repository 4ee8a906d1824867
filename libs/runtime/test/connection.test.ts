import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { WebSocketLike } from '../src/index.js';
import type { Connection } from '../src/connection.js';
import type { ConnectionListener } from '../src/connection-context.js';
import { HatRunner } from '../src/hat-runner.js';
import { Bindings } from '../src/bindings.js';
import { Session } from '../src/session.js';
import { Sprite } from '../src/sprite.js';
import { resolveTiming } from '../src/timing.js';
import { closeAtServer, MemoryHost, type MemoryThread, receive, target, TestServer, type TestTarget, within } from '@scratch-websocket/test-support';
import { clientReceives, HATS } from './support/runtime.js';

type TestConnection = Connection<TestTarget, MemoryThread>;

let server: TestServer;
let host: MemoryHost;
let told: { event: 'waiting' | 'ended' | 'due' | 'retry'; connection?: TestConnection }[];
/** The sprite of the latest `newConnection()`: its queue and its frame step. */
let sprite: Sprite<TestTarget, MemoryThread>;
let sockets: WebSocket[];

const listener: ConnectionListener<TestConnection> = {
  ended: (connection) => told.push({ event: 'ended', connection }),
  due: (connection) => told.push({ event: 'due', connection }),
  retry: (connection) => told.push({ event: 'retry', connection }),
};

beforeEach(async () => {
  server = await TestServer.start();
  host = new MemoryHost();
  told = [];
  sockets = [];
});

afterEach(async () => {
  // Sockets closed here must not report into the next test: wait for each to be done.
  for (const socket of sockets) socket.terminate();
  await Promise.all(sockets.map(socketClosed));
  await server.close();
});

function newConnection(): TestConnection {
  const context = { hats: new HatRunner(host, HATS), timing: resolveTiming(undefined), listener, failedBeforeOpen: () => 'connection failed' as const };
  // A sprite of its own, as the runtime makes; the frame hook is the test's: being woken is told as 'waiting'.
  sprite = new Sprite<TestTarget, MemoryThread>(target('sprite'), context, new Bindings(), () => told.push({ event: 'waiting' }));
  return sprite.connect(new Session('', '', []));
}

/** A connection attached to a fresh `ws` client socket to the test server. */
function attached(connection = newConnection()) {
  const socket = new WebSocket(server.url);
  sockets.push(socket);
  connection.attach(socket as unknown as WebSocketLike);
  return { connection, socket };
}

async function opened() {
  const { connection, socket } = attached();
  await within(connection.settled, 'the connection to settle');
  const atServer = await server.nextConnection();
  return { connection, socket, atServer };
}

function socketClosed(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return within(new Promise((resolve) => socket.once('close', () => resolve())), 'the client socket to close');
}

describe('Connection', () => {
  it('starts connecting, with nothing to report', () => {
    const connection = newConnection();
    expect(connection.state).toBe('connecting');
    expect(sprite.inbox.data).toBe('');
    expect(connection.reported.closeCode).toBe(0);
    expect(connection.reported.closeMessage).toBe('');
    expect(connection.reported.errorMessage).toBe('');
    expect(connection.isClosable()).toBe(true);
    expect(connection.hasEnded()).toBe(false);
  });

  it('opens when its socket opens: settles, runs `when connected` once, sends what was kept', async () => {
    const { connection } = attached();
    connection.send('kept 1');
    connection.send('kept 2');
    const atServer = await server.nextConnection();
    const got = receive(atServer, 2);
    await within(connection.settled, 'the connection to settle');
    expect(connection.state).toBe('open');
    expect(host.startsOf(HATS.open)).toHaveLength(1);
    expect(await got).toEqual(['kept 1', 'kept 2']);
  });

  it('hands a message to the hat at once when idle, and queues the next while its thread runs', async () => {
    host.setLifetime(HATS.message, 'manual');
    const { connection, socket, atServer } = await opened();
    const arrived = clientReceives(socket, 2);
    atServer.send('first');
    atServer.send('second');
    await arrived;
    expect(sprite.inbox.data).toBe('first');
    expect(connection.needsFrames()).toBe(true);
    expect(told.map((t) => t.event)).toEqual(['waiting']);
    sprite.deliverNext();
    expect(sprite.inbox.data).toBe('first');
    host.activeThreads(HATS.message, connection.target)[0]!.finish();
    sprite.deliverNext();
    expect(sprite.inbox.data).toBe('second');
    expect(connection.needsFrames()).toBe(false);
  });

  it('ends closed with the server\'s code and reason, runs the close hat and tells the runtime', async () => {
    host.setLifetime(HATS.open, 'manual');
    const { connection, socket, atServer } = await opened();
    const openThread = host.activeThreads(HATS.open, connection.target)[0]!;
    const hat = host.nextHat(HATS.close);
    atServer.close(4001, 'bye');
    await hat;
    expect(connection.state).toBe('closed');
    expect(connection.reported.closeCode).toBe(4001);
    expect(connection.reported.closeMessage).toBe('bye');
    expect(connection.hasEnded()).toBe(true);
    expect(openThread.status).toBe('stopped');
    expect(told).toEqual([{ event: 'ended', connection }]);
    await socketClosed(socket);
  });

  it('moves to closing on a close request, and to closed when the close completes', async () => {
    const { connection, atServer } = await opened();
    const seen = closeAtServer(atServer);
    const hat = host.nextHat(HATS.close);
    connection.requestClose(3001, 'done');
    expect(connection.state).toBe('closing');
    expect(connection.isClosable()).toBe(false);
    expect(await seen).toEqual({ code: 3001, reason: 'done' });
    await hat;
    expect(connection.state).toBe('closed');
    expect(connection.reported.closeCode).toBe(3001);
    connection.requestClose(3002, 'again');
    expect(host.startsOf(HATS.close)).toHaveLength(1);
  });

  it('closes at once on a close request before it has a socket (permission still pending)', () => {
    const connection = newConnection();
    connection.send('never sent');
    connection.requestClose(1000, '');
    expect(connection.state).toBe('closed');
    expect(connection.reported.closeCode).toBe(1000);
    expect(host.startsOf(HATS.close)).toHaveLength(1);
  });

  it('fails into the error state once, with its reason, and closes a socket still open', async () => {
    const { connection, socket, atServer } = await opened();
    const seen = closeAtServer(atServer);
    connection.fail('connection lost');
    connection.fail('connection failed');
    expect(connection.state).toBe('errored');
    expect(connection.reported.errorMessage).toBe('connection lost');
    expect(host.startsOf(HATS.error)).toHaveLength(1);
    await seen;
    await socketClosed(socket);
    expect(host.startsOf(HATS.close)).toHaveLength(0);
    expect(connection.state).toBe('errored');
  });

  it('fails with `connection failed` when the server is down', async () => {
    const url = server.url;
    await server.close();
    const connection = newConnection();
    const socket = new WebSocket(url);
    connection.attach(socket as unknown as WebSocketLike);
    await within(connection.settled, 'the connection to settle');
    await socketClosed(socket);
    expect(connection.state).toBe('errored');
    expect(connection.reported.errorMessage).toBe('connection failed');
    server = await TestServer.start();
  });

  it('closes quietly: no hat, `when connected` threads stopped, queued messages dropped', async () => {
    host.setLifetime(HATS.open, 'manual');
    host.setLifetime(HATS.message, 'manual');
    const { connection, socket, atServer } = await opened();
    const openThread = host.activeThreads(HATS.open, connection.target)[0]!;
    const arrived = clientReceives(socket, 2);
    atServer.send('one');
    atServer.send('two');
    await arrived;
    const seen = closeAtServer(atServer);
    connection.closeQuietly();
    expect(connection.state).toBe('closed');
    expect(connection.needsFrames()).toBe(false);
    expect(openThread.status).toBe('stopped');
    await seen;
    await socketClosed(socket);
    expect(host.started.map((s) => s.opcode)).toEqual([HATS.open, HATS.message]);
    expect(told.map((t) => t.event)).toEqual(['waiting']);
  });

  it('holds a server close behind queued messages: still open until they are handled, then closed with its hat', async () => {
    host.setLifetime(HATS.message, 'manual');
    const { connection, socket, atServer } = await opened();
    const arrived = clientReceives(socket, 2);
    atServer.send('one');
    atServer.send('two');
    atServer.close(4001, 'after two');
    await arrived;
    await socketClosed(socket);
    expect(connection.state).toBe('open');
    expect(connection.needsFrames()).toBe(true);
    host.activeThreads(HATS.message, connection.target)[0]!.finish();
    sprite.deliverNext();
    expect(sprite.inbox.data).toBe('two');
    expect(connection.state).toBe('open');
    host.activeThreads(HATS.message, connection.target)[0]!.finish();
    sprite.deliverNext();
    expect(connection.state).toBe('closed');
    expect(connection.reported.closeCode).toBe(4001);
    expect(connection.needsFrames()).toBe(false);
    expect(host.startsOf(HATS.close)).toHaveLength(1);
  });

  it('stops on the stop sign without a hat: open reads closed 1005, keeping its data', async () => {
    const { connection, socket, atServer } = await opened();
    const hat = host.nextHat(HATS.message);
    atServer.send('kept');
    await hat;
    connection.stop();
    expect(connection.state).toBe('closed');
    expect(connection.reported.closeCode).toBe(1005);
    expect(sprite.inbox.data).toBe('kept');
    await socketClosed(socket);
    expect(host.startsOf(HATS.close)).toHaveLength(0);
  });

  it('stops on the stop sign without a hat: still connecting reads errored `stopped`', () => {
    const connection = newConnection();
    connection.stop();
    expect(connection.state).toBe('errored');
    expect(connection.reported.errorMessage).toBe('stopped');
    expect(host.started).toEqual([]);
  });
});
