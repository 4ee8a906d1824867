import { describe, expect, it, vi } from 'vitest';
import { closeAtServer, MemoryHost, target, TestServer } from '@scratch-websocket/test-support';
import { connectSprite, clientReceives, HATS, TrackedWebSocket, type TestRuntime, useRuntimeAndServer } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
useRuntimeAndServer((fixture) => ({ server, host, runtime } = fixture));

const connected = (name: string) => connectSprite({ runtime, server }, name);

const hatsAfterOpen = () => host.started.filter((s) => s.opcode !== HATS.open);

describe('Lifetime', () => {
  it('the stop sign closes every connection, with no hats', async () => {
    const a = await connected('a');
    const b = await connected('b');
    const closes = Promise.all([closeAtServer(a.atServer), closeAtServer(b.atServer)]);
    host.stopAll();
    await closes;
    expect(hatsAfterOpen()).toEqual([]);
    expect(runtime.isConnected(a.sprite)).toBe(false);
    expect(runtime.connectionCount).toBe(0);
    expect(host.listenerCount).toBe(0);
  });

  it('the stop sign also closes a connection still connecting, with no hats', async () => {
    const sprite = target('sprite');
    const connecting = runtime.connect(sprite, server.url);
    host.stopAll();
    await connecting;
    const client = TrackedWebSocket.last();
    if (client.readyState !== client.CLOSED) await new Promise((resolve) => client.once('close', resolve));
    expect(host.started).toEqual([]);
    // As the gallery extension, whose socket errors when closed before it opens (CONTRACT.md, Reporter values).
    expect(runtime.hasErrored(sprite)).toBe(true);
    expect(host.listenerCount).toBe(0);
  });

  it('a removed target closes only its own connection, with no hats', async () => {
    const clone = await connected('clone');
    const sprite = await connected('sprite');
    const closed = closeAtServer(clone.atServer);
    host.removeTarget(clone.sprite);
    await closed;
    expect(hatsAfterOpen()).toEqual([]);
    expect(runtime.isConnected(sprite.sprite)).toBe(true);
    expect(runtime.connectionCount).toBe(1);
    expect(server.openCount).toBe(1);
  });

  it('a project change closes every connection quietly and forgets them', async () => {
    const a = await connected('a');
    const closed = closeAtServer(a.atServer);
    host.changeProject();
    await closed;
    expect(hatsAfterOpen()).toEqual([]);
    expect(runtime.messageData(a.sprite)).toBe('');
    expect(host.listenerCount).toBe(0);
  });

  it('drops queued messages of a stopped connection', async () => {
    host.setLifetime(HATS.message, 'manual');
    const a = await connected('a');
    const arrived = clientReceives(TrackedWebSocket.last(), 3);
    for (const text of ['1', '2', '3']) a.atServer.send(text);
    await arrived;
    host.stopAll();
    host.frames(5);
    expect(host.startsOf(HATS.message)).toHaveLength(1);
  });

  it('holds no host listener while there is no connection, and one set while there is', async () => {
    expect(host.listenerCount).toBe(0);
    const a = await connected('a');
    const b = await connected('b');
    expect(host.listenerCount).toBe(4);
    const closed = host.nextHat(HATS.close);
    runtime.close(a.sprite);
    await closed;
    expect(host.listenerCount).toBe(4);
    const closedB = host.nextHat(HATS.close);
    runtime.close(b.sprite);
    await closedB;
    expect(host.listenerCount).toBe(0);
  });

  it('a host whose startHats throws does not make a block throw: the failure is reported', async () => {
    const sprite = target('sprite');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      host.startHats = () => {
        throw new Error('VM broke');
      };
      await expect(runtime.connect(sprite, server.url)).resolves.toBeUndefined();
      expect(runtime.isConnected(sprite)).toBe(true);
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });
});
