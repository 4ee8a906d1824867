import { beforeEach, describe, expect, it } from 'vitest';
import { framesUntil, MemoryHost, target, TestServer, type TestTarget } from '@scratch-websocket/test-support';
import { connectSprite, clientReceives, HATS, type TestRuntime, useRuntimeAndServer } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
/** What `received message data` showed each time `when message received` started, with the frame. */
let deliveries: { target: TestTarget; data: string; frame: number }[];
let frame: number;
useRuntimeAndServer((fixture) => ({ server, host, runtime } = fixture));

beforeEach(() => {
  deliveries = [];
  frame = 0;
  const step = host.frame.bind(host);
  host.frame = () => {
    frame += 1;
    step();
  };
  host.onHatStart = (start) => {
    if (start.opcode === HATS.message) deliveries.push({ target: start.target, data: runtime.messageData(start.target), frame });
  };
});

const connected = (name: string) => connectSprite({ runtime, server }, name);

describe('Receiving', () => {
  it('is empty before any message', async () => {
    const { sprite } = await connected('sprite');
    expect(runtime.messageData(sprite)).toBe('');
  });

  it("gives a text message's text, and a binary message's base64 data: URL", async () => {
    const { sprite, atServer, client } = await connected('sprite');
    const arrived = clientReceives(client, 2);
    atServer.send('plain text');
    atServer.send(Buffer.from([0, 1, 2, 253, 254, 255]));
    await arrived;
    await framesUntil(host, () => deliveries.length === 2, 'two deliveries');
    expect(deliveries.map((d) => d.data)).toEqual(['plain text', 'data:application/octet-stream;base64,AAEC/f7/']);
    expect(runtime.messageData(sprite)).toBe('data:application/octet-stream;base64,AAEC/f7/');
  });

  it('starts the hat at once when no message thread of the target is running', async () => {
    const { sprite, atServer } = await connected('sprite');
    const hat = host.nextHat(HATS.message);
    atServer.send('now');
    await hat;
    expect(frame).toBe(0);
    expect(runtime.messageData(sprite)).toBe('now');
  });

  it('keeps text and binary in arrival order', async () => {
    const { atServer, client } = await connected('sprite');
    const expected: string[] = [];
    const arrived = clientReceives(client, 100);
    for (let i = 0; i < 100; i += 1) {
      if (i % 2 === 0) {
        atServer.send(`text ${i}`);
        expected.push(`text ${i}`);
      } else {
        // Large binary messages make any asynchronous conversion lose the race.
        const bytes = Buffer.alloc(4096 + i, i);
        atServer.send(bytes);
        expected.push(`data:application/octet-stream;base64,${bytes.toString('base64')}`);
      }
    }
    await arrived;
    // ArrayBuffers convert synchronously; a browser's default Blob would not.
    expect(client.binaryType).toBe('arraybuffer');
    await framesUntil(host, () => deliveries.length === 100, '100 deliveries');
    expect(deliveries.map((d) => d.data)).toEqual(expected);
  });

  it('delivers 300 queued messages in arrival order, one per frame, none lost', async () => {
    host.setLifetime(HATS.message, 2);
    const { atServer, client } = await connected('sprite');
    const expected = Array.from({ length: 300 }, (_, i) => `message ${i}`);
    const arrived = clientReceives(client, 300);
    for (const text of expected) atServer.send(text);
    await arrived;
    await framesUntil(host, () => deliveries.length === 300, '300 deliveries');
    expect(deliveries.map((d) => d.data)).toEqual(expected);
    const frames = deliveries.map((d) => d.frame);
    expect(new Set(frames).size).toBe(frames.length);
  });

  it('waits for every message thread to finish before delivering the next queued message', async () => {
    host.setLifetime(HATS.message, 'manual');
    const { sprite, atServer, client } = await connected('sprite');
    const arrived = clientReceives(client, 3);
    atServer.send('first');
    atServer.send('second');
    atServer.send('third');
    await arrived;
    host.frames(5);
    expect(deliveries.map((d) => d.data)).toEqual(['first']);
    expect(runtime.messageData(sprite)).toBe('first');

    host.activeThreads(HATS.message, sprite)[0]!.finish();
    host.frame();
    expect(deliveries.map((d) => d.data)).toEqual(['first', 'second']);
    host.frames(3);
    expect(deliveries).toHaveLength(2);
    host.activeThreads(HATS.message, sprite)[0]!.finish();
    host.frame();
    expect(runtime.messageData(sprite)).toBe('third');
  });

  it('handles at most one message per frame per target, and serves targets side by side', async () => {
    host.setLifetime(HATS.message, 1);
    const a = await connected('a');
    const b = await connected('b');
    const arrived = Promise.all([clientReceives(a.client, 50), clientReceives(b.client, 50)]);
    for (let i = 0; i < 50; i += 1) {
      a.atServer.send(`a${i}`);
      b.atServer.send(`b${i}`);
    }
    await arrived;
    await framesUntil(host, () => deliveries.length === 100, '100 deliveries');
    for (const who of [a.sprite, b.sprite]) {
      const mine = deliveries.filter((d) => d.target === who);
      expect(mine.map((d) => d.data)).toEqual(Array.from({ length: 50 }, (_, i) => `${who.name}${i}`));
      expect(new Set(mine.map((d) => d.frame)).size).toBe(50);
    }
    // Both queues drained together: the last delivery came within a few frames for both.
    const lastFrame = (who: TestTarget) => deliveries.filter((d) => d.target === who).at(-1)!.frame;
    expect(Math.abs(lastFrame(a.sprite) - lastFrame(b.sprite))).toBeLessThanOrEqual(1);
  });

  it('still delivers messages that arrived before the server closed, in order', async () => {
    host.setLifetime(HATS.message, 1);
    const { atServer, client } = await connected('sprite');
    const closed = host.nextHat(HATS.close);
    const arrived = clientReceives(client, 10);
    for (let i = 0; i < 10; i += 1) atServer.send(`m${i}`);
    atServer.close(4000, 'done');
    await arrived;
    // The close hat runs only once the ten are handled (contract: events in arrival order).
    await framesUntil(host, () => host.startsOf(HATS.close).length === 1, '10 deliveries, then the close hat');
    await closed;
    expect(deliveries.map((d) => d.data)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`));
    expect(runtime.connectionCount).toBe(0);
    expect(host.listenerCount).toBe(0);
  });
});
