import { describe, expect, it } from 'vitest';
import { MemoryHost, receive, target, TestServer, within } from '@scratch-websocket/test-support';
import { STATISTICS } from '../../src/index.js';
import { connectSprite, clientReceives, HATS, type TestRuntime, useRuntimeAndServer } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
useRuntimeAndServer((fixture) => ({ server, host, runtime } = fixture));

const connected = (name = 'sprite') => connectSprite({ runtime, server }, name);

const stats = (sprite: object) => Object.fromEntries(STATISTICS.map((name) => [name, runtime.statistic(sprite as never, name)]));

describe('connection state', () => {
  it('is none before any connect, then connecting, open, closing and closed', async () => {
    const sprite = target('sprite');
    expect(runtime.connectionState(sprite)).toBe('none');
    let permit!: (allowed: boolean) => void;
    host.permission = () => new Promise((resolve) => (permit = resolve));
    const connecting = runtime.connect(sprite, server.url);
    expect(runtime.connectionState(sprite)).toBe('connecting');
    permit(true);
    await connecting;
    expect(runtime.connectionState(sprite)).toBe('open');
    await server.nextConnection();
    const closed = within(host.nextHat(HATS.close, sprite), 'the close hat');
    runtime.close(sprite);
    expect(runtime.connectionState(sprite)).toBe('closing');
    await closed;
    expect(runtime.connectionState(sprite)).toBe('closed');
  });

  it('is errored after a failure, with its reason in error message', async () => {
    const sprite = target('sprite');
    await runtime.connect(sprite, 'not a url at all');
    expect(runtime.connectionState(sprite)).toBe('errored');
    expect(runtime.errorMessage(sprite)).toBe('invalid URL');
  });
});

describe('connection statistic', () => {
  it('counts messages and UTF-8 payload bytes both ways, text and binary', async () => {
    const { sprite, atServer, client } = await connected();
    const atServerGets = receive(atServer, 3);
    runtime.send(sprite, 'héllo'); // 6 bytes
    runtime.send(sprite, '😀'); // 4 bytes
    runtime.sendBinary(sprite, 'data:,abc'); // 3 bytes
    await atServerGets;
    const arrived = clientReceives(client, 3);
    atServer.send('€'); // 3 bytes
    atServer.send(Buffer.alloc(10)); // 10 bytes
    atServer.send('plain'); // 5 bytes
    await arrived;
    expect(stats(sprite)).toEqual({
      'messages received': 3,
      'messages sent': 3,
      'bytes received': 18,
      'bytes sent': 13,
      'queued messages': 2,
      'dropped messages': 0,
      'reconnect attempts': 0,
    });
  });

  it('counts messages kept while connecting once they are sent', async () => {
    const sprite = target('sprite');
    const connecting = runtime.connect(sprite, server.url);
    runtime.send(sprite, 'early');
    expect(runtime.statistic(sprite, 'messages sent')).toBe(0);
    await connecting;
    expect(runtime.statistic(sprite, 'messages sent')).toBe(1);
    expect(runtime.statistic(sprite, 'bytes sent')).toBe(5);
  });

  it('ignores case and surrounding spaces in the name, and gives 0 for an unknown name or no connection', async () => {
    const { sprite, atServer, client } = await connected();
    const arrived = clientReceives(client, 1);
    atServer.send('x');
    await arrived;
    expect(runtime.statistic(sprite, '  Messages Received ')).toBe(1);
    expect(runtime.statistic(sprite, 'messages')).toBe(0);
    expect(runtime.statistic(sprite, '')).toBe(0);
    expect(runtime.statistic(target('other'), 'messages received')).toBe(0);
  });

  it('starts again from zero at connect to, and is kept after the connection ends', async () => {
    const { sprite, atServer, client } = await connected();
    const arrived = clientReceives(client, 2);
    atServer.send('a');
    atServer.send('b');
    await arrived;
    const closed = within(host.nextHat(HATS.close, sprite), 'the close hat');
    runtime.close(sprite);
    await closed;
    expect(runtime.statistic(sprite, 'messages received')).toBe(2);
    await runtime.connect(sprite, server.url);
    expect(stats(sprite)).toEqual(Object.fromEntries(STATISTICS.map((name) => [name, 0])));
  });
});
