import { once } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { closeAtServer, MemoryHost, receive, target, TestServer, within } from '@scratch-websocket/test-support';
import { HATS, TrackedWebSocket, type TestRuntime, useRuntimeAndServer } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
useRuntimeAndServer((fixture) => ({ server, host, runtime } = fixture));

describe('Connections', () => {
  it('gives each target its own connection, even to the same server', async () => {
    const sprite = target('sprite');
    const clone = target('clone');
    await runtime.connect(sprite, server.url);
    const spriteSocket = await server.nextConnection();
    await runtime.connect(clone, server.url);
    const cloneSocket = await server.nextConnection();
    expect(server.openCount).toBe(2);

    const atSprite = receive(spriteSocket, 1);
    const atClone = receive(cloneSocket, 1);
    runtime.send(sprite, 'from sprite');
    runtime.send(clone, 'from clone');
    expect(await atSprite).toEqual(['from sprite']);
    expect(await atClone).toEqual(['from clone']);
  });

  it('waits in connect until the connection is open, so a send right after it goes out', async () => {
    const sprite = target('sprite');
    const connecting = runtime.connect(sprite, server.url);
    expect(runtime.isConnected(sprite)).toBe(false);
    await connecting;
    expect(runtime.isConnected(sprite)).toBe(true);
    const socket = await server.nextConnection();
    const got = receive(socket, 1);
    runtime.send(sprite, 'right after connect');
    expect(await got).toEqual(['right after connect']);
  });

  it('runs `when connected` once, when the connection opens', async () => {
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    expect(host.startsOf(HATS.open, sprite)).toHaveLength(1);
    host.frames(3);
    expect(host.startsOf(HATS.open, sprite)).toHaveLength(1);
  });

  it('is connected exactly while open: not before, not after a close', async () => {
    const sprite = target('sprite');
    expect(runtime.isConnected(sprite)).toBe(false);
    await runtime.connect(sprite, server.url);
    expect(runtime.isConnected(sprite)).toBe(true);
    const closeHat = host.nextHat(HATS.close);
    runtime.close(sprite);
    expect(runtime.isConnected(sprite)).toBe(false);
    await closeHat;
    expect(runtime.isConnected(sprite)).toBe(false);
  });

  it('replaces a connection quietly: old socket closed, no hat for it, all state fresh', async () => {
    const sprite = target('sprite');
    host.setLifetime(HATS.open, 'manual');
    await runtime.connect(sprite, server.url);
    const oldSocket = await server.nextConnection();
    const oldOpenThread = host.activeThreads(HATS.open, sprite)[0]!;
    oldSocket.send('old data');
    await host.nextHat(HATS.message);
    expect(runtime.messageData(sprite)).toBe('old data');

    const oldClient = TrackedWebSocket.last();
    const oldClosed = Promise.all([closeAtServer(oldSocket), within(once(oldClient, 'close'), 'the old client socket to close')]);
    await runtime.connect(sprite, server.url);
    await oldClosed;
    expect(oldOpenThread.status).toBe('stopped');
    expect(host.startsOf(HATS.close)).toHaveLength(0);
    expect(host.startsOf(HATS.error)).toHaveLength(0);
    expect(runtime.messageData(sprite)).toBe('');
    expect(runtime.closeCode(sprite)).toBe(0);
    expect(runtime.isClosed(sprite)).toBe(false);
    expect(runtime.isConnected(sprite)).toBe(true);
    expect(server.openCount).toBe(1);
  });

  it('replacing a connection that is still connecting leaves only the new one', async () => {
    const sprite = target('sprite');
    const first = runtime.connect(sprite, server.url);
    const second = runtime.connect(sprite, server.url);
    await Promise.all([first, second]);
    expect(runtime.isConnected(sprite)).toBe(true);
    expect(host.startsOf(HATS.open, sprite)).toHaveLength(1);
    expect(host.startsOf(HATS.error)).toHaveLength(0);
    expect(runtime.connectionCount).toBe(1);
  });

  it.each([
    ['a bare loopback host gets ws://', (port: number) => `127.0.0.1:${port}/`, (port: number) => `ws://127.0.0.1:${port}/`],
    ['localhost gets ws://', (port: number) => `localhost:${port}/`, (port: number) => `ws://localhost:${port}/`],
    ['http:// becomes ws://', (port: number) => `http://127.0.0.1:${port}/x`, (port: number) => `ws://127.0.0.1:${port}/x`],
    ['ws:// is used as given', (port: number) => `ws://127.0.0.1:${port}/y`, (port: number) => `ws://127.0.0.1:${port}/y`],
  ])('fixes up the URL: %s, and connects', async (_name, typed, expected) => {
    const sprite = target('sprite');
    await runtime.connect(sprite, typed(server.port));
    expect(host.askedUrls).toEqual([expected(server.port)]);
    expect(runtime.isConnected(sprite)).toBe(true);
    expect(TrackedWebSocket.last().url).toBe(expected(server.port));
  });

  it.each([['ftp://127.0.0.1/'], ['not a url at all'], ['ws://'], ['']])(
    'treats %j as an error: no socket, error hat, errorMessage `invalid URL`',
    async (url) => {
      const sprite = target('sprite');
      const sockets = TrackedWebSocket.instances.length;
      await runtime.connect(sprite, url.replace('127.0.0.1/', `127.0.0.1:${server.port}/`));
      expect(TrackedWebSocket.instances.length).toBe(sockets);
      expect(host.askedUrls).toEqual([]);
      expect(runtime.hasErrored(sprite)).toBe(true);
      expect(runtime.errorMessage(sprite)).toBe('invalid URL');
      expect(host.startsOf(HATS.error, sprite)).toHaveLength(1);
      expect(server.accepted).toBe(0);
    },
  );

  it.each([
    ['a false answer', () => false],
    ['a promise of false', () => Promise.resolve(false)],
    ['a host that throws', () => { throw new Error('no'); }],
    ['a rejected promise', () => Promise.reject(new Error('no'))],
  ])('asks permission first; %s opens no socket and is an error', async (_name, answer) => {
    const sprite = target('sprite');
    host.permission = answer as () => boolean;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await runtime.connect(sprite, server.url);
    // A host that fails is reported for developers; a plain "no" is not a failure.
    expect(warn).toHaveBeenCalledTimes(_name.includes('throws') || _name.includes('rejected') ? 1 : 0);
    warn.mockRestore();
    expect(host.askedUrls).toEqual([server.url]);
    expect(runtime.hasErrored(sprite)).toBe(true);
    expect(runtime.errorMessage(sprite)).toBe('permission denied');
    expect(host.startsOf(HATS.error, sprite)).toHaveLength(1);
    expect(server.accepted).toBe(0);
  });

  it('connects after a permission prompt that answers yes later', async () => {
    const sprite = target('sprite');
    host.permission = () => new Promise((resolve) => setImmediate(() => resolve(true)));
    await runtime.connect(sprite, server.url);
    expect(runtime.isConnected(sprite)).toBe(true);
  });

  it('lets other scripts run while connect waits: another target still gets its messages', async () => {
    const other = target('other');
    await runtime.connect(other, server.url);
    const atServer = await server.nextConnection();
    let allow: (answer: boolean) => void = () => {};
    host.permission = () => new Promise<boolean>((resolve) => (allow = resolve));
    const waiting = target('waiting');
    const connecting = runtime.connect(waiting, server.url);
    const hat = host.nextHat(HATS.message);
    atServer.send('meanwhile');
    await hat;
    host.frames(3);
    expect(runtime.messageData(other)).toBe('meanwhile');
    expect(runtime.isConnected(waiting)).toBe(false);
    allow(true);
    await connecting;
    expect(runtime.isConnected(waiting)).toBe(true);
  });
});
