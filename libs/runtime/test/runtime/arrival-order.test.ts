import { describe, expect, it } from 'vitest';
import { framesUntil, MemoryHost, sendInvalidUtf8Text, target, TestServer, within } from '@scratch-websocket/test-support';
import { clientReceives, HATS, pageHasAll, TrackedWebSocket, type TestRuntime, useRuntimeAndServer } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
useRuntimeAndServer((fixture) => ({ server, host, runtime } = fixture));

/** What the project could see when its close or error hat started. */
interface AtEnd {
  handled: string[];
  messageThreadsRunning: number;
}

/**
 * Connects; the server sends ten messages and then ends the connection with `end`. Waits
 * until the client socket has seen all of it (so the end has arrived), without running a frame.
 */
async function tenThenEnd(end: (atServer: import('ws').WebSocket) => void, endHat: string) {
  host.setLifetime(HATS.message, 2);
  const sprite = target('sprite');
  const handled: string[] = [];
  let atEnd: AtEnd | null = null;
  host.onHatStart = (start) => {
    if (start.opcode === HATS.message) handled.push(runtime.messageData(sprite));
    if (start.opcode === endHat) atEnd = { handled: [...handled], messageThreadsRunning: host.activeThreads(HATS.message, sprite).length };
  };
  await runtime.connect(sprite, server.url);
  const atServer = await server.nextConnection();
  const client = TrackedWebSocket.last();
  const arrived = clientReceives(client, 10);
  // Not `events.once`: it rejects on the `error` event that an ending by error brings first.
  const closed = within(new Promise((resolve) => client.once('close', resolve)), 'the client socket to close');
  for (let i = 1; i <= 10; i += 1) atServer.send(`m${i}`);
  end(atServer);
  await arrived;
  await closed;
  await pageHasAll();
  return { sprite, handled, atEnd: () => atEnd };
}

const TEN = Array.from({ length: 10 }, (_, i) => `m${i + 1}`);

describe('Close and error in arrival order', () => {
  it('runs the close hat only after the ten messages before it were handled and their threads finished', async () => {
    const { sprite, handled, atEnd } = await tenThenEnd((atServer) => atServer.close(4001, 'done'), HATS.close);
    // The close has arrived, but the project has not handled the messages yet: still open.
    expect(runtime.isConnected(sprite)).toBe(true);
    expect(runtime.isClosed(sprite)).toBe(false);
    expect(runtime.closeCode(sprite)).toBe(0);
    await framesUntil(host, () => atEnd() !== null, 'the close hat');
    expect(atEnd()).toEqual({ handled: TEN, messageThreadsRunning: 0 });
    expect(handled).toEqual(TEN);
    expect(runtime.isClosed(sprite)).toBe(true);
    expect(runtime.closeCode(sprite)).toBe(4001);
    expect(runtime.closeMessage(sprite)).toBe('done');
    expect(runtime.connectionCount).toBe(0);
  });

  it('runs the close hat (1006) only after the ten messages before a dropped connection were handled', async () => {
    const { sprite, handled, atEnd } = await tenThenEnd((atServer) => atServer.terminate(), HATS.close);
    expect(runtime.isConnected(sprite)).toBe(true);
    expect(runtime.isClosed(sprite)).toBe(false);
    await framesUntil(host, () => atEnd() !== null, 'the close hat');
    expect(atEnd()).toEqual({ handled: TEN, messageThreadsRunning: 0 });
    expect(handled).toEqual(TEN);
    expect(runtime.isClosed(sprite)).toBe(true);
    expect(runtime.closeCode(sprite)).toBe(1006);
    expect(runtime.errorMessage(sprite)).toBe('');
    expect(host.startsOf(HATS.error)).toHaveLength(0);
  });

  it('runs the error hat only after the ten messages before a failed connection (invalid UTF-8) were handled', async () => {
    const { sprite, handled, atEnd } = await tenThenEnd((atServer) => sendInvalidUtf8Text(atServer), HATS.error);
    expect(runtime.isConnected(sprite)).toBe(true);
    expect(runtime.hasErrored(sprite)).toBe(false);
    await framesUntil(host, () => atEnd() !== null, 'the error hat');
    expect(atEnd()).toEqual({ handled: TEN, messageThreadsRunning: 0 });
    expect(handled).toEqual(TEN);
    expect(runtime.hasErrored(sprite)).toBe(true);
    expect(runtime.errorMessage(sprite)).toBe('connection lost');
    expect(host.startsOf(HATS.close)).toHaveLength(0);
  });

  it('a close block while a server close waits behind messages: the server\'s close, at once, nothing more delivered', async () => {
    const { sprite, handled } = await tenThenEnd((atServer) => atServer.close(4003, 'server first'), HATS.close);
    host.frames(4);
    const handledBefore = handled.length;
    expect(handledBefore).toBeLessThan(10);
    runtime.closeWithReason(sprite, 'project', 3000);
    expect(host.startsOf(HATS.close)).toHaveLength(1);
    expect(runtime.closeCode(sprite)).toBe(4003);
    expect(runtime.closeMessage(sprite)).toBe('server first');
    host.frames(20);
    expect(handled).toHaveLength(handledBefore);
    expect(runtime.connectionCount).toBe(0);
  });

  it('the stop sign while a close waits behind messages: no hat, the server\'s close is what the reporters show', async () => {
    const { sprite, handled } = await tenThenEnd((atServer) => atServer.close(4004, 'queued'), HATS.close);
    host.stopAll();
    host.frames(20);
    expect(handled).toEqual(['m1']);
    expect(host.startsOf(HATS.close)).toHaveLength(0);
    expect(runtime.isClosed(sprite)).toBe(true);
    expect(runtime.closeCode(sprite)).toBe(4004);
    expect(runtime.connectionCount).toBe(0);
    expect(host.listenerCount).toBe(0);
  });
});
