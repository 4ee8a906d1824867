import { describe, expect, it } from 'vitest';
import { framesUntil, MemoryHost, MemoryThread, target, TestServer, within } from '@scratch-websocket/test-support';
import { HATS, type TestRuntime, useRuntimeAndServer } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
useRuntimeAndServer((fixture) => ({ server, host, runtime } = fixture));

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

/** Resolves once the server has no open connection left. */
async function serverDrained() {
  if (server.openCount === 0) return;
  await within(
    new Promise<void>((resolve) => {
      const check = () => {
        if (server.openCount > 0) return;
        for (const socket of server.sockets) socket.off('close', check);
        resolve();
      };
      for (const socket of server.wss.clients) socket.on('close', check);
    }),
    'the server to see every connection close',
    10_000,
  );
}

describe('Lifetime: nothing leaks', () => {
  it('1,000 connect/close cycles leave no host listener, timer, registry entry or open socket', async () => {
    const timersBefore = timers();
    const sprite = target('sprite');
    for (let i = 0; i < 1000; i += 1) {
      await runtime.connect(sprite, server.url);
      const closed = host.nextHat(HATS.close);
      if (i % 2 === 0) runtime.close(sprite);
      else runtime.closeWithReason(sprite, 'cycle', 4000);
      await closed;
    }
    await serverDrained();
    expect(host.startsOf(HATS.close)).toHaveLength(1000);
    expect(host.startsOf(HATS.error)).toHaveLength(0);
    expect(host.listenerCount).toBe(0);
    expect(runtime.connectionCount).toBe(0);
    expect(server.openCount).toBe(0);
    expect(timers()).toBeLessThanOrEqual(timersBefore);
  });

  it('1,000 cycles over 10 connection names (connect, exchange, close) leave no host listener, timer, registry entry or open socket', async () => {
    const timersBefore = timers();
    const sprite = target('sprite');
    server.wss.on('connection', (socket) => socket.on('message', (data) => socket.send(String(data))));
    const names = Array.from({ length: 10 }, (_, i) => `name ${i}`);
    let cycles = 0;
    for (let round = 0; round < 100; round += 1) {
      // A new script per round, as a green flag script would be: bindings must not carry over.
      const threads = names.map((name) => {
        const thread = new MemoryThread('green flag', sprite, Infinity);
        runtime.useConnection(sprite, name, thread);
        return thread;
      });
      await Promise.all(threads.map((thread) => runtime.connect(sprite, server.url, thread)));
      const echoed = host.startsOf(HATS.message).length + names.length;
      threads.forEach((thread, i) => runtime.send(sprite, `ping ${i}`, thread));
      await framesUntil(host, () => host.startsOf(HATS.message).length === echoed, 'every echo to reach its message hat');
      const closed = host.startsOf(HATS.close).length + names.length;
      threads.forEach((thread, i) => (i % 2 === 0 ? runtime.close(sprite, thread) : runtime.closeWithReason(sprite, 'cycle', 4000, thread)));
      await framesUntil(host, () => host.startsOf(HATS.close).length === closed && host.threads.length === 0, 'every close hat to run');
      cycles += names.length;
    }
    await serverDrained();
    expect(cycles).toBe(1000);
    expect(host.startsOf(HATS.message)).toHaveLength(1000);
    expect(host.startsOf(HATS.close)).toHaveLength(1000);
    expect(host.startsOf(HATS.error)).toHaveLength(0);
    expect(host.listenerCount).toBe(0);
    expect(runtime.connectionCount).toBe(0);
    expect(server.openCount).toBe(0);
    expect(timers()).toBeLessThanOrEqual(timersBefore);
  });

  it('300 clones that connect and are removed leave nothing behind', async () => {
    const clones = Array.from({ length: 300 }, (_, i) => target(`clone ${i}`));
    for (const clone of clones) await runtime.connect(clone, server.url);
    expect(runtime.connectionCount).toBe(300);
    expect(host.listenerCount).toBe(4);
    for (const clone of clones) host.removeTarget(clone);
    await serverDrained();
    expect(host.started.filter((s) => s.opcode !== HATS.open)).toEqual([]);
    expect(host.listenerCount).toBe(0);
    expect(runtime.connectionCount).toBe(0);
  });

  it('replacing a connection 200 times keeps one registry entry and one open socket', async () => {
    const sprite = target('sprite');
    for (let i = 0; i < 200; i += 1) await runtime.connect(sprite, server.url);
    expect(runtime.connectionCount).toBe(1);
    expect(host.listenerCount).toBe(4);
    runtime.dispose();
    await serverDrained();
    expect(host.listenerCount).toBe(0);
    expect(runtime.connectionCount).toBe(0);
  });
});
