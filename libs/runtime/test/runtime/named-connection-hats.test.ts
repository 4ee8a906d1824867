import { describe, expect, it } from 'vitest';
import { framesUntil, type MemoryHost, receive, target, type TestServer, within } from '@scratch-websocket/test-support';
import { script, serverSends, useTwoServers } from '../support/named-connections.js';
import { HATS, pageHasAll, type TestRuntime, type TrackedWebSocket } from '../support/runtime.js';

let game: TestServer;
let chat: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
const { connectAs } = useTwoServers((fixture) => ({ game, chat, host, runtime } = fixture));

describe('Several connections in one sprite: their hats', () => {
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
});

/** Resolves once the client socket has closed. */
function clientClosed(client: TrackedWebSocket): Promise<void> {
  return within(new Promise<void>((resolve) => client.once('close', () => resolve())).then(pageHasAll), 'the client socket to close');
}
