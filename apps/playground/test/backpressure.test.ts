import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { startPlayground, type RunningPlayground } from './support/playground.js';
import { within } from '@scratch-websocket/test-support';
import { closeClient, openClient, recordMessages } from './support/ws-client.js';

/** Small, so a few megabytes of traffic are enough to pass it. */
const LIMIT = 256 * 1024;
const MESSAGE_BYTES = 64 * 1024;
/** Bounds the test's traffic (25 MiB) should the server never react. */
const MOST_MESSAGES = 400;

let running: RunningPlayground | undefined;
const clients: WebSocket[] = [];

afterEach(async () => {
  for (const socket of clients) socket.resume();
  await Promise.all(clients.splice(0).map(closeClient));
  await running?.close();
  running = undefined;
});

async function client(path: string): Promise<WebSocket> {
  const socket = await openClient(`${running!.wsBase}${path}`);
  clients.push(socket);
  return socket;
}

function numbered(index: number): Buffer {
  const message = Buffer.alloc(MESSAGE_BYTES, index % 251);
  message.writeUInt32BE(index, 0);
  return message;
}

/**
 * Sends numbered binary messages from `sender`, each once the previous one has left it, until
 * `reacted` (the server's log line) settles; returns how many were sent.
 */
async function sendUntil(sender: WebSocket, reacted: Promise<string>): Promise<number> {
  let done = false;
  void reacted.then(() => (done = true), () => (done = true));
  let sent = 0;
  while (!done && sent < MOST_MESSAGES) {
    const left = new Promise<void>((resolve) => sender.send(numbered(sent), { binary: true }, () => resolve()));
    sent++;
    await Promise.race([left, reacted.catch(() => undefined)]);
  }
  await reacted;
  return sent;
}

describe('/echo and a client that does not read', () => {
  it('stops reading from it past the limit, and echoes everything, in order, once it reads again', async () => {
    running = await startPlayground({ maxUnsentBytes: LIMIT });
    const socket = await client('/echo');
    const replies = recordMessages(socket, 'the slow /echo client');
    socket.pause();

    const sent = await sendUntil(socket, running.log.waitForMatch(/^pause \/echo #1: [\d.]+ MiB unsent to it \(limit 0\.3 MiB\)/, 20_000));

    socket.resume();
    for (let index = 0; index < sent; index++) {
      const reply = await replies.next();
      expect([reply.isBinary, reply.data.length, reply.data.readUInt32BE(0)]).toEqual([true, MESSAGE_BYTES, index]);
    }
    await running.log.waitFor('resume /echo #1: caught up');
  });
});

describe('/broadcast and a member that does not read', () => {
  it('drops it with 1008 and a reason past the limit, and keeps relaying to the others', async () => {
    running = await startPlayground({ maxUnsentBytes: LIMIT, closeGraceMs: 10_000 });
    const slow = await client('/broadcast');
    const steady = await client('/broadcast');
    const sender = await client('/broadcast');
    const heard = recordMessages(steady, 'the steady member');
    slow.pause();

    const sent = await sendUntil(sender, running.log.waitForMatch(/^drop {2}\/broadcast #1: [\d.]+ MiB unsent to it \(limit 0\.3 MiB\); closing it with 1008$/, 20_000));
    sender.send('after the drop');

    for (let index = 0; index < sent; index++) {
      expect((await heard.next()).data.readUInt32BE(0)).toBe(index);
    }
    expect((await heard.next()).data.toString()).toBe('after the drop');

    // Reading again, the dropped member gets what was queued for it, then the close frame.
    const closed = once(slow, 'close');
    slow.resume();
    const [code, reason] = await within(closed, 'the dropped member to be closed', 10_000);
    expect([code, String(reason)]).toEqual([1008, 'too slow: too much unsent data; reconnect and read your messages']);
    await running.log.waitForMatch(/^close \/broadcast #1 code 1008 "too slow: too much unsent data; reconnect and read your messages" \(2 open\)$/);
  });

  it('cuts a dropped member that does not answer the closing handshake within the grace period', async () => {
    running = await startPlayground({ maxUnsentBytes: LIMIT, closeGraceMs: 300 });
    const slow = await client('/broadcast');
    const sender = await client('/broadcast');
    slow.pause();
    const closed = once(slow, 'close');
    await sendUntil(sender, running.log.waitForMatch(/^drop {2}\/broadcast #1: /, 20_000));
    await running.log.waitFor('close /broadcast #1 code 1006 (1 open)', 10_000);
    slow.resume();
    const [code] = await within(closed, 'the cut member to see the end', 10_000);
    expect(code).toBe(1006);
  });
});
