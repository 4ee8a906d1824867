import { describe, expect, it } from 'vitest';
import { setVariable, whenFlagClicked } from '../src/sb3/core';
import { websocket } from '../src/sb3/websocket';
import { recordEvents } from '../src/scenario';
import { refusedPort } from '../src/server/ws-server';
import { useE2e } from './fixture';

/** libs/runtime/CONTRACT.md, Errors, in the real VM. */
describe('errors', () => {
  const e2e = useE2e();

  /** A sprite that connects to `url`, then records the state reporters once `connect to` returned. */
  function connectingSprite(project: ReturnType<typeof e2e.project>, name: string, url: string) {
    return recordEvents(project.sprite(name))
      .variable('wentOn', 'no')
      .variable('errored', 'unset')
      .variable('closed', 'unset')
      .variable('connected', 'unset')
      .script(
        whenFlagClicked(),
        websocket('newInstance', url),
        setVariable('errored', websocket('hasErrored')),
        setVariable('closed', websocket('isClosed')),
        setVariable('connected', websocket('isConnected')),
        setVariable('wentOn', 'yes'),
      );
  }

  async function expectErroredNotClosed(vm: Awaited<ReturnType<typeof e2e.load>>, sprite: string) {
    // `connect to` returned: the script went on past it.
    await vm.waitForVariable('wentOn', 'yes', sprite);
    expect(await vm.waitForListLength('events', 1, sprite)).toEqual(['error']);
    expect(await vm.variable('errored', sprite)).toBe(true);
    expect(await vm.variable('closed', sprite)).toBe(false);
    expect(await vm.variable('connected', sprite)).toBe(false);
    await vm.runFrames(5);
    expect(await vm.variable('closes', sprite), 'close hat runs after an error').toBe(0);
    expect(await vm.variable('errors', sprite)).toBe(1);
  }

  it('errors, and does not close, when the port refuses the connection', async () => {
    const port = await refusedPort();
    const project = e2e.project();
    connectingSprite(project, 'Cat', `ws://127.0.0.1:${port}/nobody`);
    const vm = await e2e.load(project, 'refused');
    await vm.greenFlag();
    await expectErroredNotClosed(vm, 'Cat');
  });

  it('errors when TurboWarp denies permission, and no socket reaches the server', async () => {
    const server = await e2e.wsServer();
    const deniedUrl = server.url('/denied');
    const project = e2e.project();
    connectingSprite(project, 'Denied', deniedUrl);
    // Same server, other path, allowed: shows the server was reachable all along.
    connectingSprite(project, 'Allowed', server.url('/allowed'));
    const vm = await e2e.load(project, 'denied', { denyFetchPrefixes: [deniedUrl] });
    await vm.greenFlag();
    await expectErroredNotClosed(vm, 'Denied');
    expect(await vm.waitForListLength('events', 1, 'Allowed')).toEqual(['open']);
    expect(server.connections.map((connection) => connection.path)).toEqual(['/allowed']);
    expect(await vm.fetchRequests()).toContain(deniedUrl);
    expect(vm.socketsCreated).toEqual([server.url('/allowed')]);
  });

  it.each([
    ['another scheme', 'ftp://127.0.0.1/file'],
    ['text that is no address', 'not a websocket url'],
    ['an empty URL', ''],
  ])('errors without opening a socket for %s', async (_title, url) => {
    const project = e2e.project();
    connectingSprite(project, 'Cat', url);
    const vm = await e2e.load(project, 'bad-url');
    await vm.greenFlag();
    await expectErroredNotClosed(vm, 'Cat');
    expect(vm.socketsCreated, 'WebSockets the page created').toEqual([]);
  });

  it('errors when the server refuses the handshake', async () => {
    const server = await e2e.wsServer(undefined, { refuseHandshake: true });
    const project = e2e.project();
    connectingSprite(project, 'Cat', server.url('/refused'));
    const vm = await e2e.load(project, 'handshake-refused');
    await vm.greenFlag();
    await expectErroredNotClosed(vm, 'Cat');
    expect(server.refusedHandshakes).toEqual(['/refused']);
  });

  it('closes with 1006, and does not error, when the server drops the connection without a close frame', async () => {
    const server = await e2e.wsServer((connection) => {
      connection.socket.on('message', () => connection.socket.terminate());
    });
    const project = e2e.project();
    recordEvents(project.sprite('Cat'))
      .variable('errored', 'unset')
      .variable('closed', 'unset')
      .variable('error', 'unset')
      .script(whenFlagClicked(), websocket('newInstance', server.url('/dropped')), websocket('sendMessage', 'drop me'))
      .script(
        websocket('onClose'),
        setVariable('errored', websocket('hasErrored')),
        setVariable('closed', websocket('isClosed')),
        setVariable('error', websocket('errorMessage')),
      );
    const vm = await e2e.load(project, 'dropped');
    await vm.greenFlag();
    expect(await vm.waitForListLength('events', 2, 'Cat')).toEqual(['open', 'close 1006 ']);
    await vm.waitForVariable('closed', 'true', 'Cat');
    expect(await vm.variable('errored', 'Cat')).toBe(false);
    expect(await vm.variable('error', 'Cat')).toBe('');
    await vm.runFrames(5);
    expect(await vm.variable('errors', 'Cat')).toBe(0);
  });

  it('errors (`connection lost`), and does not close, when the browser fails an open connection (a text frame that is not UTF-8)', async () => {
    const server = await e2e.wsServer((connection, request) => {
      // Written past `ws`, which sends only valid frames.
      connection.socket.on('message', () => request.socket.write(Buffer.from([0x81, 0x02, 0xff, 0xfe])));
    });
    const project = e2e.project();
    recordEvents(project.sprite('Cat'))
      .variable('errored', 'unset')
      .variable('closed', 'unset')
      .variable('error', 'unset')
      .script(whenFlagClicked(), websocket('newInstance', server.url('/lost')), websocket('sendMessage', 'fail me'))
      .script(
        websocket('onError'),
        setVariable('errored', websocket('hasErrored')),
        setVariable('closed', websocket('isClosed')),
        setVariable('error', websocket('errorMessage')),
      );
    const vm = await e2e.load(project, 'lost');
    await vm.greenFlag();
    expect(await vm.waitForListLength('events', 2, 'Cat')).toEqual(['open', 'error']);
    await vm.waitForVariable('errored', 'true', 'Cat');
    expect(await vm.variable('closed', 'Cat')).toBe(false);
    expect(await vm.variable('error', 'Cat')).toBe('connection lost');
    await vm.runFrames(5);
    expect(await vm.variable('closes', 'Cat')).toBe(0);
  });
});
