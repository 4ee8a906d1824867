import { describe, expect, it } from 'vitest';
import { framesUntil, type MemoryHost, receive, target, type TestServer } from '@scratch-websocket/test-support';
import { MAX_KEPT_SENDS } from '../../src/index.js';
import { useReconnectRuntime } from '../support/reconnect.js';
import { HATS, TrackedWebSocket, type TestRuntime } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
let waits: number[];
const { killServer, connectedWithReconnect, state, nextHat } = useReconnectRuntime((fixture) => ({ server, host, runtime, waits } = fixture));

describe('Automatic reconnect', () => {
  it('after the server dies: the close hat runs (1006), then reconnecting until the server is back on its port, then when connected runs again', async () => {
    const { sprite } = await connectedWithReconnect();
    const closed = nextHat(HATS.close, sprite);
    const restart = await killServer();
    await closed;
    expect(state(sprite)).toBe('reconnecting');
    expect(runtime.isConnected(sprite)).toBe(false);
    expect(runtime.isClosed(sprite)).toBe(false);
    expect(runtime.hasErrored(sprite)).toBe(false);
    expect(runtime.closeCode(sprite)).toBe(1006);
    expect(runtime.errorMessage(sprite)).toBe('');

    // Tries fail while the server is down: no hat runs for them, and the state does not flicker.
    const seen = new Set<string>();
    await framesUntil(host, () => (seen.add(state(sprite)), runtime.statistic(sprite, 'reconnect attempts') >= 3), 'three failed tries');
    expect([...seen]).toEqual(['reconnecting']);
    expect(host.startsOf(HATS.close, sprite)).toHaveLength(1);
    expect(host.startsOf(HATS.error, sprite)).toHaveLength(0);
    expect(host.startsOf(HATS.open, sprite)).toHaveLength(1);
    // The close that started the reconnect is what the reporters keep (Staying connected).
    expect(runtime.closeCode(sprite)).toBe(1006);

    await restart();
    const reopened = nextHat(HATS.open, sprite);
    await framesUntil(host, () => host.startsOf(HATS.open, sprite).length === 2, 'when connected to run again');
    await reopened;
    expect(state(sprite)).toBe('open');
    expect(runtime.isConnected(sprite)).toBe(true);
    expect(runtime.closeCode(sprite)).toBe(0);

    // The new connection works both ways.
    const atServer = await server.nextConnection();
    const message = nextHat(HATS.message, sprite);
    atServer.send('back');
    await message;
    expect(runtime.messageData(sprite)).toBe('back');
  });

  it('keeps messages sent while reconnecting and sends them in order once open, text and binary', async () => {
    const { sprite } = await connectedWithReconnect();
    const closed = nextHat(HATS.close, sprite);
    const restart = await killServer();
    await closed;
    runtime.send(sprite, 'one');
    runtime.sendBinary(sprite, 'data:,two');
    runtime.send(sprite, 'three');
    expect(runtime.statistic(sprite, 'messages sent')).toBe(0);
    await restart();
    const atServer = await server.nextConnection('the reconnect at the server');
    expect(await receive(atServer, 3)).toEqual(['one', '<binary>', 'three']);
    expect(runtime.statistic(sprite, 'messages sent')).toBe(3);
  });

  it(`keeps at most ${MAX_KEPT_SENDS} messages while reconnecting, dropping the oldest`, async () => {
    const { sprite } = await connectedWithReconnect();
    const closed = nextHat(HATS.close, sprite);
    const restart = await killServer();
    await closed;
    const extra = 5;
    for (let i = 0; i < MAX_KEPT_SENDS + extra; i += 1) runtime.send(sprite, `m${i}`);
    await restart();
    const atServer = await server.nextConnection('the reconnect at the server');
    const got = await receive(atServer, MAX_KEPT_SENDS);
    expect(got[0]).toBe(`m${extra}`);
    expect(got.at(-1)).toBe(`m${MAX_KEPT_SENDS + extra - 1}`);
  });

  it.each([1001, 1011, 1012, 1013, 1014])('reconnects after the server closes with %i, showing that close while reconnecting', async (code) => {
    const { sprite, atServer } = await connectedWithReconnect();
    const closed = nextHat(HATS.close, sprite);
    atServer.close(code, 'restarting');
    await closed;
    expect(state(sprite)).toBe('reconnecting');
    expect(runtime.closeCode(sprite)).toBe(code);
    expect(runtime.closeMessage(sprite)).toBe('restarting');
    expect(runtime.isClosed(sprite)).toBe(false);
    await server.nextConnection('the reconnect at the server');
    await framesUntil(host, () => state(sprite) === 'open', 'the reconnect to open');
    expect(host.startsOf(HATS.open, sprite)).toHaveLength(2);
    expect(runtime.closeCode(sprite)).toBe(0);
  });

  it('reconnects to the same URL with the same protocols', async () => {
    const sprite = target('sprite');
    runtime.setAutoReconnect(sprite, 'on');
    await runtime.connectWithProtocols(sprite, server.url, 'chat, superchat');
    const atServer = await server.nextConnection();
    expect(runtime.protocol(sprite)).toBe('chat');
    const before = TrackedWebSocket.instances.length;
    atServer.close(1001);
    await server.nextConnection('the reconnect at the server');
    await framesUntil(host, () => state(sprite) === 'open', 'the reconnect to open');
    expect(TrackedWebSocket.instances.length).toBe(before + 1);
    expect(TrackedWebSocket.instances.at(-1)!.url).toBe(server.url);
    expect(TrackedWebSocket.protocolArguments.at(-1)).toEqual(['chat', 'superchat']);
    expect(runtime.protocol(sprite)).toBe('chat');
  });

  it.each([1000, 1008, 3000, 4000, 4999])('does not reconnect after the server closes with %i', async (code) => {
    const { sprite, atServer } = await connectedWithReconnect();
    const closed = nextHat(HATS.close, sprite);
    atServer.close(code);
    await closed;
    expect(state(sprite)).toBe('closed');
    expect(runtime.connectionCount).toBe(0);
    expect(waits).toEqual([]);
  });

  it('does not reconnect after a close the project asked for', async () => {
    const { sprite } = await connectedWithReconnect();
    const closed = nextHat(HATS.close, sprite);
    runtime.closeWithCode(sprite, 1000);
    await closed;
    expect(state(sprite)).toBe('closed');
    expect(runtime.connectionCount).toBe(0);
    expect(waits).toEqual([]);
  });

  it('does not reconnect after an invalid URL or a denied permission', async () => {
    const sprite = target('sprite');
    runtime.setAutoReconnect(sprite, 'on');
    await runtime.connect(sprite, 'no such scheme://x');
    expect(state(sprite)).toBe('errored');
    host.permission = () => false;
    await runtime.connect(sprite, server.url);
    expect(runtime.errorMessage(sprite)).toBe('permission denied');
    expect(state(sprite)).toBe('errored');
    expect(runtime.connectionCount).toBe(0);
    expect(waits).toEqual([]);
  });

  it('the stop sign turns it off even while nothing is connected', async () => {
    const sprite = target('sprite');
    runtime.setAutoReconnect(sprite, 'on');
    // Heard with nothing connected: the setting alone keeps the runtime listening.
    expect(host.listenerCount).toBe(4);
    host.stopAll();
    expect(host.listenerCount).toBe(0);
    await runtime.connect(sprite, server.url);
    const atServer = await server.nextConnection();
    const closed = nextHat(HATS.close, sprite);
    atServer.close(1012);
    await closed;
    expect(state(sprite)).toBe('closed');
    expect(waits).toEqual([]);
  });

  it('is off unless set, and stays set across connect to', async () => {
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    await server.nextConnection();
    const closed = nextHat(HATS.close, sprite);
    server.sockets.at(-1)!.terminate();
    await closed;
    expect(state(sprite)).toBe('closed');

    runtime.setAutoReconnect(sprite, ' ON ');
    await runtime.connect(sprite, server.url);
    await runtime.connect(sprite, server.url);
    const atServer = server.sockets.at(-1)!;
    const closedAgain = nextHat(HATS.close, sprite);
    atServer.terminate();
    await closedAgain;
    expect(state(sprite)).toBe('reconnecting');
  });

  it('reconnects after a first connect to a server that is not up yet, once it is', async () => {
    const url = server.url;
    const restart = await killServer();
    const sprite = target('sprite');
    runtime.setAutoReconnect(sprite, 'on');
    await runtime.connect(sprite, url);
    expect(host.startsOf(HATS.error, sprite)).toHaveLength(1);
    expect(state(sprite)).toBe('reconnecting');
    await restart();
    await framesUntil(host, () => state(sprite) === 'open', 'the reconnect to open');
    expect(host.startsOf(HATS.open, sprite)).toHaveLength(1);
  });

  it('waits longer after each failed try (attempt 0, 1, 2 …) and starts from 0 again after an open', async () => {
    const { sprite } = await connectedWithReconnect();
    const closed = nextHat(HATS.close, sprite);
    const restart = await killServer();
    await closed;
    await framesUntil(host, () => waits.length >= 4, 'four waits');
    expect(waits.slice(0, 4)).toEqual([0, 1, 2, 3]);
    await restart();
    await framesUntil(host, () => state(sprite) === 'open', 'the reconnect to open');
    const closedAgain = nextHat(HATS.close, sprite);
    const before = waits.length;
    (await server.nextConnection()).terminate();
    await closedAgain;
    expect(waits[before]).toBe(0);
  });

  it('counts tries in reconnect attempts and keeps the other statistics across a reconnect', async () => {
    const { sprite, atServer } = await connectedWithReconnect();
    const message = nextHat(HATS.message, sprite);
    atServer.send('before');
    await message;
    atServer.close(1012);
    // The message thread holds the close back until it finishes: frames run it.
    await framesUntil(host, () => host.startsOf(HATS.close, sprite).length === 1, 'the close hat');
    await framesUntil(host, () => state(sprite) === 'open', 'the reconnect to open');
    expect(runtime.statistic(sprite, 'reconnect attempts')).toBe(1);
    expect(runtime.statistic(sprite, 'messages received')).toBe(1);
    expect(runtime.messageData(sprite)).toBe('before');
  });
});
