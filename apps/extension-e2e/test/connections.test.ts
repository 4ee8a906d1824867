import { describe, expect, it } from 'vitest';
import { variable } from '../src/sb3/blocks';
import {
  changeVariable, changeXBy, equals, forever, lengthOfList, setVariable, waitUntil, whenFlagClicked,
} from '../src/sb3/core';
import { websocket } from '../src/sb3/websocket';
import { recordEvents } from '../src/scenario';
import { useE2e } from './fixture';

/** libs/runtime/CONTRACT.md, Connections and Sending, in the real VM. */
describe('connections', () => {
  const e2e = useE2e();

  it('echoes: a message sent after `connect to` comes back through `when message received`', async () => {
    const server = await e2e.wsServer();
    const project = e2e.project();
    recordEvents(project.sprite('Cat')).script(
      whenFlagClicked(),
      websocket('newInstance', server.url('/echo')),
      websocket('sendMessage', 'hello'),
      websocket('sendMessage', 42),
    );
    const vm = await e2e.load(project, 'echo');
    await vm.greenFlag();
    expect(await vm.waitForListLength('messages', 2, 'Cat')).toEqual(['hello', '42']);
    expect(await vm.list('events', 'Cat')).toEqual(['open']);
    const [connection] = await server.waitForConnections(1);
    expect(connection!.path).toBe('/echo');
    // `send message` casts to text: the number went out as a text frame.
    expect(connection!.received).toEqual([
      { text: 'hello', isBinary: false },
      { text: '42', isBinary: false },
    ]);
  });

  it('`connect to` waits until open, so the next block in the same script sends on the open connection', async () => {
    const server = await e2e.wsServer(() => {});
    const project = e2e.project();
    project
      .sprite('Cat')
      .variable('afterConnect', 'unset')
      .script(
        whenFlagClicked(),
        websocket('newInstance', server.url('/one-script')),
        setVariable('afterConnect', websocket('isConnected')),
        websocket('sendMessage', 'first'),
      );
    const vm = await e2e.load(project, 'connect-then-send');
    await vm.greenFlag();
    await vm.waitForVariable('afterConnect', 'true', 'Cat');
    const [connection] = await server.waitForConnections(1);
    expect(await connection!.waitForMessages(1)).toEqual(['first']);
  });

  it('`connect to` holds its script until the server accepts, while other scripts keep running', async () => {
    const server = await e2e.wsServer(undefined, { holdHandshakes: true });
    const project = e2e.project();
    project
      .sprite('Cat')
      .variable('afterConnect', 'unset')
      .variable('ticks', 0)
      .script(whenFlagClicked(), websocket('newInstance', server.url('/slow')), setVariable('afterConnect', websocket('isConnected')))
      .script(whenFlagClicked(), forever([changeVariable('ticks', 1), changeXBy(1)]));
    const vm = await e2e.load(project, 'slow-accept');
    await vm.greenFlag();
    await vm.waitFor(() => server.heldCount === 1, 'the handshake to reach the server');
    // Meanwhile the other script runs frame after frame; the connecting one stays put.
    await vm.waitFor(async () => Number(await vm.variable('ticks', 'Cat')) >= 30, 'the other script to tick 30 times');
    expect(await vm.variable('afterConnect', 'Cat')).toBe('unset');

    server.releaseHandshakes();
    await vm.waitForVariable('afterConnect', 'true', 'Cat');
  });

  it('keeps messages sent before open from another script and sends them first, in order', async () => {
    const server = await e2e.wsServer(() => {});
    const project = e2e.project();
    project
      .sprite('Cat')
      .variable('connecting', 0)
      .variable('connectedWhenSending', 'unset')
      .script(whenFlagClicked(), setVariable('connecting', 1), websocket('newInstance', server.url('/early')), websocket('sendMessage', 'after open'))
      .script(
        whenFlagClicked(),
        // Runs while the other script is still inside `connect to`.
        waitUntil(equalsOne('connecting')),
        setVariable('connectedWhenSending', websocket('isConnected')),
        websocket('sendMessage', 'early 1'),
        websocket('sendMessage', 'early 2'),
      );
    const vm = await e2e.load(project, 'send-before-open');
    await vm.greenFlag();
    const [connection] = await server.waitForConnections(1);
    expect(await connection!.waitForMessages(3)).toEqual(['early 1', 'early 2', 'after open']);
    expect(await vm.variable('connectedWhenSending', 'Cat')).toBe(false);
  });

  it('ignores `send message` with no connection and after close, without error', async () => {
    const server = await e2e.wsServer(() => {});
    const project = e2e.project();
    recordEvents(project.sprite('Cat'))
      .variable('done', 'no')
      .script(
        whenFlagClicked(),
        websocket('sendMessage', 'before any connection'),
        websocket('newInstance', server.url('/ignored')),
        websocket('sendMessage', 'while open'),
        websocket('closeWithoutReason'),
        websocket('sendMessage', 'after close'),
        setVariable('done', 'yes'),
      );
    const vm = await e2e.load(project, 'send-ignored');
    await vm.greenFlag();
    await vm.waitForVariable('done', 'yes', 'Cat');
    const [connection] = await server.waitForConnections(1);
    await connection!.waitForClose();
    expect(connection!.texts).toEqual(['while open']);
    expect(await vm.variable('errors', 'Cat')).toBe(0);
  });

  it('gives two sprites separate connections that do not see each other', async () => {
    const server = await e2e.wsServer();
    const project = e2e.project();
    for (const name of ['Cat', 'Dog']) {
      recordEvents(project.sprite(name)).script(
        whenFlagClicked(),
        websocket('newInstance', server.url(`/${name}`)),
        websocket('sendMessage', `from ${name}`),
      );
    }
    const vm = await e2e.load(project, 'two-sprites');
    await vm.greenFlag();
    expect(await vm.waitForListLength('messages', 1, 'Cat')).toEqual(['from Cat']);
    expect(await vm.waitForListLength('messages', 1, 'Dog')).toEqual(['from Dog']);
    const connections = await server.waitForConnections(2);
    expect(connections.map((connection) => connection.path).sort()).toEqual(['/Cat', '/Dog']);
    for (const connection of connections) expect(connection.texts).toEqual([`from ${connection.path.slice(1)}`]);
  });

  it('closing one sprite\'s connection leaves the other sprite\'s open', async () => {
    const server = await e2e.wsServer();
    const project = e2e.project();
    project.stage.variable('step', 0);
    recordEvents(project.sprite('Cat'))
      .variable('stillConnected', 'unset')
      .script(
        whenFlagClicked(),
        websocket('newInstance', server.url('/Cat')),
        waitUntil(equalsOne('step')),
        setVariable('stillConnected', websocket('isConnected')),
        websocket('sendMessage', 'Cat still here'),
      );
    recordEvents(project.sprite('Dog')).script(
      whenFlagClicked(),
      websocket('newInstance', server.url('/Dog')),
      websocket('closeWithCode', 4000),
    );
    const vm = await e2e.load(project, 'one-closes');
    await vm.greenFlag();
    expect(await vm.waitForListLength('events', 2, 'Dog')).toEqual(['open', 'close 4000 ']);
    await vm.setVariable('step', 1);
    expect(await vm.waitForListLength('messages', 1, 'Cat')).toEqual(['Cat still here']);
    expect(await vm.variable('stillConnected', 'Cat')).toBe(true);
    expect(await vm.list('events', 'Cat')).toEqual(['open']);
  });

  it('`connect to` again replaces the connection: the old one closes quietly and state starts fresh', async () => {
    const server = await e2e.wsServer();
    const project = e2e.project();
    recordEvents(project.sprite('Cat'))
      .variable('dataAfterReplace', 'unset')
      .script(
        whenFlagClicked(),
        websocket('newInstance', server.url('/first')),
        websocket('sendMessage', 'to first'),
        waitUntil(lengthIsOne('messages')),
        websocket('newInstance', server.url('/second')),
        setVariable('dataAfterReplace', websocket('messageData')),
        websocket('sendMessage', 'to second'),
      );
    const vm = await e2e.load(project, 'replace');
    await vm.greenFlag();
    expect(await vm.waitForListLength('messages', 2, 'Cat')).toEqual(['to first', 'to second']);
    const [first, second] = await server.waitForConnections(2);
    expect(first!.path).toBe('/first');
    expect(second!.path).toBe('/second');
    // A clean close frame, not a dropped socket. The contract does not fix its code: the
    // runtime sends none (1005 at the server) or 1000.
    expect([1000, 1005]).toContain((await first!.waitForClose()).code);
    expect(second!.isClosed).toBe(false);
    expect(await vm.variable('dataAfterReplace', 'Cat')).toBe('');
    // Two opens, no close hat for the replaced connection.
    expect(await vm.list('events', 'Cat')).toEqual(['open', 'open']);
  });

  it.each([
    ['a bare loopback host gets ws://', (port: number) => `127.0.0.1:${port}/bare`, '/bare'],
    ['http:// becomes ws://', (port: number) => `http://127.0.0.1:${port}/http`, '/http'],
    ['localhost gets ws://', (port: number) => `localhost:${port}/localhost`, '/localhost'],
  ])('fixes up the URL: %s', async (_title, makeUrl, path) => {
    const server = await e2e.wsServer();
    const project = e2e.project();
    recordEvents(project.sprite('Cat')).script(whenFlagClicked(), websocket('newInstance', makeUrl(server.port)));
    const vm = await e2e.load(project, 'url');
    await vm.greenFlag();
    const [connection] = await server.waitForConnections(1);
    expect(connection!.path).toBe(path);
    expect(await vm.waitForListLength('events', 1, 'Cat')).toEqual(['open']);
  });
});

const equalsOne = (name: string) => equals(variable(name), 1);
const lengthIsOne = (list: string) => equals(lengthOfList(list), 1);
