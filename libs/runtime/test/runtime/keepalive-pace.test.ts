import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { MemoryHost, target, within } from '@scratch-websocket/test-support';
import { connectSprite, HATS, makeRuntime, useRuntimeAndServer, type RuntimeFixture } from '../support/runtime.js';

let fixture: RuntimeFixture;
useRuntimeAndServer((made) => {
  fixture = made;
});

/** A server side that answers `ping` with `pong` after `delayMs` while `answering()`, and echoes anything else. */
function answerPings(socket: WebSocket, answering: () => boolean, delayMs = 0): void {
  socket.on('message', (data) => {
    const text = data.toString();
    if (text !== 'ping') return socket.send(`echo ${text}`);
    if (!answering()) return;
    if (delayMs === 0) socket.send('pong');
    else setTimeout(() => socket.send('pong'), delayMs);
  });
}

describe('keepalive (CONTRACT.md, Keepalive)', () => {
  it('pings at once and every interval; answers reach no script; the round-trip time covers the server\'s delay', async () => {
    const sprite = target('sprite');
    fixture.runtime.conversation.setKeepalive(sprite, 0.05, 'ping', 'pong', 2);
    await fixture.runtime.connect(sprite, fixture.server.url);
    const atServer = await fixture.server.nextConnection();
    let pings = 0;
    atServer.on('message', (data) => {
      if (data.toString() === 'ping') pings += 1;
    });
    answerPings(atServer, () => true, 60);
    await within(
      new Promise<void>((resolve) => atServer.on('message', () => pings >= 3 && resolve())),
      'three pings at the server',
    );
    await within(
      new Promise<void>((resolve) => {
        const check = setInterval(() => fixture.runtime.conversation.roundTripTime(sprite) > 0 && (clearInterval(check), resolve()), 5);
      }),
      'a round-trip time',
    );
    expect(fixture.runtime.conversation.roundTripTime(sprite)).toBeGreaterThanOrEqual(60);
    expect(fixture.host.startsOf(HATS.message)).toHaveLength(0);
    expect(fixture.runtime.statistic(sprite, 'queued messages')).toBe(0);
    expect(fixture.runtime.isConnected(sprite)).toBe(true);
  });

  it('a server that stops answering without closing: the connection is lost (error hat, `connection lost`) and comes back with automatic reconnect', async () => {
    const { runtime, host } = makeRuntime(new MemoryHost(), () => 10);
    try {
      const sprite = target('sprite');
      runtime.setAutoReconnect(sprite, 'on');
      runtime.conversation.setKeepalive(sprite, 0.05, 'ping', 'pong', 0.1);
      let answering = true;
      await runtime.connect(sprite, fixture.server.url);
      answerPings(await fixture.server.nextConnection(), () => answering);
      answering = false;
      const lost = host.nextHat(HATS.error);
      await within(lost, 'the error hat of the lost connection');
      expect(runtime.errorMessage(sprite)).toBe('connection lost');
      answering = true;
      const second = await fixture.server.nextConnection('the reconnect at the server');
      answerPings(second, () => answering);
      await within(host.nextHat(HATS.open), 'when connected after the reconnect');
      expect(runtime.connectionState(sprite)).toBe('open');
    } finally {
      runtime.dispose();
    }
  });

  it('a server that never answers is noticed, and the keepalive leaves nothing running once the connection ended', async () => {
    const { sprite, atServer } = await connectSprite(fixture);
    let pings = 0;
    atServer.on('message', () => (pings += 1));
    fixture.runtime.conversation.setKeepalive(sprite, 0.02, 'ping', 'pong', 0.02);
    await within(fixture.host.nextHat(HATS.error), 'the silent server to be noticed');
    expect(pings).toBeGreaterThanOrEqual(1);
    expect(fixture.runtime.connectionCount).toBe(0);
    fixture.runtime.conversation.setKeepalive(sprite, 0, 'ping', 'pong', 1);
  });
});

describe('connect timeout', () => {
  let silent: Server;
  const accepted: Socket[] = [];
  beforeEach(async () => {
    silent = createServer((socket) => {
      accepted.push(socket);
      socket.resume();
    });
    silent.listen(0, '127.0.0.1');
    await within(once(silent, 'listening'), 'the silent server to listen');
  });
  afterEach(async () => {
    for (const socket of accepted) socket.destroy();
    await within(new Promise((resolve) => silent.close(resolve)), 'the silent server to close');
  });

  it('`set connect timeout` replaces the 20 s default for that connection name', async () => {
    const sprite = target('sprite');
    fixture.runtime.conversation.setConnectTimeout(sprite, 0.1);
    const { port } = silent.address() as { port: number };
    await within(fixture.runtime.connect(sprite, `ws://127.0.0.1:${port}/`), 'connect to give up', 5000);
    expect(fixture.runtime.errorMessage(sprite)).toBe('timed out');
  });
});

describe('pace (CONTRACT.md, Pace)', () => {
  it('send and wait until sent holds back until a slow reader takes the bytes; bytes waiting counts the socket\'s buffer', async () => {
    const { sprite, atServer } = await connectSprite(fixture);
    const raw = (atServer as unknown as { _socket: Socket })._socket;
    raw.pause();
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; i < 400 && fixture.runtime.conversation.bytesWaiting(sprite) < 2 * 1024 * 1024; i += 1) {
      fixture.runtime.send(sprite, chunk);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(fixture.runtime.conversation.bytesWaiting(sprite)).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    let resumed = false;
    const sent = Promise.resolve(fixture.runtime.conversation.sendAndWait(sprite, 'last')).then(() => resumed);
    // What must not happen cannot be awaited: resume after some checks; the wait must not have ended before.
    setTimeout(() => {
      resumed = true;
      raw.resume();
    }, 100);
    expect(await within(sent, 'the send to leave the page once the server reads')).toBe(true);
    expect(fixture.runtime.conversation.bytesWaiting(sprite)).toBeLessThan(2 * 1024 * 1024);
  });

  it('ends the wait when the connection ends, and sends nothing without a connection', async () => {
    const { sprite, atServer } = await connectSprite(fixture);
    (atServer as unknown as { _socket: Socket })._socket.pause();
    const big = 'y'.repeat(8 * 1024 * 1024);
    const waiting = fixture.runtime.conversation.sendAndWait(sprite, big);
    fixture.runtime.close(sprite);
    await within(Promise.resolve(waiting), 'the wait to end with the connection');
    expect(fixture.runtime.conversation.sendAndWait(target('nobody'), 'x')).toBeUndefined();
  });

  it('counts what is kept while connecting', async () => {
    const sprite = target('sprite');
    const connecting = fixture.runtime.connect(sprite, fixture.server.url);
    fixture.runtime.send(sprite, 'héllo');
    expect(fixture.runtime.conversation.bytesWaiting(sprite)).toBe(6);
    await within(connecting, 'the connection to open');
  });
});

