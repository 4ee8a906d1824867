import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryHost, target, TestServer, within } from '@scratch-websocket/test-support';
import { HATS, makeRuntime, TrackedWebSocket, type TestRuntime } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
/** What the server was offered, per connection. */
let offered: string[][];

beforeEach(async () => {
  offered = [];
  // The server speaks `chat` and `superchat`, preferring the first the client lists.
  server = await TestServer.start({
    handleProtocols: (protocols) => {
      offered.push([...protocols]);
      return [...protocols].find((p) => p === 'chat' || p === 'superchat') ?? false;
    },
  });
  ({ runtime, host } = makeRuntime());
});

afterEach(async () => {
  runtime.dispose();
  await server.close();
});

describe('connect to with protocols', () => {
  it('offers the trimmed list in order, and protocol gives the one the server chose', async () => {
    const sprite = target('sprite');
    expect(runtime.protocol(sprite)).toBe('');
    await runtime.connectWithProtocols(sprite, server.url, ' v2.json , superchat,, chat ');
    expect(runtime.isConnected(sprite)).toBe(true);
    expect(offered).toEqual([['v2.json', 'superchat', 'chat']]);
    expect(runtime.protocol(sprite)).toBe('superchat');
    expect(host.startsOf(HATS.open, sprite)).toHaveLength(1);
  });

  it('keeps the protocol after the connection closes, and forgets it at the next connect to', async () => {
    const sprite = target('sprite');
    await runtime.connectWithProtocols(sprite, server.url, 'chat');
    const closed = within(host.nextHat(HATS.close, sprite), 'the close hat');
    runtime.close(sprite);
    await closed;
    expect(runtime.protocol(sprite)).toBe('chat');
    await runtime.connect(sprite, server.url);
    expect(runtime.protocol(sprite)).toBe('');
  });

  it('fails with connection failed when the server picks none of them', async () => {
    const sprite = target('sprite');
    await runtime.connectWithProtocols(sprite, server.url, 'mqtt');
    expect(runtime.connectionState(sprite)).toBe('errored');
    expect(runtime.errorMessage(sprite)).toBe('connection failed');
    expect(host.startsOf(HATS.error, sprite)).toHaveLength(1);
    expect(runtime.protocol(sprite)).toBe('');
  });

  it.each([['a b'], ['chat, chat'], ['ch@t'], ['"chat"'], ['chat;superchat']])(
    'refuses the list %j: errored with invalid protocols, the error hat runs, no socket is opened',
    async (list) => {
      const sprite = target('sprite');
      const before = TrackedWebSocket.instances.length;
      await runtime.connectWithProtocols(sprite, server.url, list);
      expect(runtime.connectionState(sprite)).toBe('errored');
      expect(runtime.hasErrored(sprite)).toBe(true);
      expect(runtime.errorMessage(sprite)).toBe('invalid protocols');
      expect(host.startsOf(HATS.error, sprite)).toHaveLength(1);
      expect(TrackedWebSocket.instances.length).toBe(before);
      expect(host.askedUrls).toEqual([]);
    },
  );

  it('with an empty list is a plain connect to: the WebSocket is made with the URL alone', async () => {
    const sprite = target('sprite');
    await runtime.connectWithProtocols(sprite, server.url, ' , ');
    expect(runtime.isConnected(sprite)).toBe(true);
    expect(TrackedWebSocket.protocolArguments.at(-1)).toBeUndefined();
    // `ws` asks `handleProtocols` only when the client offered some.
    expect(offered).toEqual([]);
    expect(runtime.protocol(sprite)).toBe('');
  });

  it('plain connect to makes the WebSocket with the URL alone, and a list passes it whole', async () => {
    await runtime.connect(target('a'), server.url);
    expect(TrackedWebSocket.protocolArguments.at(-1)).toBeUndefined();
    await runtime.connectWithProtocols(target('b'), server.url, 'chat,superchat');
    expect(TrackedWebSocket.protocolArguments.at(-1)).toEqual(['chat', 'superchat']);
  });
});
