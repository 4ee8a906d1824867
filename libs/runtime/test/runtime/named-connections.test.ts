import { describe, expect, it } from 'vitest';
import { closeAtServer, framesUntil, type MemoryHost, receive, target, type TestServer } from '@scratch-websocket/test-support';
import { script, useTwoServers } from '../support/named-connections.js';
import { HATS, type TestRuntime } from '../support/runtime.js';

let game: TestServer;
let chat: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
const { connectAs } = useTwoServers((fixture) => ({ game, chat, host, runtime } = fixture));

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
});
