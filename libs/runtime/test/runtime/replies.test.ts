import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { MemoryHost, MemoryThread, target, within } from '@scratch-websocket/test-support';
import { connectSprite, HATS, makeRuntime, useRuntimeAndServer, type RuntimeFixture } from '../support/runtime.js';

let fixture: RuntimeFixture;
useRuntimeAndServer((made) => {
  fixture = made;
});

/** A thread object as the VM passes one to a block (the reply status is kept per thread). */
function thread(): MemoryThread {
  return new MemoryThread('test_script', target('script owner'), 1);
}

/** Answers each JSON-RPC request `{id, method, params}` the server side gets with `answer(request)`, unless it returns null. */
function serveJsonRpc(socket: WebSocket, answer: (request: { id: unknown; method: string; params: unknown }) => unknown | null): void {
  socket.on('message', (data) => {
    const request = JSON.parse(data.toString());
    const result = answer(request);
    if (result !== null) socket.send(JSON.stringify({ jsonrpc: '2.0', result, id: request.id }));
  });
}

describe('send and wait for reply, matched in order (CONTRACT.md, Replies)', () => {
  it('resolves with the next message, which runs no message hat and joins no queue', async () => {
    const { sprite, atServer } = await connectSprite(fixture);
    atServer.on('message', (data) => atServer.send(`re: ${data.toString()}`));
    const script = thread();
    const reply = await within(Promise.resolve(fixture.runtime.conversation.request(sprite, 'hello', script)), 'the reply');
    expect(reply).toBe('re: hello');
    expect(fixture.runtime.conversation.replyStatus(sprite, script)).toBe('answered');
    expect(fixture.host.startsOf(HATS.message)).toHaveLength(0);
    expect(fixture.runtime.statistic(sprite, 'queued messages')).toBe(0);
    expect(fixture.runtime.messageData(sprite)).toBe('');
    // Counted as traffic all the same.
    expect(fixture.runtime.statistic(sprite, 'messages received')).toBe(1);
  });

  it('answers requests in the order they were sent, and a message no request waits for runs the hat as before', async () => {
    const { sprite, atServer } = await connectSprite(fixture);
    const first = fixture.runtime.conversation.request(sprite, 'a', thread());
    const second = fixture.runtime.conversation.request(sprite, 'b', thread());
    atServer.send('one');
    atServer.send('two');
    expect(await within(Promise.all([first, second]), 'both replies')).toEqual(['one', 'two']);
    const hat = fixture.host.nextHat(HATS.message);
    atServer.send('news');
    await hat;
    expect(fixture.runtime.messageData(sprite)).toBe('news');
  });

  it('times out with an empty answer and `timed out`; the late reply keeps that place and is an ordinary message', async () => {
    const { sprite, atServer } = await connectSprite(fixture);
    const script = thread();
    fixture.runtime.conversation.setReplyTimeout(sprite, 0.05, script);
    const reply = await within(Promise.resolve(fixture.runtime.conversation.request(sprite, 'slow', script)), 'the timeout');
    expect(reply).toBe('');
    expect(fixture.runtime.conversation.replyStatus(sprite, script)).toBe('timed out');
    fixture.runtime.conversation.setReplyTimeout(sprite, 5, script);
    const next = fixture.runtime.conversation.request(sprite, 'next', thread());
    const hat = fixture.host.nextHat(HATS.message);
    atServer.send('late answer to slow');
    atServer.send('answer to next');
    await hat;
    expect(fixture.runtime.messageData(sprite)).toBe('late answer to slow');
    expect(await within(Promise.resolve(next), 'the second reply')).toBe('answer to next');
  });

  it('ends every waiting request at once when the connection ends, with `connection ended`', async () => {
    const { sprite, atServer } = await connectSprite(fixture);
    const script = thread();
    const reply = fixture.runtime.conversation.request(sprite, 'x', script);
    atServer.terminate();
    expect(await within(Promise.resolve(reply), 'the request to end with the connection')).toBe('');
    expect(fixture.runtime.conversation.replyStatus(sprite, script)).toBe('connection ended');
  });

  it('answers `not connected` at once without a connection, and after it ended', async () => {
    const sprite = target('lonely');
    const script = thread();
    expect(fixture.runtime.conversation.request(sprite, 'x', script)).toBe('');
    expect(fixture.runtime.conversation.replyStatus(sprite, script)).toBe('not connected');
    const { sprite: ended } = await connectSprite(fixture, 'ended');
    fixture.runtime.close(ended);
    expect(fixture.runtime.conversation.request(ended, 'x', script)).toBe('');
    expect(fixture.runtime.conversation.replyStatus(ended, script)).toBe('not connected');
  });

  it('connecting the name again, or removing the target (a deleted clone), ends its waiting requests', async () => {
    const { sprite } = await connectSprite(fixture);
    const replaced = fixture.runtime.conversation.request(sprite, 'x', thread());
    const reconnecting = fixture.runtime.connect(sprite, fixture.server.url);
    expect(await within(Promise.resolve(replaced), 'the request to end with its replaced connection')).toBe('');
    await reconnecting;
    const script = thread();
    const removed = fixture.runtime.conversation.request(sprite, 'y', script);
    fixture.host.removeTarget(sprite);
    expect(await within(Promise.resolve(removed), 'the request to end with its removed target')).toBe('');
    expect(fixture.runtime.conversation.replyStatus(sprite, script)).toBe('connection ended');
  });

  it('the stop sign ends a waiting request', async () => {
    const { sprite } = await connectSprite(fixture);
    const reply = fixture.runtime.conversation.request(sprite, 'x', thread());
    fixture.host.stopAll();
    expect(await within(Promise.resolve(reply), 'the request to end at the stop sign')).toBe('');
  });
});

