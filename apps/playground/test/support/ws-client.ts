import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { WebSocket } from 'ws';
import { within } from '@scratch-websocket/test-support';

export interface Received {
  data: Buffer;
  isBinary: boolean;
}

/** Opens a `ws` client and waits (bounded) until it is open. */
export async function openClient(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url);
  await within(once(socket, 'open'), `WebSocket ${url} to open`);
  return socket;
}

/**
 * Records every message from the moment it is called, so none is missed between awaits;
 * `next()` returns them in arrival order.
 */
export function recordMessages(socket: WebSocket, label: string) {
  const queue: Received[] = [];
  const waiting: Array<(message: Received) => void> = [];
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    const message = { data, isBinary };
    const waiter = waiting.shift();
    if (waiter === undefined) queue.push(message);
    else waiter(message);
  });
  return {
    next(): Promise<Received> {
      const queued = queue.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      return within(new Promise<Received>((resolve) => waiting.push(resolve)), `a message on ${label}`);
    },
  };
}

export async function closeClient(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return;
  const closed = once(socket, 'close');
  socket.close(1000);
  await within(closed, 'the client to close');
}

/**
 * A WebSocket client by hand over TCP: it completes the opening handshake and then sends only
 * what the test writes and answers nothing, to play a broken or silent peer.
 */
export interface RawWebSocket {
  socket: Socket;
  /** Everything received so far, the handshake answer included. */
  received(): Buffer;
  /** Resolves once at least `bytes` bytes have arrived after the handshake answer. */
  receivedAtLeast(bytes: number): Promise<void>;
}

export async function rawWebSocket(port: number, path: string): Promise<RawWebSocket> {
  const socket = connect(port, '127.0.0.1');
  let received = Buffer.alloc(0);
  const listeners = new Set<() => void>();
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    for (const listener of listeners) listener();
  });
  const framesLength = () => {
    const end = received.indexOf('\r\n\r\n');
    return end === -1 ? -1 : received.length - (end + 4);
  };
  const arrived = (bytes: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (framesLength() < bytes) return;
        listeners.delete(check);
        resolve();
      };
      listeners.add(check);
      check();
    });
  const headersArrived = arrived(0);
  await within(once(socket, 'connect'), 'the raw client to connect');
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  );
  await within(headersArrived, `the answer to a raw handshake on ${path}`);
  if (!received.toString('latin1').startsWith('HTTP/1.1 101 Switching Protocols\r\n')) {
    throw new Error(`the raw handshake on ${path} was refused: ${received.toString('latin1').split('\r\n')[0]}`);
  }
  return { socket, received: () => received, receivedAtLeast: arrived };
}
