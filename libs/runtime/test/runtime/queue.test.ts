import { describe, expect, it } from 'vitest';
import { framesUntil, MemoryHost, TestServer, within } from '@scratch-websocket/test-support';
import { MAX_QUEUED_DATA_LENGTH, MAX_QUEUED_MESSAGES } from '../../src/index.js';
import { connectSprite, clientReceives, HATS, TrackedWebSocket, type TestRuntime, useRuntimeAndServer } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
useRuntimeAndServer((fixture) => ({ server, host, runtime } = fixture));

const connected = (name = 'sprite') => connectSprite({ runtime, server }, name);

/** The server sends `texts` and the client has them all (socket events done) when this resolves. */
async function serverSends(atServer: { send(data: string | Buffer): void }, client: TrackedWebSocket, texts: (string | Buffer)[]) {
  // Up to 40 MB in one call: bounded well inside the test's 60 s, for a loaded machine.
  const arrived = clientReceives(client, texts.length, `${texts.length} message(s) at the client`, 45_000);
  for (const text of texts) atServer.send(text);
  await arrived;
}

const numbered = (count: number, prefix = 'm') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('A sprite without a `when message received` script', () => {
  it('keeps every message for take next message, oldest first, while received message data shows the latest', async () => {
    host.removeScript(HATS.message);
    const { sprite, atServer, client } = await connected();
    await serverSends(atServer, client, numbered(5));
    host.frames(3);
    expect(runtime.messageData(sprite)).toBe('m4');
    expect(runtime.statistic(sprite, 'queued messages')).toBe(5);
    const taken = numbered(5).map(() => runtime.takeNextMessage(sprite));
    expect(taken).toEqual(numbered(5));
    expect(runtime.takeNextMessage(sprite)).toBe('');
    expect(runtime.statistic(sprite, 'queued messages')).toBe(0);
  });

  it('makes a taken message the received message data, and is-binary follows it', async () => {
    host.removeScript(HATS.message);
    const { sprite, atServer, client } = await connected();
    await serverSends(atServer, client, ['text', Buffer.from([1, 2, 3]), 'last']);
    expect(runtime.messageData(sprite)).toBe('last');
    expect(runtime.isBinary(sprite)).toBe(false);
    expect(runtime.takeNextMessage(sprite)).toBe('text');
    expect(runtime.messageData(sprite)).toBe('text');
    expect(runtime.isBinary(sprite)).toBe(false);
    expect(runtime.takeNextMessage(sprite)).toBe('data:application/octet-stream;base64,AQID');
    expect(runtime.messageData(sprite)).toBe('data:application/octet-stream;base64,AQID');
    expect(runtime.isBinary(sprite)).toBe(true);
  });

  it('keeps at most the queue limit, dropping the oldest and counting them', async () => {
    host.removeScript(HATS.message);
    const { sprite, atServer, client } = await connected();
    const extra = 25;
    await serverSends(atServer, client, numbered(MAX_QUEUED_MESSAGES + extra));
    expect(MAX_QUEUED_MESSAGES).toBe(100_000);
    expect(runtime.statistic(sprite, 'queued messages')).toBe(MAX_QUEUED_MESSAGES);
    expect(runtime.statistic(sprite, 'dropped messages')).toBe(extra);
    expect(runtime.statistic(sprite, 'messages received')).toBe(MAX_QUEUED_MESSAGES + extra);
    expect(runtime.takeNextMessage(sprite)).toBe(`m${extra}`);
  });

  it('keeps at most the data limit, dropping the oldest whole messages and counting them', async () => {
    host.removeScript(HATS.message);
    const { sprite, atServer, client } = await connected();
    // 1 Mi characters each: exactly 32 fit in 32 Mi, so 8 of 40 are dropped.
    const mebi = 2 ** 20;
    expect(MAX_QUEUED_DATA_LENGTH).toBe(32 * mebi);
    await serverSends(atServer, client, Array.from({ length: 40 }, (_, i) => String(i % 10).repeat(mebi)));
    expect(runtime.statistic(sprite, 'queued messages')).toBe(32);
    expect(runtime.statistic(sprite, 'dropped messages')).toBe(8);
    expect(runtime.takeNextMessage(sprite)).toBe('8'.repeat(mebi));
  });

  it('keeps the newest message even when it alone is longer than the data limit', async () => {
    host.removeScript(HATS.message);
    const { sprite, atServer, client } = await connected();
    const huge = 'h'.repeat(MAX_QUEUED_DATA_LENGTH + 1);
    await serverSends(atServer, client, ['small', huge]);
    expect(runtime.statistic(sprite, 'queued messages')).toBe(1);
    expect(runtime.statistic(sprite, 'dropped messages')).toBe(1);
    expect(runtime.takeNextMessage(sprite).length).toBe(huge.length);
  });

  it('lets the close hat run at once: kept messages do not hold it back, and stay to be taken after the close', async () => {
    host.removeScript(HATS.message);
    const { sprite, atServer, client } = await connected();
    await serverSends(atServer, client, numbered(3));
    const closed = within(host.nextHat(HATS.close, sprite), 'the close hat');
    atServer.close(4000, 'bye');
    await closed;
    expect(runtime.isClosed(sprite)).toBe(true);
    expect(runtime.connectionState(sprite)).toBe('closed');
    expect(numbered(3).map(() => runtime.takeNextMessage(sprite))).toEqual(numbered(3));
  });

  it('gives the messages to the hat again once a script is added and the queue was emptied', async () => {
    host.removeScript(HATS.message);
    const { sprite, atServer, client } = await connected();
    await serverSends(atServer, client, ['kept']);
    expect(host.startsOf(HATS.message)).toHaveLength(0);
    host.addScript(HATS.message);
    expect(runtime.takeNextMessage(sprite)).toBe('kept');
    await serverSends(atServer, client, ['to the hat']);
    expect(host.startsOf(HATS.message, sprite)).toHaveLength(1);
    expect(runtime.statistic(sprite, 'queued messages')).toBe(0);
  });

  it('clear queued messages drops them all', async () => {
    host.removeScript(HATS.message);
    const { sprite, atServer, client } = await connected();
    await serverSends(atServer, client, numbered(4));
    runtime.clearQueue(sprite);
    expect(runtime.statistic(sprite, 'queued messages')).toBe(0);
    expect(runtime.takeNextMessage(sprite)).toBe('');
    expect(runtime.messageData(sprite)).toBe('m3');
  });

  it('connect to forgets the kept messages', async () => {
    host.removeScript(HATS.message);
    const { sprite, atServer, client } = await connected();
    await serverSends(atServer, client, numbered(4));
    await runtime.connect(sprite, server.url);
    expect(runtime.statistic(sprite, 'queued messages')).toBe(0);
    expect(runtime.takeNextMessage(sprite)).toBe('');
    expect(runtime.messageData(sprite)).toBe('');
  });
});

