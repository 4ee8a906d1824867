import { once } from 'node:events';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { parseArgs } from '../src/args.js';
import { startPlayground, type RunningPlayground } from './support/playground.js';
import { within } from '@scratch-websocket/test-support';
import { closeClient, recordMessages } from './support/ws-client.js';

let running: RunningPlayground;
const clients: WebSocket[] = [];

beforeEach(async () => {
  running = await startPlayground({ allowOrigins: ['https://friend.example'] });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map(closeClient));
  await running.close();
});

/** Opens `path` as a page on `origin` would (`undefined`: no Origin header, as programs do). */
function connectFrom(origin: string | undefined, path: string): WebSocket {
  const socket = new WebSocket(`${running.wsBase}${path}`, origin === undefined ? {} : { origin });
  clients.push(socket);
  return socket;
}

async function refusal(socket: WebSocket): Promise<{ status: number; body: string }> {
  // A refused client never opens, so there is nothing to close afterwards.
  clients.splice(clients.indexOf(socket), 1);
  const [request, response] = (await within(once(socket, 'unexpected-response'), 'the answer to the upgrade')) as [
    ClientRequest,
    IncomingMessage,
  ];
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  await within(once(response, 'end'), 'the refusal body');
  request.destroy();
  return { status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() };
}

describe('the Origin allow-list', () => {
  it.each([
    ['https://evil.example', '/broadcast'],
    ['null', '/broadcast'],
    ['https://evil.example', '/echo'],
    ['http://turbowarp.org', '/echo'],
    ['https://turbowarp.org.evil.example', '/echo'],
  ])('refuses a page on %s at %s with 403 and one log line', async (origin, path) => {
    const answer = await refusal(connectFrom(origin, path));
    expect(answer.status).toBe(403);
    expect(answer.body).toBe("This page's origin may not use the playground: start it with --allow-origin ORIGIN to allow it.\n");
    await running.log.waitFor(
      `refused ${path}: origin ${JSON.stringify(origin)} is not allowed (add it with --allow-origin); answered 403`,
    );
    expect(running.log.lines.filter((line) => line.startsWith('open'))).toEqual([]);
  });

  it.each([
    ['TurboWarp', 'https://turbowarp.org'],
    ['the TurboWarp packager', 'https://packager.turbowarp.org'],
    ['TurboWarp Desktop', 'tw-editor://.'],
    ['this server by name', 'http://localhost:PORT'],
    ['this server by address', 'http://127.0.0.1:PORT'],
    ['an origin added with --allow-origin', 'https://friend.example'],
    ['a program (no Origin header)', undefined],
  ])('accepts %s (%s) and echoes', async (_who, origin) => {
    const socket = connectFrom(origin?.replace('PORT', String(running.port)), '/echo');
    await within(once(socket, 'open'), 'the allowed client to open');
    const messages = recordMessages(socket, 'the allowed client');
    socket.send('allowed');
    expect((await messages.next()).data.toString()).toBe('allowed');
  });

  it.each([
    ['https://example.com:443', 'https://example.com'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
  ])('accepts a page on what a browser sends for --allow-origin %s (%s)', async (flag, origin) => {
    const parsed = parseArgs(['--allow-origin', flag], {});
    if (parsed.kind !== 'serve') throw new Error(`--allow-origin ${flag} was refused: ${JSON.stringify(parsed)}`);
    await running.close();
    running = await startPlayground({ allowOrigins: parsed.allowOrigins });
    const socket = connectFrom(origin, '/echo');
    await within(once(socket, 'open'), 'the allowed client to open');
    expect(running.log.lines.filter((line) => line.startsWith('refused'))).toEqual([]);
  });

  it('refuses this server\'s own page on another port', async () => {
    const answer = await refusal(connectFrom(`http://localhost:${running.port + 1}`, '/broadcast'));
    expect(answer.status).toBe(403);
  });
});
