import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { MemoryHost, sendInvalidUtf8Text, target, TestServer, within } from '@scratch-websocket/test-support';
import { HATS, TrackedWebSocket, type TestRuntime, useRuntimeAndServer } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
useRuntimeAndServer((fixture) => ({ server, host, runtime } = fixture));

function expectErroredNotClosed(sprite: object, reason: string) {
  expect(runtime.hasErrored(sprite as never)).toBe(true);
  expect(runtime.isClosed(sprite as never)).toBe(false);
  expect(runtime.isConnected(sprite as never)).toBe(false);
  expect(runtime.errorMessage(sprite as never)).toBe(reason);
  expect(host.startsOf(HATS.error, sprite as never)).toHaveLength(1);
  expect(host.startsOf(HATS.close)).toHaveLength(0);
}

describe('Errors', () => {
  it('a server that is down is an error (`connection failed`), never a close', async () => {
    const sprite = target('sprite');
    const url = server.url;
    await server.close();
    await runtime.connect(sprite, url);
    // The socket's own close event comes after the error: await it, then check again.
    const client = TrackedWebSocket.last();
    if (client.readyState !== client.CLOSED) await within(once(client, 'close'), 'the client socket to close');
    expectErroredNotClosed(sprite, 'connection failed');
    expect(runtime.connectionCount).toBe(0);
    expect(host.listenerCount).toBe(0);
  });

  it('a refused handshake is an error', async () => {
    const refusing = new WebSocketServer({ host: '127.0.0.1', port: 0, verifyClient: () => false });
    await within(new Promise((resolve) => refusing.once('listening', resolve)), 'the refusing server');
    const { port } = refusing.address() as { port: number };
    const sprite = target('sprite');
    await runtime.connect(sprite, `ws://127.0.0.1:${port}/`);
    expectErroredNotClosed(sprite, 'connection failed');
    await within(new Promise((resolve) => refusing.close(resolve)), 'the refusing server to close');
  });

  it('a connection that ends without a close frame and without an error event is closed with 1006, as the browser reports it', async () => {
    host.setLifetime(HATS.open, 'manual');
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const atServer = await server.nextConnection();
    const openThread = host.activeThreads(HATS.open, sprite)[0]!;
    const hat = host.nextHat(HATS.close);
    atServer.terminate();
    await hat;
    expect(runtime.isClosed(sprite)).toBe(true);
    expect(runtime.hasErrored(sprite)).toBe(false);
    expect(runtime.closeCode(sprite)).toBe(1006);
    expect(runtime.closeMessage(sprite)).toBe('');
    expect(runtime.errorMessage(sprite)).toBe('');
    expect(host.startsOf(HATS.close, sprite)).toHaveLength(1);
    expect(host.startsOf(HATS.error)).toHaveLength(0);
    expect(openThread.status).toBe('stopped');
  });

  it('an error event while open (a text frame with invalid UTF-8) is an error, `connection lost`, not a close', async () => {
    host.setLifetime(HATS.open, 'manual');
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const atServer = await server.nextConnection();
    const openThread = host.activeThreads(HATS.open, sprite)[0]!;
    const hat = host.nextHat(HATS.error);
    sendInvalidUtf8Text(atServer);
    await hat;
    const client = TrackedWebSocket.last();
    if (client.readyState !== client.CLOSED) await within(once(client, 'close'), 'the client socket to close');
    expectErroredNotClosed(sprite, 'connection lost');
    expect(runtime.closeCode(sprite)).toBe(0);
    expect(openThread.status).toBe('stopped');
  });

  it('stays errored, not closed, after the project closes an errored connection', async () => {
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const atServer = await server.nextConnection();
    const hat = host.nextHat(HATS.error);
    sendInvalidUtf8Text(atServer);
    await hat;
    runtime.close(sprite);
    runtime.send(sprite, 'ignored');
    expectErroredNotClosed(sprite, 'connection lost');
  });

  it('a new connect after an error starts fresh', async () => {
    const sprite = target('sprite');
    await runtime.connect(sprite, 'ftp://nowhere/');
    expect(runtime.hasErrored(sprite)).toBe(true);
    await runtime.connect(sprite, server.url);
    expect(runtime.hasErrored(sprite)).toBe(false);
    expect(runtime.errorMessage(sprite)).toBe('');
    expect(runtime.isConnected(sprite)).toBe(true);
  });
});
