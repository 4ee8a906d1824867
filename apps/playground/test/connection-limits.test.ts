import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { HOST, startPlayground, type RunningPlayground } from './support/playground.js';
import { within } from '@scratch-websocket/test-support';
import { closeClient, openClient, recordMessages } from './support/ws-client.js';

let running: RunningPlayground | undefined;
const clients: WebSocket[] = [];
const tcpSockets: Socket[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map(closeClient));
  for (const socket of tcpSockets.splice(0)) socket.destroy();
  await running?.close();
  running = undefined;
});

/** A TCP connection that sends nothing; `ended` resolves with what the server sent before closing. */
async function silentSocket(port: number): Promise<{ socket: Socket; ended: Promise<string> }> {
  const socket = connect(port, HOST);
  tcpSockets.push(socket);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => {});
  const ended = once(socket, 'close').then(() => Buffer.concat(chunks).toString('latin1'));
  await within(once(socket, 'connect'), 'the silent socket to connect');
  return { socket, ended };
}

describe('the request timeout', () => {
  it('answers 408 and closes a socket that sends nothing, and leaves open WebSockets alone', async () => {
    running = await startPlayground({ requestTimeoutMs: 300 });
    const webSocket = await openClient(`${running.wsBase}/echo`);
    clients.push(webSocket);
    const idle = await silentSocket(running.port);
    const answer = await within(idle.ended, 'the idle socket to be closed', 10_000);
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');

    // The WebSocket opened before the idle socket and has been quiet as long: still served.
    const messages = recordMessages(webSocket, 'the WebSocket after the timeout');
    webSocket.send('still open');
    expect((await messages.next()).data.toString()).toBe('still open');
  });

  it('also closes a socket that sent only part of a request', async () => {
    running = await startPlayground({ requestTimeoutMs: 300 });
    const partial = await silentSocket(running.port);
    partial.socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const answer = await within(partial.ended, 'the partial request to be cut', 10_000);
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
  });
});

describe('the connection limit', () => {
  it('closes connections past the limit at once, logs each, and serves again once one leaves', async () => {
    running = await startPlayground({ maxConnections: 2 });
    const first = await openClient(`${running.wsBase}/echo`);
    const second = await openClient(`${running.wsBase}/broadcast`);
    clients.push(first, second);

    const excess = await silentSocket(running.port);
    await within(excess.ended, 'the excess connection to be closed');
    await running.log.waitFor('refused a connection: 2 open already (--max-connections 2)');

    await closeClient(first);
    await running.log.waitFor('close /echo #1 code 1000 (1 open)');
    const third = await openClient(`${running.wsBase}/echo`);
    clients.push(third);
    const messages = recordMessages(third, 'the client after one left');
    third.send('room again');
    expect((await messages.next()).data.toString()).toBe('room again');
  });
});