describe('A sprite with a `when message received` script', () => {
  it('gets messages one per frame as before, and take next message removes the oldest waiting one', async () => {
    host.setLifetime(HATS.message, 'manual');
    const { sprite, atServer, client } = await connected();
    await serverSends(atServer, client, ['first', 'second', 'third']);
    expect(host.startsOf(HATS.message, sprite)).toHaveLength(1);
    expect(runtime.messageData(sprite)).toBe('first');
    expect(runtime.statistic(sprite, 'queued messages')).toBe(2);
    expect(runtime.takeNextMessage(sprite)).toBe('second');
    expect(runtime.messageData(sprite)).toBe('second');
    host.finish(HATS.message, sprite);
    host.frame();
    expect(host.startsOf(HATS.message, sprite)).toHaveLength(2);
    expect(runtime.messageData(sprite)).toBe('third');
    expect(runtime.statistic(sprite, 'queued messages')).toBe(0);
  });

  it('bounds the queue behind a script that never finishes', async () => {
    host.setLifetime(HATS.message, 'manual');
    const { sprite, atServer, client } = await connected();
    await serverSends(atServer, client, numbered(MAX_QUEUED_MESSAGES + 11));
    // The first went to the hat; the rest wait, at most the limit.
    expect(runtime.statistic(sprite, 'queued messages')).toBe(MAX_QUEUED_MESSAGES);
    expect(runtime.statistic(sprite, 'dropped messages')).toBe(10);
    host.finish(HATS.message, sprite);
    host.frame();
    expect(runtime.messageData(sprite)).toBe('m11');
  });

  it('a take that empties the queue lets a queued close run its hat on the next frame', async () => {
    host.setLifetime(HATS.message, 'manual');
    const { sprite, atServer, client } = await connected();
    await serverSends(atServer, client, ['a', 'b']);
    const closed = within(host.nextHat(HATS.close, sprite), 'the close hat');
    atServer.close(4001, 'done');
    await framesUntil(host, () => runtime.statistic(sprite, 'queued messages') === 1 && TrackedWebSocket.last().readyState === 3, 'the close to arrive');
    expect(host.startsOf(HATS.close, sprite)).toHaveLength(0);
    expect(runtime.takeNextMessage(sprite)).toBe('b');
    host.finish(HATS.message, sprite);
    host.frame();
    await closed;
    expect(runtime.closeCode(sprite)).toBe(4001);
  });
});
