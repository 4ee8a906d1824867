import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryHost, target, TestServer, within, type MemoryThread, type TestTarget } from '@scratch-websocket/test-support';
import { BinaryBlocks, ConversationBlocks, WebSocketRuntime, type RuntimeFacets } from '../../src/index.js';
import { clientReceives, HATS, socketsUnderTest, TrackedWebSocket } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
const runtimes: WebSocketRuntime<TestTarget, MemoryThread>[] = [];

beforeEach(async () => {
  server = await TestServer.start();
  host = new MemoryHost();
});
afterEach(async () => {
  for (const runtime of runtimes.splice(0)) runtime.dispose();
  await server.close();
});

/** A runtime built with only `facets` (test/support's runtimes have them all). */
function runtimeWith(facets?: RuntimeFacets): WebSocketRuntime<TestTarget, MemoryThread> {
  const runtime = new WebSocketRuntime<TestTarget, MemoryThread>({ ...socketsUnderTest(host), hats: HATS, ...(facets === undefined ? {} : { facets }) });
  runtimes.push(runtime);
  return runtime;
}

describe('A runtime built with some facets', () => {
  it('builds exactly the facets it is given; the others are undefined', () => {
    expect(runtimeWith().binary).toBeUndefined();
    expect(runtimeWith().conversation).toBeUndefined();
    const binaryOnly = runtimeWith({ binary: BinaryBlocks });
    expect(binaryOnly.binary).toBeInstanceOf(BinaryBlocks);
    expect(binaryOnly.conversation).toBeUndefined();
    const conversationOnly = runtimeWith({ conversation: ConversationBlocks });
    expect(conversationOnly.binary).toBeUndefined();
    expect(conversationOnly.conversation).toBeInstanceOf(ConversationBlocks);
  });

  it('without the binary facet, takes queued messages oldest first as with it', async () => {
    host.removeScript(HATS.message);
    const runtime = runtimeWith();
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const atServer = await server.nextConnection();
    const arrived = clientReceives(TrackedWebSocket.last(), 2);
    atServer.send('first');
    atServer.send('second');
    await arrived;
    host.frames(2);
    expect(runtime.takeNextMessage(sprite)).toBe('first');
    expect(runtime.messageData(sprite)).toBe('first');
    expect(runtime.takeNextMessage(sprite)).toBe('second');
    expect(runtime.takeNextMessage(sprite)).toBe('');
  });

  it('without the conversation facet, hands every message to its hat (no connection claims one)', async () => {
    const runtime = runtimeWith();
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const atServer = await server.nextConnection();
    const started = host.nextHat(HATS.message, sprite);
    atServer.send('hello');
    await within(started, 'the message hat');
    expect(runtime.messageData(sprite)).toBe('hello');
  });
});
