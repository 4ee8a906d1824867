import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeAtServer,
  framesUntil,
  MemoryHost,
  MemoryThread,
  receive,
  target,
  TestServer,
  type TestTarget,
  within,
} from '@scratch-websocket/test-support';
import { MAX_CONNECTIONS_PER_TARGET, MAX_ENDED_CONNECTIONS_PER_TARGET } from '../../src/index.js';
import { clientReceives, HATS, makeRuntime, pageHasAll, TrackedWebSocket, type TestRuntime } from '../support/runtime.js';

/** Two real servers: `game` and `chat` connect to different ones. */
let game: TestServer;
let chat: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;

beforeEach(async () => {
  game = await TestServer.start();
  chat = await TestServer.start();
  ({ host, runtime } = makeRuntime());
});

afterEach(async () => {
  runtime.dispose();
  await game.close();
  await chat.close();
});

/** A script's thread (say under the green flag), as the VM passes `util.thread` to each block. */
function script(of: TestTarget): MemoryThread {
  return new MemoryThread('green flag', of, Infinity);
}

/** `use connection [name]` then `connect to [url]` in one script; its thread, the client socket and the server's side. */
async function connectAs(sprite: TestTarget, name: string, server: TestServer) {
  const thread = script(sprite);
  runtime.useConnection(sprite, name, thread);
  await runtime.connect(sprite, server.url, thread);
  const atServer = await server.nextConnection(`the ${JSON.stringify(name)} connection at the server`);
  return { thread, client: TrackedWebSocket.last(), atServer };
}

/** The server sends `text` and the client has it (socket events done) when this resolves. */
async function serverSends(atServer: { send(data: string): void }, client: TrackedWebSocket, text: string) {
  const arrived = clientReceives(client, 1);
  atServer.send(text);
  await arrived;
}

