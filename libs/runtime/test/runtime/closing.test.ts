import { describe, expect, it } from 'vitest';
import { closeAtServer, framesUntil, MemoryHost, target, TestServer } from '@scratch-websocket/test-support';
import { connectSprite, clientReceives, HATS, type TestRuntime, useRuntimeAndServer } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
useRuntimeAndServer((fixture) => ({ server, host, runtime } = fixture));

const connected = (name = 'sprite') => connectSprite({ runtime, server }, name);

describe('Closing', () => {
  it('reports a close by the server: closed, its code and reason, and the close hat', async () => {
    const { sprite, atServer } = await connected();
    const hat = host.nextHat(HATS.close);
    atServer.close(4001, 'server says bye');
    await hat;
    expect(runtime.isClosed(sprite)).toBe(true);
    expect(runtime.closeCode(sprite)).toBe(4001);
    expect(runtime.closeMessage(sprite)).toBe('server says bye');
    expect(host.startsOf(HATS.close, sprite)).toHaveLength(1);
    expect(host.startsOf(HATS.error)).toHaveLength(0);
  });

  it('reports an empty reason when the server gives none', async () => {
    const { sprite, atServer } = await connected();
    const hat = host.nextHat(HATS.close);
    atServer.close(1000);
    await hat;
    expect(runtime.closeCode(sprite)).toBe(1000);
    expect(runtime.closeMessage(sprite)).toBe('');
  });

  it('has an empty code and message before any close', async () => {
    const { sprite } = await connected();
    expect(runtime.closeCode(sprite)).toBe(0);
    expect(runtime.closeMessage(sprite)).toBe('');
    expect(runtime.isClosed(sprite)).toBe(false);
  });

  it('runs the close hat when the project closes, once the close completes', async () => {
    const { sprite, atServer } = await connected();
    const atServerClose = closeAtServer(atServer);
    const hat = host.nextHat(HATS.close);
    runtime.close(sprite);
    expect(host.startsOf(HATS.close)).toHaveLength(0);
    expect(await atServerClose).toEqual({ code: 1000, reason: '' });
    await hat;
    expect(runtime.isClosed(sprite)).toBe(true);
    expect(runtime.closeCode(sprite)).toBe(1000);
    expect(host.startsOf(HATS.close, sprite)).toHaveLength(1);
    expect(host.startsOf(HATS.error)).toHaveLength(0);
  });

  it.each([
    ['close connection', (rt: typeof runtime, s: object) => rt.close(s as never), { code: 1000, reason: '' }],
    ['with code 3500', (rt: typeof runtime, s: object) => rt.closeWithCode(s as never, 3500), { code: 3500, reason: '' }],
    ['with code 4999', (rt: typeof runtime, s: object) => rt.closeWithCode(s as never, 4999), { code: 4999, reason: '' }],
    ['with code 2000 (reserved)', (rt: typeof runtime, s: object) => rt.closeWithCode(s as never, 2000), { code: 1000, reason: '' }],
    ['with code 3000.5', (rt: typeof runtime, s: object) => rt.closeWithCode(s as never, 3000.5), { code: 1000, reason: '' }],
    ['with reason', (rt: typeof runtime, s: object) => rt.closeWithReason(s as never, 'fulfilled', 4000), { code: 4000, reason: 'fulfilled' }],
    [
      'with a long emoji reason',
      (rt: typeof runtime, s: object) => rt.closeWithReason(s as never, `${'a'.repeat(121)}😀😀`, 1000),
      { code: 1000, reason: 'a'.repeat(121) },
    ],
    [
      'with a reason of 2-byte letters',
      (rt: typeof runtime, s: object) => rt.closeWithReason(s as never, 'é'.repeat(100), 3001),
      { code: 3001, reason: 'é'.repeat(61) },
    ],
  ])('close block %s: the server sees the code and reason', async (_name, closeBlock, expected) => {
    const { sprite, atServer } = await connected();
    const seen = closeAtServer(atServer);
    const hat = host.nextHat(HATS.close);
    closeBlock(runtime, sprite);
    expect(await seen).toEqual(expected);
    await hat;
    expect(runtime.closeCode(sprite)).toBe(expected.code);
    expect(runtime.closeMessage(sprite)).toBe(expected.reason);
  });

  it('delivers no further message once the project asked to close', async () => {
    host.setLifetime(HATS.message, 'manual');
    const { sprite, atServer, client } = await connected();
    const arrived = clientReceives(client, 5);
    for (let i = 0; i < 5; i += 1) atServer.send(`m${i}`);
    await arrived;
    expect(runtime.messageData(sprite)).toBe('m0');
    const hat = host.nextHat(HATS.close);
    runtime.close(sprite);
    // Messages sent by the server after the close frame left are ignored too.
    atServer.send('after close');
    host.activeThreads(HATS.message, sprite)[0]!.finish();
    await hat;
    await framesUntil(host, () => runtime.connectionCount === 0, 'the connection to be released');
    host.frames(5);
    expect(host.startsOf(HATS.message)).toHaveLength(1);
    expect(runtime.messageData(sprite)).toBe('m0');
  });

  it('a close block while still connecting closes it: close hat, connect returns', async () => {
    const sprite = target('sprite');
    const connecting = runtime.connect(sprite, server.url);
    const hat = host.nextHat(HATS.close);
    runtime.close(sprite);
    await connecting;
    await hat;
    expect(runtime.isClosed(sprite)).toBe(true);
    expect(runtime.hasErrored(sprite)).toBe(false);
    expect(host.startsOf(HATS.error)).toHaveLength(0);
    expect(host.startsOf(HATS.open)).toHaveLength(0);
  });

  it('the close blocks do nothing without a connection', () => {
    const sprite = target('sprite');
    runtime.close(sprite);
    runtime.closeWithCode(sprite, 3000);
    runtime.closeWithReason(sprite, 'why', 3000);
    expect(host.started).toEqual([]);
    expect(runtime.isClosed(sprite)).toBe(false);
    expect(host.listenerCount).toBe(0);
  });

  it('a second close block after the first does not run the hat twice', async () => {
    const { sprite } = await connected();
    const hat = host.nextHat(HATS.close);
    runtime.closeWithCode(sprite, 3001);
    runtime.closeWithCode(sprite, 3002);
    await hat;
    runtime.close(sprite);
    expect(host.startsOf(HATS.close)).toHaveLength(1);
    expect(runtime.closeCode(sprite)).toBe(3001);
  });

  it('stops the `when connected` threads when the connection closes', async () => {
    host.setLifetime(HATS.open, 'manual');
    const { sprite, atServer } = await connected();
    const openThread = host.activeThreads(HATS.open, sprite)[0]!;
    const hat = host.nextHat(HATS.close);
    atServer.close(1000);
    await hat;
    expect(openThread.status).toBe('stopped');
  });
});
