import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { eventually, startMeasuredServer, type MeasuredServer } from './support/server-process.js';
import { HOST } from './support/playground.js';
import { within } from '@scratch-websocket/test-support';
import {
  closeClient,
  echoRoundTrip,
  openClient,
  rawWebSocket,
  sendUntil,
  tinyBinaryFrames,
  UNMASKED_FRAME,
  writeBinaryFrame,
  writeUntil,
  type RawWebSocket,
} from './support/ws-client.js';

const MiB = 1024 * 1024;
/**
 * The bound: the server's resident memory may grow by at most this much over what it used
 * before the traffic. Its unsent-data limit is 8 MiB per client, plus one message in flight;
 * before that limit existed the same traffic grew it by about a megabyte per megabyte sent.
 */
const MOST_GROWTH = 64 * MiB;
/** How long the server's memory may take to come back within the bound once the traffic stops. */
const SETTLE_MS = 30_000;
/** Bounds the test's own traffic (100 MiB) should the server never react. */
const MOST_FRAMES = 100;
const FRAME = Buffer.alloc(MiB, 7);
/**
 * Replies to the first 6 MiB fill the kernel's socket buffers (4 MiB each way on Linux), so
 * every reply after them waits in the server's memory, as for a client that stopped reading
 * long ago; without this a test would need a million messages before the server held any.
 */
const FILL_FRAMES = 6;
/** 2-byte frames per write, and writes at most: 400,000 frames, 3.2 MB on the wire. */
const TINY_BURST = tinyBinaryFrames(8192);
const MOST_TINY_BURSTS = 49;
/** 2-byte messages a /broadcast sender sends at most: each one is queued for three members. */
const MOST_TINY_MESSAGES = 150_000;

let server: MeasuredServer | undefined;
const clients: WebSocket[] = [];
const raws: RawWebSocket[] = [];

afterEach(async () => {
  for (const raw of raws.splice(0)) raw.socket.destroy();
  await Promise.all(clients.splice(0).map(closeClient));
  server?.kill();
  server = undefined;
});

async function startServer(): Promise<MeasuredServer> {
  server = await startMeasuredServer();
  await echoRoundTrip(`ws://${HOST}:${server.port}/echo`, 'before');
  return server;
}

async function client(server: MeasuredServer, path: string): Promise<WebSocket> {
  const socket = await openClient(`ws://${HOST}:${server.port}${path}`);
  clients.push(socket);
  return socket;
}

/** A hand-made client that never reads what it is sent. */
async function stalledClient(server: MeasuredServer, path: string): Promise<RawWebSocket> {
  const raw = await rawWebSocket(server.port, path);
  raws.push(raw);
  raw.socket.pause();
  return raw;
}

/** Resolves once the server logged that it dropped each of these `/broadcast` members. */
function dropsOf(server: MeasuredServer, ids: number[]): Promise<unknown> {
  return Promise.all(
    ids.map((id) =>
      server.process.waitForOutput(new RegExp(` drop  /broadcast #${id}: [\\d.]+ MiB unsent to it \\(limit 8\\.0 MiB\\); closing it with 1008$`, 'm'), 60_000),
    ),
  );
}

/**
 * Sends `marker` from `sender` and waits until `reader` hears it: the `/broadcast` room has
 * relayed everything sent before it, and `reader` has read all of that.
 */
async function relayedUpTo(sender: WebSocket, reader: WebSocket, marker: string): Promise<void> {
  const heard = new Promise<void>((resolve) => {
    const listen = (data: Buffer, isBinary: boolean) => {
      if (isBinary || data.toString() !== marker) return;
      reader.off('message', listen);
      resolve();
    };
    reader.on('message', listen);
  });
  sender.send(marker);
  await within(heard, `the reading member to hear ${JSON.stringify(marker)}`, 60_000);
}

/** Memory growth since `before`, measured after an echo round trip: the server still serves. */
/**
 * The server still answers an echo, then its resident memory comes within `MOST_GROWTH` of
 * `before`. Resident memory also holds garbage until V8 collects it, which it does within seconds
 * of the traffic stopping (seen here: 47 → 36 MiB over 6 s, and 94 MiB right after a flood on a
 * loaded machine); a server that keeps what it should have dropped never comes down.
 */
