import { describe, expect, it } from 'vitest';
import { closeAtServer, type MemoryHost, target, type TestServer } from '@scratch-websocket/test-support';
import { script, serverSends, useTwoServers } from '../support/named-connections.js';
import { HATS, type TestRuntime, TrackedWebSocket } from '../support/runtime.js';

let game: TestServer;
let chat: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
const { connectAs } = useTwoServers((fixture) => ({ game, chat, host, runtime } = fixture));

describe('Several connections in one sprite: one message queue', () => {
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
});
