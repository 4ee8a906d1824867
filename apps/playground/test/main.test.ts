import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startCli, type CliProcess } from './support/cli.js';
import { HOST } from './support/playground.js';
import { within } from '@scratch-websocket/test-support';
import { openClient, recordMessages } from './support/ws-client.js';

const started: CliProcess[] = [];
function cli(args: string[], env?: Record<string, string>): CliProcess {
  const playground = startCli(args, env);
  started.push(playground);
  return playground;
}

afterEach(() => {
  for (const playground of started.splice(0)) if (playground.child.exitCode === null) playground.child.kill('SIGKILL');
});

describe('bad arguments', () => {
  it.each<{ args: string[]; env: Record<string, string>; line: string }>([
    { args: ['--port', 'abc'], env: {}, line: 'playground: bad argument: --port must be a whole number from 0 to 65535, got "abc"' },
    { args: [], env: { PORT: 'eighty' }, line: 'playground: bad argument: PORT must be a whole number from 0 to 65535, got "eighty"' },
    {
      args: ['--allow-origin', 'https://example.com.'],
      env: {},
      line: 'playground: bad argument: --allow-origin must name its host without a trailing dot, as browsers send it for pages on that site (https://example.com), got "https://example.com."',
    },
  ])('$args $env: one line on stderr, exit code 2', async ({ args, env, line }) => {
    const playground = cli(args, env);
    expect(await playground.exited()).toBe(2);
    expect(playground.stderr()).toBe(`${line}\n`);
    expect(playground.stdout()).toBe('');
  });

  it('names an unknown argument, exit code 2', async () => {
    const playground = cli(['--verbose']);
    expect(await playground.exited()).toBe(2);
    expect(playground.stderr()).toMatch(/^playground: bad argument: unknown argument "--verbose" \(usage: npm start[^\n]*\)\n$/);
  });
});

describe('port in use', () => {
  let holder: Server | undefined;
  afterEach(async () => {
    if (holder?.listening) await new Promise((resolve) => holder!.close(resolve));
  });

  it('says so in one line and exits with code 1', async () => {
    holder = createServer();
    holder.listen(0, HOST);
    await within(once(holder, 'listening'), 'the port holder to listen');
    const port = (holder.address() as { port: number }).port;

    const playground = cli(['--port', String(port)]);
    expect(await playground.exited()).toBe(1);
    expect(playground.stderr()).toBe(
      `playground: port ${port} is already in use (is a playground already running?); stop that program or choose another port with --port N\n`,
    );
  });
});

describe('serving until stopped', () => {
  it.each<{ signal: NodeJS.Signals; args: string[]; env: Record<string, string> }>([
    { signal: 'SIGINT', args: ['--port', '0'], env: {} },
    { signal: 'SIGTERM', args: [], env: { PORT: '0' } },
  ])('started with $args $env: prints the URLs once, logs connections, and on $signal closes every socket and exits 0', async ({ signal, args, env }) => {
    const playground = cli(args, env);
    const [, port] = await playground.waitForOutput(/^scratch-websocket playground: http:\/\/localhost:(\d+)\/$/m);
    await playground.waitForOutput(/^Ctrl-C stops it\.$/m);
    expect(playground.stdout()).toContain(
      `  TurboWarp with the blocks  https://turbowarp.org/editor?extension=http://localhost:${port}/websocket.js\n`,
    );
    expect(playground.stdout()).toContain(`  echo server                ws://localhost:${port}/echo\n`);
    expect(playground.stdout()).toContain(`  broadcast server           ws://localhost:${port}/broadcast\n`);

    const client = await openClient(`ws://${HOST}:${port}/echo`);
    const messages = recordMessages(client, 'the CLI echo');
    client.send('through the CLI');
    expect((await messages.next()).data.toString()).toBe('through the CLI');
    await playground.waitForOutput(/^\d\d:\d\d:\d\d open {2}\/echo #1 \(1 open\)$/m);

    const closed = once(client, 'close');
    playground.child.kill(signal);
    const [code, reason] = await within(closed, 'the client to be closed by the stopping server', 5000);
    expect([code, String(reason)]).toEqual([1001, 'playground stopped']);
    expect(await playground.exited()).toBe(0);
    expect(playground.stdout()).toMatch(new RegExp(`^\\d\\d:\\d\\d:\\d\\d ${signal}: closing every connection and the server$`, 'm'));
    expect(playground.stdout()).toMatch(/^\d\d:\d\d:\d\d close \/echo #1 code 1001 "playground stopped" \(0 open\)$/m);
    expect(playground.stdout().match(/^scratch-websocket playground:/gm)).toHaveLength(1);
    expect(playground.stderr()).toBe('');
  });
});
