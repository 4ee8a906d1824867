import { once } from 'node:events';
import { WebSocket } from 'ws';
import { within } from './wait.js';

export interface Received {
  data: Buffer;
  isBinary: boolean;
}

/** Opens a `ws` client and waits (bounded) until it is open. */
export async function openClient(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url);
  await within(3000, `WebSocket ${url} to open`, once(socket, 'open'));
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
      return within(3000, `a message on ${label}`, new Promise<Received>((resolve) => waiting.push(resolve)));
    },
  };
}

export async function closeClient(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return;
  const closed = once(socket, 'close');
  socket.close(1000);
  await within(3000, 'the client to close', closed);
}
