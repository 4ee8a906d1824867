import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Server as RpcServer } from 'rpc-websockets';
import { describe, expect, it } from 'vitest';
import { within } from '@scratch-websocket/test-support';
import { variable } from '../src/sb3/blocks';
import { addToList, changeVariable, forever, greaterThan, ifThen, join, repeat, setVariable, whenFlagClicked, whenIReceive } from '../src/sb3/core';
import { websocket } from '../src/sb3/websocket';
import type { ServerConnection } from '../src/server/ws-server';
import { useE2e } from './fixture';

/** A JSON-RPC 2.0 server from npm (`rpc-websockets`, not written here) on 127.0.0.1, an OS-assigned port. */
async function startRpcServer(): Promise<{ url: string; server: RpcServer; close: () => Promise<void> }> {
  const server = new RpcServer({ host: '127.0.0.1', port: 0 });
  await within(once(server.wss, 'listening'), 'the JSON-RPC server to listen');
  const { port } = server.wss.address() as AddressInfo;
  // params: [a, b]
  server.register('sum', (params) => (params as number[])[0]! + (params as number[])[1]!);
  // params: [value, delayMs]: answers value after delayMs.
  server.register('later', (params) => {
    const [value, delayMs] = params as [unknown, number];
    return new Promise((resolve) => setTimeout(() => resolve(value), delayMs));
  });
  server.event('feed');
  return { url: `ws://127.0.0.1:${port}/`, server, close: () => server.close() };
}

/** CONTRACT.md, Replies, in the real VM against a real JSON-RPC 2.0 server. */
describe('requests and replies against rpc-websockets', () => {
  const e2e = useE2e();

  it('calls a method with parameters; three scripts calling at once each get their own answer, though answered in reverse; a late answer times out; notifications still run the message hat', async () => {
    const rpc = await startRpcServer();
    try {
      const call = (method: string, params: string) => `{"jsonrpc":"2.0","method":"${method}","params":${params}}`;
      const project = e2e.project();
      project
        .sprite('Cat')
        .variable('sum', '')
        .variable('sum status', '')
        .variable('late', 'unset')
        .variable('late status', '')
        .variable('subscribed', '')
        .list('answers')
        .list('events')
        .script(
          whenFlagClicked(),
          websocket('matchRepliesByField', 'id'),
          websocket('newInstance', rpc.url),
          setVariable('sum', websocket('sendAndWaitForReply', call('sum', '[2,3]'))),
          setVariable('sum status', websocket('replyStatus')),
          setVariable('subscribed', websocket('sendAndWaitForReply', call('rpc.on', '["feed"]'))),
        )
        // Three scripts ask at once; the server answers the one asked first last.
        .script(whenIReceive('ask'), addToList('answers', join('A ', websocket('sendAndWaitForReply', call('later', '["A",600]')))))
        .script(whenIReceive('ask'), addToList('answers', join('B ', websocket('sendAndWaitForReply', call('later', '["B",300]')))))
        .script(whenIReceive('ask'), addToList('answers', join('C ', websocket('sendAndWaitForReply', call('later', '["C",50]')))))
        .script(
          whenIReceive('late'),
          websocket('setReplyTimeout', 0.3),
          setVariable('late', websocket('sendAndWaitForReply', call('later', '["too late",1500]'))),
          setVariable('late status', websocket('replyStatus')),
        )
        .script(websocket('onMessage'), addToList('events', websocket('messageData')));
      const vm = await e2e.load(project, 'rpc-websockets');
      await vm.greenFlag();
      await vm.waitFor(async () => (await vm.variable('subscribed', 'Cat')) !== '', 'the subscription to the feed');
      expect(JSON.parse(String(await vm.variable('sum', 'Cat')))).toEqual({ jsonrpc: '2.0', result: 5, id: 1 });
      expect(await vm.variable('sum status', 'Cat')).toBe('answered');
      expect(JSON.parse(String(await vm.variable('subscribed', 'Cat'))).result).toEqual({ feed: 'ok' });

      await vm.broadcast('ask');
      const answers = await vm.waitForListLength('answers', 3, 'Cat');
      // Answered in reverse order of asking, each script got its own.
      expect(answers.map((answer) => String(answer).slice(0, 1))).toEqual(['C', 'B', 'A']);
      for (const answer of answers) {
        const [who, json] = [String(answer).slice(0, 1), String(answer).slice(2)];
        expect(JSON.parse(json).result).toBe(who);
      }

      await vm.broadcast('late');
      await vm.waitForVariable('late status', 'timed out', 'Cat');
      expect(await vm.variable('late', 'Cat')).toBe('');

      rpc.server.emit('feed', { n: 1 });
      const events = await vm.waitForListLength('events', 1, 'Cat');
      expect(JSON.parse(String(events[0]))).toEqual({ notification: 'feed', params: { n: 1 } });
      // The late answer to the timed-out request matches nothing waiting: it arrives as a message too.
      const withLate = await vm.waitForListLength('events', 2, 'Cat', 5000);
      expect(JSON.parse(String(withLate[1])).result).toBe('too late');
      // No reply ran the message hat.
      await vm.runFrames(10);
      expect(await vm.list('events', 'Cat')).toHaveLength(2);
    } finally {
      await rpc.close();
    }
  });
});

