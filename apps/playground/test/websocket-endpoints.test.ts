import { once } from 'node:events';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startPlayground, type RunningPlayground } from './support/playground.js';
import { closeClient, openClient, rawWebSocket, recordMessages } from './support/ws-client.js';
import { within } from '@scratch-websocket/test-support';

let running: RunningPlayground;
const clients: WebSocket[] = [];

beforeEach(async () => {
  running = await startPlayground();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map(closeClient));
  await running.close();
});

async function client(path: string): Promise<WebSocket> {
  const socket = await openClient(`${running.wsBase}${path}`);
  clients.push(socket);
  return socket;
}

describe('/echo', () => {
  it('sends a text message back as the same text', async () => {
    const socket = await client('/echo');
    const messages = recordMessages(socket, '/echo');
    socket.send('héllo wörld ✓ 🎉');
    const reply = await messages.next();
    expect(reply.isBinary).toBe(false);
    expect(reply.data.toString('utf8')).toBe('héllo wörld ✓ 🎉');
  });

  it('sends a binary message back as the same bytes, still binary', async () => {
    const socket = await client('/echo');
    const messages = recordMessages(socket, '/echo');
    const bytes = Buffer.from([0, 1, 2, 127, 128, 254, 255]);
    socket.send(bytes, { binary: true });
    const reply = await messages.next();
    expect(reply.isBinary).toBe(true);
    expect(reply.data.equals(bytes)).toBe(true);
  });

  it('answers a burst in order, text and binary mixed, empty message included', async () => {
    const socket = await client('/echo');
    const messages = recordMessages(socket, '/echo');
    socket.send('one');
    socket.send(Buffer.from([2]), { binary: true });
    socket.send('');
    socket.send('four');
    const replies = [await messages.next(), await messages.next(), await messages.next(), await messages.next()];
    expect(replies.map((reply) => [reply.isBinary, [...reply.data]])).toEqual([
      [false, [...Buffer.from('one')]],
      [true, [2]],
      [false, []],
      [false, [...Buffer.from('four')]],
    ]);
  });

  it('echoes to its sender only', async () => {
    const sender = await client('/echo');
    const other = await client('/echo');
    const otherMessages = recordMessages(other, 'the other /echo client');
    const senderMessages = recordMessages(sender, 'the sending /echo client');
    sender.send('for me');
    expect((await senderMessages.next()).data.toString()).toBe('for me');
    // If the first message had reached `other`, it would arrive before this one.
    other.send('for the other');
    expect((await otherMessages.next()).data.toString()).toBe('for the other');
  });
});

describe('/broadcast', () => {
  it('relays every message to every other client, and not back to its sender', async () => {
    const alice = await client('/broadcast');
    const bob = await client('/broadcast');
    const carol = await client('/broadcast');
    const [fromAlice, fromBob, fromCarol] = [alice, bob, carol].map((socket, index) => recordMessages(socket, `client ${index}`));

    alice.send('hi from alice');
    expect((await fromBob!.next()).data.toString()).toBe('hi from alice');
    expect((await fromCarol!.next()).data.toString()).toBe('hi from alice');

    bob.send('hi from bob');
    // Alice's first message is Bob's: her own was not sent back to her.
    const aliceFirst = await fromAlice!.next();
    expect(aliceFirst.isBinary).toBe(false);
    expect(aliceFirst.data.toString()).toBe('hi from bob');
    expect((await fromCarol!.next()).data.toString()).toBe('hi from bob');
  });

  it('keeps binary as binary and text as text', async () => {
    const sender = await client('/broadcast');
    const receiver = await client('/broadcast');
    const received = recordMessages(receiver, 'the receiver');
    sender.send(Buffer.from([9, 8, 7]), { binary: true });
    sender.send('text after binary');
    const first = await received.next();
    const second = await received.next();
    expect([first.isBinary, [...first.data]]).toEqual([true, [9, 8, 7]]);
    expect([second.isBinary, second.data.toString()]).toEqual([false, 'text after binary']);
  });

  it('stops relaying to a client once it has left', async () => {
    const leaver = await client('/broadcast');
    const stayer = await client('/broadcast');
    const sender = await client('/broadcast');
    const stayed = recordMessages(stayer, 'the client that stayed');
    await closeClient(leaver);
    await running.log.waitFor('close /broadcast #1 code 1000 (2 open)');
    sender.send('after the leaver left');
    expect((await stayed.next()).data.toString()).toBe('after the leaver left');
    expect(leaver.readyState).toBe(WebSocket.CLOSED);
  });

  it('does not relay between /broadcast and /echo', async () => {
    const echoClient = await client('/echo');
    const echoed = recordMessages(echoClient, '/echo');
    const broadcaster = await client('/broadcast');
    const listener = await client('/broadcast');
    const heard = recordMessages(listener, 'the /broadcast listener');
    broadcaster.send('room only');
    expect((await heard.next()).data.toString()).toBe('room only');
    echoClient.send('echo only');
    // The echo client's first message is its own echo, not the room's message.
    expect((await echoed.next()).data.toString()).toBe('echo only');
  });
});