async function settlesWithinBound(server: MeasuredServer, before: number, text: string): Promise<void> {
  await echoRoundTrip(`ws://${HOST}:${server.port}/echo`, text);
  const growth = () => server.residentBytes() - before;
  await eventually(() => growth() < MOST_GROWTH, () => `${(growth() / MiB).toFixed(1)} MiB more than before, ${text}`, SETTLE_MS);
}

describe('the server process and clients that never read', () => {
  it('pauses an /echo client sending 1 MiB frames without reading, and its memory stays within 64 MiB of where it started', async () => {
    const server = await startServer();
    const before = server.residentBytes();

    const raw = await stalledClient(server, '/echo');
    const paused = server.process.waitForOutput(/ pause \/echo #2: [\d.]+ MiB unsent to it \(limit 8\.0 MiB\); not reading from it until it catches up$/m, 60_000);
    let frames = await writeUntil(raw.socket, MOST_FRAMES, () => writeBinaryFrame(raw.socket, FRAME), paused);
    await paused;

    // Paused means the server reads nothing more from it: the rest of the frames stay on the
    // client's side. A server that kept reading would drain them in well under a second; this
    // bounded wait can only miss such a server on a very slow machine, never fail a correct one.
    for (; frames < MOST_FRAMES; frames++) writeBinaryFrame(raw.socket, FRAME);
    const drained = await Promise.race([
      once(raw.socket, 'drain').then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000)),
    ]);
    expect(drained).toBe(false);
    expect(raw.socket.writableLength).toBeGreaterThan(MOST_FRAMES * MiB - MOST_GROWTH);

    await settlesWithinBound(server, before, 'while one client is paused');
  }, 90_000);

  it('pauses an /echo client flooding it with 2-byte frames without reading, and its memory stays within 64 MiB of where it started', async () => {
    const server = await startServer();
    const before = server.residentBytes();

    const raw = await stalledClient(server, '/echo');
    // The pause, or, from a server that never pauses, the error for the marker frame below.
    const reacted = server.process.waitForOutput(/ (?:pause|error) \/echo #2: .*$/m, 60_000);
    await writeUntil(raw.socket, FILL_FRAMES, () => writeBinaryFrame(raw.socket, FRAME), reacted);
    await writeUntil(raw.socket, MOST_TINY_BURSTS, () => raw.socket.write(TINY_BURST), reacted);
    raw.socket.write(UNMASKED_FRAME);
    const [line] = await reacted;

    await settlesWithinBound(server, before, 'while one client is paused');
    expect(line).toMatch(/ pause \/echo #2: [\d.]+ MiB unsent to it \(limit 8\.0 MiB\); not reading from it until it catches up$/);
  }, 90_000);

  it('drops ten /broadcast members that never read, and its memory stays within 64 MiB of where it started', async () => {
    const server = await startServer();
    const before = server.residentBytes();

    for (let member = 0; member < 10; member++) await stalledClient(server, '/broadcast');
    const sender = await client(server, '/broadcast');
    // Members are #2 to #11 (the round trip was #1); the sender is #12.
    const dropped = dropsOf(server, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    await sendUntil(sender, FRAME, MOST_FRAMES, dropped);
    await dropped;

    await settlesWithinBound(server, before, 'after the drops');

    // Each dropped member is cut after the closing handshake's grace period (1 s).
    await Promise.all(
      raws.map((raw) => {
        const ended = once(raw.socket, 'close');
        raw.socket.resume();
        return within(ended, 'a dropped member to be cut', 15_000);
      }),
    );
  }, 90_000);

  it('drops three /broadcast members flooded with 2-byte messages they never read, and its memory stays within 64 MiB of where it started', async () => {
    const server = await startServer();
    const before = server.residentBytes();

    for (let member = 0; member < 3; member++) await stalledClient(server, '/broadcast');
    // Members #2 to #4 never read; #5 reads everything, so the server has relayed all it was sent once #5 hears a marker.
    const steady = await client(server, '/broadcast');
    const sender = await client(server, '/broadcast');
    const dropped = dropsOf(server, [2, 3, 4]);
    await sendUntil(sender, FRAME, FILL_FRAMES, dropped);
    await relayedUpTo(sender, steady, 'filled');
    await sendUntil(sender, Buffer.from([1, 2]), MOST_TINY_MESSAGES, dropped, 8192);
    await relayedUpTo(sender, steady, 'end');

    await settlesWithinBound(server, before, 'after the flood');
    await dropped;
  }, 90_000);
});