describe('send and wait for reply, matched by a JSON field', () => {
  it('gives each of three requests its own reply when the answers come back in reverse order; notifications still run the hat', async () => {
    const { sprite, atServer } = await connectSprite(fixture);
    fixture.runtime.conversation.matchByField(sprite, 'id');
    const held: string[] = [];
    atServer.on('message', (data) => {
      const request = JSON.parse(data.toString());
      held.push(JSON.stringify({ jsonrpc: '2.0', result: request.params[0] * 10, id: request.id }));
      if (held.length === 3) {
        atServer.send(JSON.stringify({ jsonrpc: '2.0', method: 'tick' }));
        for (const reply of held.reverse()) atServer.send(reply);
      }
    });
    const scripts = [thread(), thread(), thread()];
    const replies = [1, 2, 3].map((n, i) =>
      fixture.runtime.conversation.request(sprite, `{"jsonrpc":"2.0","method":"times10","params":[${n}]}`, scripts[i]),
    );
    const hat = fixture.host.nextHat(HATS.message);
    const answers = (await within(Promise.all(replies), 'three replies')).map((reply) => JSON.parse(reply).result);
    expect(answers).toEqual([10, 20, 30]);
    await hat;
    expect(fixture.runtime.messageData(sprite)).toBe('{"jsonrpc":"2.0","method":"tick"}');
    expect(fixture.host.startsOf(HATS.message)).toHaveLength(1);
    expect(fixture.runtime.statistic(sprite, 'queued messages')).toBe(0);
  });

  it('sends a request that names its id as written, and writes a fresh number into one that has none', async () => {
    const { sprite, atServer } = await connectSprite(fixture);
    fixture.runtime.conversation.matchByField(sprite, 'id');
    const seen: string[] = [];
    atServer.on('message', (data) => seen.push(data.toString()));
    serveJsonRpc(atServer, () => 'ok');
    await within(Promise.resolve(fixture.runtime.conversation.request(sprite, '{"id":"mine","method":"a"}')), 'the first reply');
    await within(Promise.resolve(fixture.runtime.conversation.request(sprite, '{"method":"b"}')), 'the second reply');
    await within(Promise.resolve(fixture.runtime.conversation.request(sprite, '{"method":"c"}')), 'the third reply');
    expect(seen).toEqual(['{"id":"mine","method":"a"}', '{"id":1,"method":"b"}', '{"id":2,"method":"c"}']);
  });

  it('answers `no id` at once, sending nothing, for a payload that is not a JSON object', async () => {
    const { sprite, atServer } = await connectSprite(fixture);
    fixture.runtime.conversation.matchByField(sprite, 'id');
    const script = thread();
    expect(fixture.runtime.conversation.request(sprite, 'not json', script)).toBe('');
    expect(fixture.runtime.conversation.replyStatus(sprite, script)).toBe('no id');
    expect(fixture.runtime.statistic(sprite, 'messages sent')).toBe(0);
    atServer.send('{"id":1}');
    await fixture.host.nextHat(HATS.message);
  });

  it('keeps the setting per connection name, set before `connect to`', async () => {
    const sprite = target('sprite');
    const chat = thread();
    fixture.runtime.useConnection(sprite, 'chat', chat);
    fixture.runtime.conversation.matchByField(sprite, 'ref', chat);
    await fixture.runtime.connect(sprite, fixture.server.url, chat);
    const atServer = await fixture.server.nextConnection();
    await fixture.runtime.connect(sprite, fixture.server.url);
    const atDefault = await fixture.server.nextConnection();
    atServer.on('message', (data) => {
      const ref = JSON.parse(data.toString()).ref;
      atServer.send('noise');
      atServer.send(JSON.stringify({ ref, ok: true }));
    });
    atDefault.on('message', () => atDefault.send('plain'));
    expect(await within(Promise.resolve(fixture.runtime.conversation.request(sprite, '{}', chat)), 'the chat reply')).toBe('{"ref":1,"ok":true}');
    expect(await within(Promise.resolve(fixture.runtime.conversation.request(sprite, '{}')), 'the default reply')).toBe('plain');
  });
});

describe('requests and automatic reconnect', () => {
  it('a request in flight ends when the connection is lost; one made while reconnecting is sent once open again and answered', async () => {
    const { runtime, host } = makeRuntime(new MemoryHost(), () => 20);
    try {
      const sprite = target('sprite');
      runtime.setAutoReconnect(sprite, 'on');
      await runtime.connect(sprite, fixture.server.url);
      const first = await fixture.server.nextConnection();
      const inFlight = runtime.conversation.request(sprite, 'lost', thread());
      first.terminate();
      expect(await within(Promise.resolve(inFlight), 'the request in flight to end')).toBe('');
      expect(runtime.connectionState(sprite)).toBe('reconnecting');
      const script = thread();
      const later = runtime.conversation.request(sprite, 'again', script);
      const second = await fixture.server.nextConnection('the reconnect at the server');
      second.on('message', (data) => second.send(`re: ${data.toString()}`));
      expect(await within(Promise.resolve(later), 'the reply after the reconnect')).toBe('re: again');
      expect(runtime.conversation.replyStatus(sprite, script)).toBe('answered');
      expect(host.startsOf(HATS.message)).toHaveLength(0);
    } finally {
      runtime.dispose();
    }
  });
});