/** CONTRACT.md, Keepalive, in the real VM. */
describe('keepalive', () => {
  const e2e = useE2e();
  const INTERVAL_S = 1;
  const TIMEOUT_S = 1;
  const PONG_DELAY_MS = 200;

  it('measures the round-trip time, notices a server that stops answering within interval + timeout, and reconnects', async () => {
    let answering = true;
    let lastPong = 0;
    const closedAt: number[] = [];
    const server = await e2e.wsServer((connection: ServerConnection) => {
      connection.socket.on('message', (data) => {
        if (data.toString() !== 'ping' || !answering) return;
        setTimeout(() => {
          if (!answering) return;
          lastPong = Date.now();
          connection.socket.send('pong');
        }, PONG_DELAY_MS);
      });
      connection.socket.on('close', () => closedAt.push(Date.now()));
    });
    const project = e2e.project();
    project
      .sprite('Cat')
      .variable('rtt', 0)
      .variable('opens', 0)
      .list('events')
      .script(
        whenFlagClicked(),
        websocket('setAutoReconnect', 'on'),
        websocket('setKeepalive', INTERVAL_S, 'ping', 'pong', TIMEOUT_S),
        websocket('newInstance', server.url('/alive')),
      )
      .script(whenFlagClicked(), forever([setVariable('rtt', websocket('roundTripTime'))]))
      .script(websocket('onOpen'), changeVariable('opens', 1))
      .script(websocket('onError'), addToList('events', join('error ', websocket('errorMessage'))))
      .script(websocket('onMessage'), addToList('events', join('message ', websocket('messageData'))));
    const vm = await e2e.load(project, 'keepalive');
    await vm.greenFlag();
    await vm.waitFor(async () => Number(await vm.variable('rtt', 'Cat')) > 0, 'a round-trip time');
    const rtt = Number(await vm.variable('rtt', 'Cat'));
    expect(rtt).toBeGreaterThanOrEqual(PONG_DELAY_MS);
    expect(rtt).toBeLessThan(PONG_DELAY_MS + 500);

    answering = false;
    const stoppedAt = Math.max(lastPong, Date.now() - PONG_DELAY_MS);
    expect(await vm.waitForListLength('events', 1, 'Cat', 10_000)).toEqual(['error connection lost']);
    // The page let go of the silent socket: the server saw it close.
    await vm.waitFor(() => closedAt.length >= 1, 'the lost socket to close at the server');
    // Noticed within interval + timeout of the server's silence (plus a second for a loaded machine).
    expect(closedAt[0]! - stoppedAt).toBeLessThan((INTERVAL_S + TIMEOUT_S + 1) * 1000);

    answering = true;
    await vm.waitForVariable('opens', 2, 'Cat', 30_000);
    await server.waitForConnections(2);
    // Pings and pongs were never delivered to the project.
    await vm.runFrames(10);
    expect(await vm.list('events', 'Cat')).toEqual(['error connection lost']);
  });
});

/** CONTRACT.md, Pace, in the real VM. */
describe('send and wait until sent', () => {
  const e2e = useE2e();
  const CHUNK = 256 * 1024;
  const CHUNKS = 200;

  it('holds a send loop back while the server does not read, keeps the page buffer bounded, and finishes once it reads', async () => {
    const server = await e2e.wsServer((connection: ServerConnection) => {
      // A reader that stops reading: TCP's window closes and the page's buffer is all that is left.
      (connection.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    });
    const project = e2e.project();
    project
      .sprite('Cat')
      .variable('chunk', 'x'.repeat(CHUNK))
      .variable('sent', 0)
      .variable('most waiting', 0)
      .script(
        whenFlagClicked(),
        websocket('newInstance', server.url('/slow')),
        repeat(CHUNKS, [websocket('sendAndWaitUntilSent', variable('chunk')), changeVariable('sent', 1)]),
      )
      .script(
        whenFlagClicked(),
        forever([ifThen(greaterThan(websocket('bytesWaiting'), variable('most waiting')), [setVariable('most waiting', websocket('bytesWaiting'))])]),
      );
    const vm = await e2e.load(project, 'pace');
    await vm.greenFlag();
    const [connection] = await server.waitForConnections(1);
    // Wait until the loop is held back: `sent` no longer moves over 30 frames.
    let before = -1;
    for (let i = 0; i < 40; i += 1) {
      const now = Number(await vm.variable('sent', 'Cat'));
      if (now === before && now > 0) break;
      before = now;
      await vm.runFrames(30);
    }
    const held = Number(await vm.variable('sent', 'Cat'));
    expect(held).toBeLessThan(CHUNKS);
    expect(held).toBe(before);
    // The page never held much more than the message being sent.
    expect(Number(await vm.variable('most waiting', 'Cat'))).toBeLessThanOrEqual(2 * CHUNK);

    (connection!.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    await vm.waitForVariable('sent', CHUNKS, 'Cat', 60_000);
    expect(Number(await vm.variable('most waiting', 'Cat'))).toBeLessThanOrEqual(2 * CHUNK);
  });
});
