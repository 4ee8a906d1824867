import { STATISTICS, type Statistic } from '@scratch-websocket/runtime';
import { describe, expect, it } from 'vitest';
import { addToList, changeXBy, forever, join, setVariable, whenFlagClicked } from '../src/sb3/core';
import { websocket } from '../src/sb3/websocket';
import { refusedPort } from '../src/server/ws-server';
import { useE2e } from './fixture';

/** `name: value` of every statistic the runtime counts (the spec's menu mirrors them; codegen checks it), as list items. */
const logStatistics = (list: string) => STATISTICS.map((stat) => addToList(list, join(`${stat}: `, websocket('statistic', stat))));

/** A script that copies `connection state` and `error message` into variables every frame, for the test to watch. */
const watchState = () =>
  [
    whenFlagClicked(),
    forever([setVariable('state', websocket('connectionState')), setVariable('error', websocket('errorMessage')), changeXBy(1)]),
  ] as const;

/** CONTRACT.md, Knowing what happened and Subprotocols, in the real VM. */
describe('connection status and subprotocols', () => {
  const e2e = useE2e();

  it('reads connecting, open and closed through a connection, with its messages and bytes counted', async () => {
    const server = await e2e.wsServer(
      (connection) => {
        connection.socket.send('héllo'); // 6 bytes in UTF-8
        connection.socket.send(Buffer.from([9, 8, 7, 6]), { binary: true });
      },
      { holdHandshakes: true },
    );
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('log')
      .list('messages')
      .variable('state', '')
      .variable('error', 'unset')
      .script(
        whenFlagClicked(),
        addToList('log', join('before: ', websocket('connectionState'))),
        websocket('newInstance', server.url('/life')),
        addToList('log', join('after connect: ', websocket('connectionState'))),
        websocket('sendMessage', 'abc'),
        websocket('sendMessage', '☁'), // 3 bytes in UTF-8
        websocket('sendBinary', 'data:application/octet-stream;base64,AAEC'), // 3 bytes
      )
      .script(...watchState())
      .script(websocket('onMessage'), addToList('messages', websocket('messageData')))
      .script(
        websocket('onClose'),
        addToList('log', join('close hat: ', websocket('connectionState'))),
        addToList('log', join('error: ', websocket('errorMessage'))),
        ...logStatistics('log'),
      );
    const vm = await e2e.load(project, 'life');
    await vm.greenFlag();
    await vm.waitForVariable('state', 'connecting', 'Cat');
    expect(await vm.variable('error', 'Cat')).toBe('');
    await vm.waitFor(() => server.heldCount === 1, 'the handshake to reach the server');
    server.releaseHandshakes();
    await vm.waitForVariable('state', 'open', 'Cat');
    const [connection] = await server.waitForConnections(1);
    await connection!.waitForMessages(3);
    expect(await vm.waitForListLength('messages', 2, 'Cat')).toEqual(['héllo', 'data:application/octet-stream;base64,CQgHBg==']);
    connection!.socket.close(1000, 'done');
    const log = await vm.waitForListLength('log', 4 + STATISTICS.length, 'Cat');
    // Typed by the runtime's names: a statistic added or renamed there fails the type check here.
    const counted: Record<Statistic, number> = {
      'messages received': 2,
      'messages sent': 3,
      'bytes received': 10,
      'bytes sent': 9,
      'queued messages': 0,
      'dropped messages': 0,
      'reconnect attempts': 0,
    };
    expect(log).toEqual([
      'before: none',
      'after connect: open',
      'close hat: closed',
      'error: ',
      ...STATISTICS.map((stat) => `${stat}: ${counted[stat]}`),
    ]);
    await vm.waitForVariable('state', 'closed', 'Cat');
    expect(connection!.received.map((message) => message.isBinary)).toEqual([false, false, true]);
  });

  it('reads closing after a close block until the server answers', async () => {
    const server = await e2e.wsServer((connection) => {
      // Reads nothing more, so the closing handshake stays unanswered for the grace period.
      connection.socket.pause();
    });
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('log')
      .script(
        whenFlagClicked(),
        websocket('newInstance', server.url('/closing')),
        websocket('closeWithoutReason'),
        addToList('log', websocket('connectionState')),
      )
      .script(websocket('onClose'), addToList('log', websocket('connectionState')));
    const vm = await e2e.load(project, 'closing');
    await vm.greenFlag();
    expect(await vm.waitForListLength('log', 2, 'Cat')).toEqual(['closing', 'closed']);
  });

  it.each([
    ['a port nobody listens on', 'connection failed', async () => `ws://127.0.0.1:${await refusedPort()}/`],
    ['an address that is not a URL', 'invalid URL', async () => 'wss://not a url'],
  ])('reads errored with `%s` → `%s`, and the error hat sees it', async (_title, reason, makeUrl) => {
    const url = await makeUrl();
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('log')
      .script(
        whenFlagClicked(),
        addToList('log', join('error before: ', websocket('errorMessage'))),
        websocket('newInstance', url),
        addToList('log', join('after connect: ', websocket('connectionState'))),
      )
      .script(
        websocket('onError'),
        addToList('log', join('error hat: ', join(websocket('connectionState'), join(' / ', websocket('errorMessage'))))),
      );
    const vm = await e2e.load(project, `errored-${reason.replace(' ', '-')}`);
    await vm.greenFlag();
    const log = await vm.waitForListLength('log', 3, 'Cat');
    expect([...log].sort()).toEqual(['after connect: errored', 'error before: ', `error hat: errored / ${reason}`].sort());
    vm.socketFailures.splice(0);
  });

  it('connects with the protocol the server picks, and `protocol` reports it (kept after the close)', async () => {
    const server = await e2e.wsServer(
      (connection) => connection.socket.close(1000, 'bye'),
      { handleProtocols: (offered) => (offered.has('v2.game') ? 'v2.game' : false) },
    );
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('log')
      .script(
        whenFlagClicked(),
        addToList('log', join('before: ', websocket('protocol'))),
        websocket('connectWithProtocols', server.url('/chosen'), ' v1.game , v2.game,, '),
        addToList('log', join('open: ', join(websocket('connectionState'), join(' ', websocket('protocol'))))),
      )
      .script(websocket('onClose'), addToList('log', join('closed: ', websocket('protocol'))));
    const vm = await e2e.load(project, 'protocol-chosen');
    await vm.greenFlag();
    expect(await vm.waitForListLength('log', 3, 'Cat')).toEqual(['before: ', 'open: open v2.game', 'closed: v2.game']);
    const [connection] = await server.waitForConnections(1);
    expect(connection).toBeDefined();
  });

  it('errors with `connection failed` when the server picks none of the offered protocols', async () => {
    const offers: string[] = [];
    const server = await e2e.wsServer(undefined, {
      handleProtocols: (offered) => {
        offers.push([...offered].join(','));
        return false;
      },
    });
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('log')
      .script(whenFlagClicked(), websocket('connectWithProtocols', server.url('/refused'), 'chat, superchat'))
      .script(
        websocket('onError'),
        addToList('log', join(websocket('connectionState'), join(' / ', join(websocket('errorMessage'), join(' / ', websocket('protocol')))))),
      )
      .script(websocket('onOpen'), addToList('log', 'opened'));
    const vm = await e2e.load(project, 'protocol-refused');
    await vm.greenFlag();
    expect(await vm.waitForListLength('log', 1, 'Cat')).toEqual(['errored / connection failed / ']);
    expect(offers).toEqual(['chat,superchat']);
    vm.socketFailures.splice(0);
  });

  it.each([
    ['a duplicate', 'chat, chat'],
    ['a space inside a token', 'my chat'],
    ['a separator character', 'chat/1'],
  ])('errors with `invalid protocols` for %s, and no socket is made', async (_title, protocols) => {
    const server = await e2e.wsServer();
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('log')
      .script(
        whenFlagClicked(),
        websocket('connectWithProtocols', server.url('/malformed'), protocols),
        addToList('log', join('after: ', websocket('connectionState'))),
      )
      .script(websocket('onError'), addToList('log', join('error hat: ', websocket('errorMessage'))));
    const vm = await e2e.load(project, 'protocol-malformed');
    await vm.greenFlag();
    const log = await vm.waitForListLength('log', 2, 'Cat');
    expect([...log].sort()).toEqual(['after: errored', 'error hat: invalid protocols']);
    // A few frames more: still no socket in the page and no connection at the server.
    await vm.runFrames(10);
    expect(vm.socketsCreated).toEqual([]);
    expect(server.connections).toEqual([]);
  });
});