describe('Several connections in one sprite', () => {
  it('holds two connections to two servers, each with its own state, sends and statistics, leaving the default alone', async () => {
    const sprite = target('sprite');
    const a = await connectAs(sprite, 'game', game);
    const b = await connectAs(sprite, 'chat', chat);
    expect(runtime.connectionCount).toBe(2);
    expect(runtime.connectionState(sprite, a.thread)).toBe('open');
    expect(runtime.connectionState(sprite, b.thread)).toBe('open');
    expect(runtime.connectionState(sprite)).toBe('none');
    expect(runtime.connectionName(sprite, a.thread)).toBe('game');
    expect(runtime.connectionName(sprite)).toBe('');

    const atGame = receive(a.atServer, 1);
    const atChat = receive(b.atServer, 2);
    runtime.send(sprite, 'move', a.thread);
    runtime.send(sprite, 'hello', b.thread);
    runtime.send(sprite, 'there', b.thread);
    runtime.send(sprite, 'to nobody');
    expect(await atGame).toEqual(['move']);
    expect(await atChat).toEqual(['hello', 'there']);
    expect(runtime.statistic(sprite, 'messages sent', a.thread)).toBe(1);
    expect(runtime.statistic(sprite, 'messages sent', b.thread)).toBe(2);
    expect(runtime.statistic(sprite, 'messages sent')).toBe(0);
  });

  it('compares names exactly: case and spaces make another connection', async () => {
    const sprite = target('sprite');
    const a = await connectAs(sprite, 'game', game);
    for (const other of ['Game', ' game', 'game ']) {
      const thread = script(sprite);
      runtime.useConnection(sprite, other, thread);
      expect(runtime.connectionState(sprite, thread)).toBe('none');
      expect(runtime.connectionName(sprite, thread)).toBe(other);
    }
    expect(runtime.connectionState(sprite, a.thread)).toBe('open');
  });

  it('replies under `when message received` on the connection the message came from', async () => {
    const sprite = target('sprite');
    host.setScript(HATS.message, (thread, of) => {
      const data = runtime.messageData(of, thread);
      const name = runtime.connectionName(of, thread);
      runtime.send(of, `${data} back on ${name} (from ${runtime.messageConnection(of, thread)})`, thread);
    });
    const a = await connectAs(sprite, 'game', game);
    const b = await connectAs(sprite, 'chat', chat);
    const atGame = receive(a.atServer, 2);
    const atChat = receive(b.atServer, 1);
    await serverSends(a.atServer, a.client, 'g1');
    await serverSends(b.atServer, b.client, 'c1');
    await serverSends(a.atServer, a.client, 'g2');
    await framesUntil(host, () => host.startsOf(HATS.message).length === 3 && host.threads.length === 0, 'three message scripts to run');
    expect(await atGame).toEqual(['g1 back on game (from game)', 'g2 back on game (from game)']);
    expect(await atChat).toEqual(['c1 back on chat (from chat)']);
  });

  it('binds the threads of open, close and error hats to the connection whose event started them', async () => {
    const sprite = target('sprite');
    const a = await connectAs(sprite, 'game', game);
    await connectAs(sprite, 'chat', chat);
    // chat's `when connected` waits for game's (still running) to finish: one frame.
    await framesUntil(host, () => host.startsOf(HATS.open, sprite).length === 2, 'both open hats');
    const opened = host.startsOf(HATS.open, sprite).map((s) => runtime.connectionName(sprite, s.thread));
    expect(opened).toEqual(['game', 'chat']);

    const closed = host.nextHat(HATS.close, sprite);
    a.atServer.close(4001, 'game over');
    const start = await within(closed, 'the close hat');
    expect(runtime.connectionName(sprite, start.thread)).toBe('game');
    expect(runtime.closeCode(sprite, start.thread)).toBe(4001);
    expect(runtime.closeMessage(sprite, start.thread)).toBe('game over');

    const thread = script(sprite);
    runtime.useConnection(sprite, 'broken', thread);
    const errored = host.nextHat(HATS.error, sprite);
    await runtime.connect(sprite, 'not a url', thread);
    const error = await within(errored, 'the error hat');
    expect(runtime.connectionName(sprite, error.thread)).toBe('broken');
    expect(runtime.errorMessage(sprite, error.thread)).toBe('invalid URL');
  });

  it('keeps state, close code and message per connection', async () => {
    const sprite = target('sprite');
    const a = await connectAs(sprite, 'game', game);
    const b = await connectAs(sprite, 'chat', chat);
    const closedAtChat = closeAtServer(b.atServer);
    runtime.closeWithReason(sprite, 'bye chat', 4002, b.thread);
    expect(await closedAtChat).toEqual({ code: 4002, reason: 'bye chat' });
    await framesUntil(host, () => runtime.isClosed(sprite, b.thread), 'chat to read closed');
    expect(runtime.closeCode(sprite, b.thread)).toBe(4002);
    expect(runtime.closeMessage(sprite, b.thread)).toBe('bye chat');
    expect(runtime.isConnected(sprite, a.thread)).toBe(true);
    expect(runtime.closeCode(sprite, a.thread)).toBe(0);

    a.atServer.close(4001, 'game over');
    await framesUntil(host, () => host.startsOf(HATS.close).length === 2, 'the game close hat');
    expect(runtime.isClosed(sprite, a.thread)).toBe(true);
    expect(runtime.closeCode(sprite, a.thread)).toBe(4001);
    expect(runtime.closeCode(sprite, b.thread)).toBe(4002);
    expect(runtime.closeCode(sprite)).toBe(0);
  });

  it("does not cut one connection's running `when closed` script short for another's close: that one waits its turn", async () => {
    const sprite = target('sprite');
    host.setLifetime(HATS.close, 'manual');
    const a = await connectAs(sprite, 'game', game);
    const b = await connectAs(sprite, 'chat', chat);
    const first = host.nextHat(HATS.close, sprite);
    a.atServer.close(4001);
    const gameClose = await within(first, 'the game close hat');
    const chatClosed = clientClosed(b.client);
    b.atServer.close(4002);
    await chatClosed;
    host.frames(3);
    expect(host.startsOf(HATS.close)).toHaveLength(1);
    expect(gameClose.thread.status).toBe('running');
    expect(runtime.isClosed(sprite, b.thread)).toBe(true);

    gameClose.thread.finish();
    host.frame();
    const starts = host.startsOf(HATS.close);
    expect(starts).toHaveLength(2);
    expect(runtime.connectionName(sprite, starts[1]!.thread)).toBe('chat');
  });

  it('starts no hat that was waiting its turn once the stop sign is clicked', async () => {
    const sprite = target('sprite');
    host.setLifetime(HATS.close, 'manual');
    const a = await connectAs(sprite, 'game', game);
    const b = await connectAs(sprite, 'chat', chat);
    const first = host.nextHat(HATS.close, sprite);
    a.atServer.close(4001);
    await within(first, 'the game close hat');
    const chatClosed = clientClosed(b.client);
    b.atServer.close(4002);
    await chatClosed;
    host.stopAll();
    host.frames(3);
    expect(host.startsOf(HATS.close)).toHaveLength(1);
    expect(runtime.connectionCount).toBe(0);
    expect(host.listenerCount).toBe(0);
  });

  it('skips a waiting `when connected` whose connection is no longer open by its turn', async () => {
    const sprite = target('sprite');
    host.setLifetime(HATS.open, 'manual');
    const a = await connectAs(sprite, 'game', game);
    const b = await connectAs(sprite, 'chat', chat);
    expect(host.startsOf(HATS.open)).toHaveLength(1);
    runtime.close(sprite, b.thread);
    await framesUntil(host, () => runtime.isClosed(sprite, b.thread), 'chat to close');
    host.finish(HATS.open, sprite);
    host.frames(2);
    expect(host.startsOf(HATS.open).map((s) => runtime.connectionName(sprite, s.thread))).toEqual(['game']);
    expect(runtime.isConnected(sprite, a.thread)).toBe(true);
  });

  it('restarts a running hat at once for the same connection name, as one connection always did', async () => {
    const sprite = target('sprite');
    host.setLifetime(HATS.close, 'manual');
    const a = await connectAs(sprite, 'game', game);
    const first = host.nextHat(HATS.close, sprite);
    a.atServer.close(4001);
    const firstClose = await within(first, 'the first close hat');
    await runtime.connect(sprite, game.url, a.thread);
    const again = await game.nextConnection();
    const second = host.nextHat(HATS.close, sprite);
    again.close(4002);
    await within(second, 'the second close hat, at once');
    expect(firstClose.thread.status).toBe('stopped');
    expect(host.startsOf(HATS.close)).toHaveLength(2);
  });

  it('shares one queue across connections in arrival order; take next message takes across them and tells where each came from', async () => {
    const sprite = target('sprite');
    host.removeScript(HATS.message);
    const a = await connectAs(sprite, 'game', game);
    const b = await connectAs(sprite, 'chat', chat);
    await serverSends(a.atServer, a.client, 'g1');
    await serverSends(b.atServer, b.client, 'c1');
    await serverSends(a.atServer, a.client, 'g2');
    expect(runtime.statistic(sprite, 'queued messages')).toBe(3);
    expect(runtime.statistic(sprite, 'queued messages', b.thread)).toBe(3);
    expect(runtime.statistic(sprite, 'messages received', a.thread)).toBe(2);
    expect(runtime.statistic(sprite, 'messages received', b.thread)).toBe(1);
    expect(runtime.messageData(sprite)).toBe('g2');
    expect(runtime.messageConnection(sprite)).toBe('game');

    const taker = script(sprite);
    const taken = [1, 2, 3].map(() => [runtime.takeNextMessage(sprite, taker), runtime.messageConnection(sprite, taker)]);
    expect(taken).toEqual([
      ['g1', 'game'],
      ['c1', 'chat'],
      ['g2', 'game'],
    ]);
    expect(runtime.connectionName(sprite, taker)).toBe('');
    expect(runtime.statistic(sprite, 'queued messages', a.thread)).toBe(0);
  });

  it("runs a connection's close hat without waiting for another connection's running message script", async () => {
    const sprite = target('sprite');
    host.setLifetime(HATS.message, 'manual');
    const a = await connectAs(sprite, 'game', game);
    const b = await connectAs(sprite, 'chat', chat);
    await framesUntil(host, () => host.startsOf(HATS.open).length === 2 && host.threads.length === 0, 'both open scripts to end');
    await serverSends(a.atServer, a.client, 'g1');
    expect(host.activeThreads(HATS.message, sprite)).toHaveLength(1);
    const closed = host.nextHat(HATS.close, sprite);
    b.atServer.close(4002);
    const start = await within(closed, "chat's close hat");
    expect(runtime.connectionName(sprite, start.thread)).toBe('chat');
    expect(host.activeThreads(HATS.message, sprite)).toHaveLength(1);
  });

  it('clears the queued messages of every connection with `clear queued messages`, and shows data per sprite', async () => {
    const sprite = target('sprite');
    host.removeScript(HATS.message);
    const a = await connectAs(sprite, 'game', game);
    const b = await connectAs(sprite, 'chat', chat);
    await serverSends(a.atServer, a.client, 'g1');
    await serverSends(b.atServer, b.client, 'c1');
    expect(runtime.messageData(sprite, a.thread)).toBe('c1');
    expect(runtime.messageConnection(sprite, a.thread)).toBe('chat');
    runtime.clearQueue(sprite, a.thread);
    expect(runtime.statistic(sprite, 'queued messages', b.thread)).toBe(0);
    expect(runtime.takeNextMessage(sprite)).toBe('');
    // A new message is kept again, counted once.
    await serverSends(b.atServer, b.client, 'c2');
    expect(runtime.statistic(sprite, 'queued messages')).toBe(1);
    expect(runtime.takeNextMessage(sprite)).toBe('c2');
  });

  it('reads `connection of received message` as "" before any message and for the default connection', async () => {
    const sprite = target('sprite');
    expect(runtime.messageConnection(sprite)).toBe('');
    await runtime.connect(sprite, game.url);
    const atServer = await game.nextConnection();
    await serverSends(atServer, TrackedWebSocket.last(), 'plain');
    expect(runtime.messageData(sprite)).toBe('plain');
    expect(runtime.messageConnection(sprite)).toBe('');
  });

  it('replaces only the named connection on `connect to`: its queued messages go, the other keeps its socket and messages', async () => {
    const sprite = target('sprite');
    host.removeScript(HATS.message);
    const a = await connectAs(sprite, 'game', game);
    const b = await connectAs(sprite, 'chat', chat);
    await serverSends(a.atServer, a.client, 'g1');
    await serverSends(b.atServer, b.client, 'c1');
    await serverSends(a.atServer, a.client, 'g2');
    await serverSends(b.atServer, b.client, 'c2');

    const oldGameClosed = closeAtServer(a.atServer);
    await runtime.connect(sprite, game.url, a.thread);
    await oldGameClosed;
    expect(b.client.readyState).toBe(TrackedWebSocket.OPEN);
    expect(runtime.isConnected(sprite, b.thread)).toBe(true);
    expect(runtime.statistic(sprite, 'queued messages')).toBe(2);
    expect(runtime.statistic(sprite, 'messages received', a.thread)).toBe(0);
    expect(runtime.statistic(sprite, 'messages received', b.thread)).toBe(2);
    expect([runtime.takeNextMessage(sprite), runtime.takeNextMessage(sprite), runtime.takeNextMessage(sprite)]).toEqual(['c1', 'c2', '']);
    expect(runtime.connectionCount).toBe(2);
  });

  it(`allows ${MAX_CONNECTIONS_PER_TARGET} live connections per sprite; one more errors with \`too many connections\` and opens no socket`, async () => {
    const sprite = target('sprite');
    const threads: MemoryThread[] = [];
    for (let i = 0; i < MAX_CONNECTIONS_PER_TARGET; i += 1) {
      const thread = script(sprite);
      runtime.useConnection(sprite, `n${i}`, thread);
      await runtime.connect(sprite, game.url, thread);
      threads.push(thread);
    }
    expect(game.accepted).toBe(MAX_CONNECTIONS_PER_TARGET);
    const socketsBefore = TrackedWebSocket.instances.length;

    const extra = script(sprite);
    runtime.useConnection(sprite, 'one too many', extra);
    const errored = host.nextHat(HATS.error, sprite);
    await runtime.connect(sprite, game.url, extra);
    const start = await within(errored, 'the error hat');
    expect(runtime.connectionState(sprite, extra)).toBe('errored');
    expect(runtime.errorMessage(sprite, extra)).toBe('too many connections');
    expect(runtime.connectionName(sprite, start.thread)).toBe('one too many');
    expect(TrackedWebSocket.instances.length).toBe(socketsBefore);
    expect(threads.every((t) => runtime.isConnected(sprite, t))).toBe(true);

    // Another sprite has a limit of its own; a name connected again at the limit replaces itself.
    const other = target('other');
    await runtime.connect(other, game.url);
    expect(runtime.isConnected(other)).toBe(true);
    await runtime.connect(sprite, chat.url, threads[0]);
    expect(runtime.isConnected(sprite, threads[0])).toBe(true);
    // Once one has closed, there is room again.
    runtime.close(sprite, threads[1]);
    await framesUntil(host, () => runtime.isClosed(sprite, threads[1]), 'n1 to close');
    await runtime.connect(sprite, game.url, extra);
    expect(runtime.isConnected(sprite, extra)).toBe(true);
  });

  it('closes every connection of the sprite at the stop sign, keeping each one readable', async () => {
    const sprite = target('sprite');
    const a = await connectAs(sprite, 'game', game);
    const b = await connectAs(sprite, 'chat', chat);
    await runtime.connect(sprite, game.url);
    const atDefault = await game.nextConnection();
    const closes = [closeAtServer(a.atServer), closeAtServer(b.atServer), closeAtServer(atDefault)];
    host.stopAll();
    await Promise.all(closes);
    expect(runtime.connectionCount).toBe(0);
    expect(host.listenerCount).toBe(0);
    for (const thread of [a.thread, b.thread, undefined]) {
      expect(runtime.connectionState(sprite, thread)).toBe('closed');
      expect(runtime.closeCode(sprite, thread)).toBe(1005);
    }
    expect(host.startsOf(HATS.close)).toHaveLength(0);
  });

  it("closes a clone's named connections when the clone is removed, and forgets them", async () => {
    const clone = target('clone');
    const a = await connectAs(clone, 'game', game);
    const b = await connectAs(clone, 'chat', chat);
    const closes = [closeAtServer(a.atServer), closeAtServer(b.atServer)];
    host.removeTarget(clone);
    await Promise.all(closes);
    expect(runtime.connectionCount).toBe(0);
    expect(host.listenerCount).toBe(0);
    expect(runtime.connectionState(clone, a.thread)).toBe('none');
  });

  it(`remembers the reporter values of at most the ${MAX_ENDED_CONNECTIONS_PER_TARGET} most recent ended connections of a sprite`, async () => {
    const sprite = target('sprite');
    const extra = 8;
    const threads: MemoryThread[] = [];
    for (let i = 0; i < MAX_ENDED_CONNECTIONS_PER_TARGET + extra; i += 1) {
      const thread = script(sprite);
      runtime.useConnection(sprite, `n${i}`, thread);
      await runtime.connect(sprite, 'not a url', thread);
      // The error script ends, so the next error hat need not wait its turn.
      host.frame();
      threads.push(thread);
    }
    await runtime.connect(sprite, game.url);
    expect(host.startsOf(HATS.error)).toHaveLength(MAX_ENDED_CONNECTIONS_PER_TARGET + extra);
    const states = threads.map((t) => runtime.connectionState(sprite, t));
    expect(states.slice(0, extra).every((s) => s === 'none')).toBe(true);
    expect(states.slice(extra).every((s) => s === 'errored')).toBe(true);
  });
});

/** Resolves once the client socket has closed. */
function clientClosed(client: TrackedWebSocket): Promise<void> {
  return within(new Promise<void>((resolve) => client.once('close', () => resolve())).then(pageHasAll), 'the client socket to close');
}
