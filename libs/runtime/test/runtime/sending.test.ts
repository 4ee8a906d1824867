import { describe, expect, it } from 'vitest';
import { MemoryHost, receive, target, TestServer } from '@scratch-websocket/test-support';
import { MAX_KEPT_SEND_BYTES, MAX_KEPT_SENDS } from '../../src/index.js';
import { HATS, type TestRuntime, useRuntimeAndServer } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
useRuntimeAndServer((fixture) => ({ server, host, runtime } = fixture));

describe('Sending', () => {
  it('sends the payload as a text message', async () => {
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const socket = await server.nextConnection();
    const got = new Promise<{ text: string; isBinary: boolean }>((resolve) =>
      socket.once('message', (data, isBinary) => resolve({ text: data.toString(), isBinary })),
    );
    runtime.send(sprite, 'Hello! 😀');
    expect(await got).toEqual({ text: 'Hello! 😀', isBinary: false });
  });

  it('keeps messages sent before the connection opens and sends them in order right after', async () => {
    const sprite = target('sprite');
    const connecting = runtime.connect(sprite, server.url);
    for (let i = 0; i < 20; i += 1) runtime.send(sprite, `early ${i}`);
    await connecting;
    runtime.send(sprite, 'after open');
    const socket = await server.nextConnection();
    const expected = [...Array.from({ length: 20 }, (_, i) => `early ${i}`), 'after open'];
    expect(await receive(socket, 21)).toEqual(expected);
  });

  it('keeps at most the latest 1,000 messages sent before the connection opens, dropping the oldest', async () => {
    expect(MAX_KEPT_SENDS).toBe(1000);
    const sprite = target('sprite');
    const connecting = runtime.connect(sprite, server.url);
    for (let i = 0; i < MAX_KEPT_SENDS + 5; i += 1) runtime.send(sprite, `early ${i}`);
    await connecting;
    runtime.send(sprite, 'after open');
    const socket = await server.nextConnection();
    const expected = [...Array.from({ length: MAX_KEPT_SENDS }, (_, i) => `early ${i + 5}`), 'after open'];
    expect(await receive(socket, MAX_KEPT_SENDS + 1)).toEqual(expected);
  });

  it('keeps at most 16 MiB of messages sent before the connection opens, dropping the oldest, and always the newest', async () => {
    expect(MAX_KEPT_SEND_BYTES).toBe(16 * 2 ** 20);
    const sprite = target('sprite');
    const connecting = runtime.connect(sprite, server.url);
    // Each text takes 2 MiB as a JavaScript string: 8 fit; a binary message counts its bytes.
    const texts = Array.from({ length: 12 }, (_, i) => String(i % 10).repeat(2 ** 20));
    for (const text of texts) runtime.send(sprite, text);
    await connecting;
    const socket = await server.nextConnection();
    expect(await receive(socket, 8)).toEqual(texts.slice(4));
    // One message larger than the limit is still kept and sent.
    const reconnecting = runtime.connect(sprite, server.url);
    const huge = 'h'.repeat(MAX_KEPT_SEND_BYTES);
    runtime.send(sprite, huge);
    await reconnecting;
    expect(await receive(await server.nextConnection(), 1)).toEqual([huge]);
  });

  it('sends 2,000 messages in order with no queue of its own once open', async () => {
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const socket = await server.nextConnection();
    const got = receive(socket, 2000);
    for (let i = 0; i < 2000; i += 1) runtime.send(sprite, String(i));
    expect(await got).toEqual(Array.from({ length: 2000 }, (_, i) => String(i)));
  });

  it('ignores a send after the connection closed, without error', async () => {
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const closed = host.nextHat(HATS.close);
    runtime.close(sprite);
    await closed;
    expect(() => runtime.send(sprite, 'too late')).not.toThrow();
    expect(runtime.hasErrored(sprite)).toBe(false);
    expect(runtime.isClosed(sprite)).toBe(true);
    expect(host.startsOf(HATS.error)).toHaveLength(0);
  });

  it('drops messages kept before open when the connection is closed before it opens', async () => {
    const sprite = target('sprite');
    const connecting = runtime.connect(sprite, server.url);
    runtime.send(sprite, 'never');
    runtime.close(sprite);
    await connecting;
    // A second connection proves the server is reachable and receives only what it is sent.
    await runtime.connect(sprite, server.url);
    const socket = server.sockets.at(-1)!;
    const got = receive(socket, 1);
    runtime.send(sprite, 'second');
    expect(await got).toEqual(['second']);
  });

  it('ignores a send when there is no connection', () => {
    expect(() => runtime.send(target('nobody'), 'hello')).not.toThrow();
    expect(server.accepted).toBe(0);
    expect(host.listenerCount).toBe(0);
  });

  it('casts nothing itself: a payload that is not a string is ignored', async () => {
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const socket = await server.nextConnection();
    const got = receive(socket, 1);
    runtime.send(sprite, 42 as unknown as string);
    runtime.send(sprite, { toString: () => 'object' } as unknown as string);
    runtime.send(sprite, 'the only string');
    expect(await got).toEqual(['the only string']);
  });
});
