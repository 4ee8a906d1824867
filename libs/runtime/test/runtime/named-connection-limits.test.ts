import { describe, expect, it } from 'vitest';
import { closeAtServer, framesUntil, type MemoryHost, type MemoryThread, target, type TestServer, within } from '@scratch-websocket/test-support';
import { MAX_CONNECTIONS_PER_TARGET, MAX_ENDED_CONNECTIONS_PER_TARGET } from '../../src/index.js';
import { script, useTwoServers } from '../support/named-connections.js';
import { HATS, type TestRuntime, TrackedWebSocket } from '../support/runtime.js';

let game: TestServer;
let chat: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
const { connectAs } = useTwoServers((fixture) => ({ game, chat, host, runtime } = fixture));

describe('Several connections in one sprite: limits and endings', () => {
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
