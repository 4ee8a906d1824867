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

/** Opens an `/echo` client, sends `text`, waits for it to come back and closes again. */
export async function echoRoundTrip(url: string, text: string): Promise<void> {
  const socket = await openClient(url);
  try {
    const replies = recordMessages(socket, `the round trip ${JSON.stringify(text)}`);
    socket.send(text);
    const reply = await replies.next();
    if (reply.data.toString() !== text) throw new Error(`/echo answered ${JSON.stringify(reply.data.toString())} to ${JSON.stringify(text)}`);
  } finally {
    await closeClient(socket);
  }
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

export async function rawWebSocket(port: number, path: string, headers: Record<string, string> = {}): Promise<RawWebSocket> {
  const socket = connect(port, '127.0.0.1');
  // Chunks are kept as they come and joined only when asked: a test may let megabytes pile up.
  const chunks: Buffer[] = [];
  let total = 0;
  let headerLength = -1;
  const listeners = new Set<() => void>();
  socket.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    total += chunk.length;
    if (headerLength === -1) {
      const end = Buffer.concat(chunks).indexOf('\r\n\r\n');
      if (end !== -1) headerLength = end + 4;
    }
    for (const listener of listeners) listener();
  });
  const received = () => Buffer.concat(chunks);
  const arrived = (bytes: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (headerLength === -1 || total - headerLength < bytes) return;
        listeners.delete(check);
        resolve();
      };
      listeners.add(check);
      check();
    });
  const headersArrived = arrived(0);
  await within(once(socket, 'connect'), 'the raw client to connect');
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`,
  );
  await within(headersArrived, `the answer to a raw handshake on ${path}`);
  if (!received().toString('latin1').startsWith('HTTP/1.1 101 Switching Protocols\r\n')) {
    throw new Error(`the raw handshake on ${path} was refused: ${received().toString('latin1').split('\r\n')[0]}`);
  }
  return { socket, received, receivedAtLeast: arrived };
}

/**
 * One binary frame from a client, masked as RFC 6455 §5.3 requires, with a zero masking key so
 * the payload goes out unchanged (no copy). Returns what `socket.write` returned for the payload:
 * `false` when the socket's buffer is full and the caller should wait for `drain`.
 */
export function writeBinaryFrame(socket: Socket, payload: Buffer): boolean {
  const header = Buffer.alloc(14);
  header[0] = 0x82; // FIN, binary
  header[1] = 0x80 | 127; // masked, 64-bit length follows
  header.writeBigUInt64BE(BigInt(payload.length), 2);
  socket.write(header);
  return socket.write(payload);
}

/**
 * `count` binary frames of two bytes each, masked with a zero key as `writeBinaryFrame`'s, in
 * one buffer: the smallest messages a client can send, many per write.
 */
export function tinyBinaryFrames(count: number): Buffer {
  const frame = Buffer.from([0x82, 0x80 | 2, 0, 0, 0, 0, 1, 2]);
  return Buffer.concat(Array.from({ length: count }, () => frame));
}

/**
 * An unmasked client frame. RFC 6455 §5.1 has the server fail the connection on it, and `ws`
 * reports that as an error only after it has read every frame before it: a marker that the
 * server has read all that came first.
 */
export const UNMASKED_FRAME = Buffer.from([0x82, 0x00]);

/**
 * Calls `write` (which returns what `socket.write` returned) up to `times` times, waiting for
 * `drain` whenever the socket's buffer is full, and stops early once `stop` settles; returns
 * how many writes it made.
 */
export async function writeUntil(socket: Socket, times: number, write: () => boolean, stop: Promise<unknown>): Promise<number> {
  const stopped = settled(stop);
  let written = 0;
  while (!stopped() && written < times) {
    written++;
    if (!write()) await Promise.race([once(socket, 'drain'), stop.catch(() => undefined)]);
  }
  return written;
}

/**
 * Sends `message` (binary) from a `ws` client up to `times` times, `batch` at a time, each batch
 * once the previous one has left the client, and stops early once `stop` settles; returns how
 * many it sent.
 */
export async function sendUntil(socket: WebSocket, message: Buffer, times: number, stop: Promise<unknown>, batch = 1): Promise<number> {
  const stopped = settled(stop);
  let sent = 0;
  while (!stopped() && sent < times) {
    const count = Math.min(batch, times - sent);
    for (let index = 1; index < count; index++) socket.send(message, { binary: true });
    const left = new Promise<void>((resolve) => socket.send(message, { binary: true }, () => resolve()));
    sent += count;
    await Promise.race([left, stop.catch(() => undefined)]);
  }
  return sent;
}

/** Tells whether `promise` has settled, resolved or rejected, without waiting for it. */
function settled(promise: Promise<unknown>): () => boolean {
  let done = false;
  const mark = () => {
    done = true;
  };
  void promise.then(mark, mark);
  return () => done;
}