describe('other WebSocket paths', () => {
  it.each(['/', '/nope', '/echo/', '/Echo', '/websocket.js'])('refuses an upgrade on %s with 404', async (path) => {
    const socket = new WebSocket(`${running.wsBase}${path}`);
    const [request, response] = (await within(
      once(socket, 'unexpected-response'),
      `the answer to an upgrade on ${path}`,
    )) as [ClientRequest, IncomingMessage];
    // With an `unexpected-response` listener, ending the refused request is up to the caller.
    request.destroy();
    expect(response.statusCode).toBe(404);
  });
});

describe('a misbehaving client', () => {
  it('is logged and failed with 1002, and the server keeps serving', async () => {
    const raw = await rawWebSocket(running.port, '/echo');
    // A client frame without a mask breaks RFC 6455 §5.1: the server must fail the connection.
    raw.socket.write(Buffer.from([0x81, 0x02, 0x68, 0x69]));
    await running.log.waitFor('error /echo #1: Invalid WebSocket frame: MASK must be set');
    // The server sends its close frame, 1002 "protocol error", and waits for ours.
    await within(raw.receivedAtLeast(4), 'the close frame for the bad client');
    const frames = raw.received().subarray(raw.received().indexOf('\r\n\r\n') + 4);
    expect([frames[0], frames.readUInt16BE(2)]).toEqual([0x88, 1002]);
    // This peer just hangs up, so the server records an abnormal closure (no close frame came back).
    raw.socket.destroy();
    await running.log.waitFor('close /echo #1 code 1006 (0 open)');

    const socket = await client('/echo');
    const messages = recordMessages(socket, '/echo after the bad client');
    socket.send('still here');
    expect((await messages.next()).data.toString()).toBe('still here');
  });
});

describe('connection log', () => {
  it('logs one line per open and per close, with path, number and open count', async () => {
    const echo = await client('/echo');
    await running.log.waitFor('open  /echo #1 (1 open)');
    const room = await client('/broadcast');
    await running.log.waitFor('open  /broadcast #2 (2 open)');
    room.close(4000, 'bye');
    await running.log.waitFor('close /broadcast #2 code 4000 "bye" (1 open)');
    await closeClient(echo);
    await running.log.waitFor('close /echo #1 code 1000 (0 open)');
    expect(running.log.lines).toEqual([
      'open  /echo #1 (1 open)',
      'open  /broadcast #2 (2 open)',
      'close /broadcast #2 code 4000 "bye" (1 open)',
      'close /echo #1 code 1000 (0 open)',
    ]);
  });
});

describe('close()', () => {
  it('closes every socket with 1001 "playground stopped", then stops listening', async () => {
    const echo = await client('/echo');
    const room = await client('/broadcast');
    const closes = [echo, room].map((socket) => once(socket, 'close'));
    await running.close();
    const codes = await within(Promise.all(closes), 'both clients to see the close');
    expect(codes.map(([code, reason]) => [code, String(reason)])).toEqual([
      [1001, 'playground stopped'],
      [1001, 'playground stopped'],
    ]);
    const refused = new WebSocket(`${running.wsBase}/echo`);
    const [error] = (await within(once(refused, 'error').catch((e) => [e]), 'a connection to the stopped server to fail')) as [Error];
    expect((error as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });

  it('cuts a client that never answers the closing handshake, after the grace period', async () => {
    // A raw TCP client that completes the opening handshake and then ignores everything.
    const raw = await rawWebSocket(running.port, '/echo');
    await running.log.waitFor('open  /echo #1 (1 open)');
    const ended = once(raw.socket, 'close');
    await within(running.close(), 'close() to give up on the silent client');
    await within(ended, 'the silent client to be cut');
    // The server did send its close frame (opcode 8, FIN set) before cutting.
    const frames = raw.received().subarray(raw.received().indexOf('\r\n\r\n') + 4);
    expect(frames[0]).toBe(0x88);
    expect(frames.readUInt16BE(2)).toBe(1001);
    expect(running.log.lines.at(-1)).toBe('close /echo #1 code 1006 (0 open)');
  });
});
