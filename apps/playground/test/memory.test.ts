import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { residentBytes, startServerProcess, type CliProcess } from './support/cli.js';
import { HOST } from './support/playground.js';
import { within } from '@scratch-websocket/test-support';
import { closeClient, openClient, rawWebSocket, recordMessages, writeBinaryFrame, type RawWebSocket } from './support/ws-client.js';

const MiB = 1024 * 1024;
/**
 * The bound: the server's resident memory may grow by at most this much over what it used
 * before the traffic. Its unsent-data limit is 8 MiB per client, plus one message in flight;
 * before that limit existed the same traffic grew it by about a megabyte per megabyte sent.
 */
const MOST_GROWTH = 64 * MiB;
/** Bounds the test's own traffic (100 MiB) should the server never react. */
const MOST_FRAMES = 100;
const FRAME = Buffer.alloc(MiB, 7);

let server: CliProcess | undefined;
const clients: WebSocket[] = [];
const raws: RawWebSocket[] = [];

afterEach(async () => {
  for (const raw of raws.splice(0)) raw.socket.destroy();
  await Promise.all(clients.splice(0).map(closeClient));
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  server = undefined;
});

/** The playground as `npm start` runs it, in its own process; resolves with its port. */
async function startServer(): Promise<number> {
  server = startServerProcess(['--port', '0']);
  const [, port] = await server.waitForOutput(/^scratch-websocket playground: http:\/\/localhost:(\d+)\/$/m, 30_000);
  return Number(port);
}

/** An echo round trip: the server still serves, and its memory is measured in a steady state. */
async function echoRoundTrip(port: number, text: string): Promise<void> {
  const socket = await openClient(`ws://${HOST}:${port}/echo`);
  clients.push(socket);
  const replies = recordMessages(socket, 'the round-trip client');
  socket.send(text);
  expect((await replies.next()).data.toString()).toBe(text);
}

function memoryOf(process: CliProcess): number {
  return residentBytes(process.child.pid!);
}

describe('the server process and clients that never read', () => {
  it('pauses an /echo client sending 1 MiB frames without reading, and its memory stays within 64 MiB of where it started', async () => {
    const port = await startServer();
    await echoRoundTrip(port, 'before');
    const before = memoryOf(server!);

    const raw = await rawWebSocket(port, '/echo');
    raws.push(raw);
    raw.socket.pause();
    const paused = server!.waitForOutput(/ pause \/echo #2: [\d.]+ MiB unsent to it \(limit 8\.0 MiB\); not reading from it until it catches up$/m, 60_000);
    let done = false;
    void paused.then(() => (done = true), () => (done = true));
    let frames = 0;
    while (!done && frames < MOST_FRAMES) {
      frames++;
      if (!writeBinaryFrame(raw.socket, FRAME)) await Promise.race([once(raw.socket, 'drain'), paused.catch(() => undefined)]);
    }
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

    await echoRoundTrip(port, 'while one client is paused');
    const growth = memoryOf(server!) - before;
    expect(growth).toBeLessThan(MOST_GROWTH);
  }, 90_000);

  it('drops ten /broadcast members that never read, and its memory stays within 64 MiB of where it started', async () => {
    const port = await startServer();
    await echoRoundTrip(port, 'before');
    const before = memoryOf(server!);

    for (let member = 0; member < 10; member++) {
      const raw = await rawWebSocket(port, '/broadcast');
      raws.push(raw);
      raw.socket.pause();
    }
    const sender = await openClient(`ws://${HOST}:${port}/broadcast`);
    clients.push(sender);
    // Members are #2 to #11 (the round trip was #1); the sender is #12.
    const dropped = Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        server!.waitForOutput(new RegExp(` drop  /broadcast #${index + 2}: [\\d.]+ MiB unsent to it \\(limit 8\\.0 MiB\\); closing it with 1008$`, 'm'), 60_000),
      ),
    );
    let done = false;
    void dropped.then(() => (done = true), () => (done = true));
    let frames = 0;
    while (!done && frames < MOST_FRAMES) {
      frames++;
      const left = new Promise<void>((resolve) => sender.send(FRAME, { binary: true }, () => resolve()));
      await Promise.race([left, dropped.catch(() => undefined)]);
    }
    await dropped;

    await echoRoundTrip(port, 'after the drops');
    const growth = memoryOf(server!) - before;
    expect(growth).toBeLessThan(MOST_GROWTH);

    // Each dropped member is cut after the closing handshake's grace period (1 s).
    await Promise.all(
      raws.map((raw) => {
        const ended = once(raw.socket, 'close');
        raw.socket.resume();
        return within(ended, 'a dropped member to be cut', 15_000);
      }),
    );
  }, 90_000);
});
