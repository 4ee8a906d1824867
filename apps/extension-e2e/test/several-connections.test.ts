import { describe, expect, it } from 'vitest';
import { variable, type InputValue } from '../src/sb3/blocks';
import {
  addToList,
  changeXBy,
  createCloneOf,
  deleteThisClone,
  equals,
  forever,
  join,
  repeat,
  setVariable,
  waitUntil,
  whenFlagClicked,
  whenIReceive,
  whenIStartAsAClone,
} from '../src/sb3/core';
import { websocket } from '../src/sb3/websocket';
import type { ServerConnection } from '../src/server/ws-server';
import { useE2e } from './fixture';

/** `use connection [name]` then `connect to [url]`: the two blocks that make a named connection. */
const connectAs = (name: string, url: string) => [websocket('useConnection', name), websocket('newInstance', url)];

/** "a|b|c" of reporters, so one list item records what a script saw at one moment. */
const joined = (first: InputValue, ...rest: InputValue[]): InputValue => rest.reduce<InputValue>((sum, part) => join(sum, join('|', part)), first);

/** Sends `messages` in order, in one burst, as soon as the client connects. */
const burst = (messages: string[]) => (connection: ServerConnection) => {
  for (const message of messages) connection.socket.send(message);
};

/** CONTRACT.md, Several connections: several in one sprite, in the real VM. */
describe('several connections in one sprite', () => {
  const e2e = useE2e();

  it('replies under `when message received` on the connection each message came from, to two servers at once', async () => {
    const serverA = await e2e.wsServer(burst(['a1', 'a2', 'a3']));
    const serverB = await e2e.wsServer(burst(['b1', 'b2', 'b3']));
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('hat')
      .list('names')
      .script(whenFlagClicked(), ...connectAs('game', serverA.url('/game')), addToList('names', websocket('connectionName')))
      .script(whenFlagClicked(), ...connectAs('chat', serverB.url('/chat')), addToList('names', websocket('connectionName')))
      .script(
        websocket('onMessage'),
        addToList('hat', joined(websocket('connectionName'), websocket('messageConnection'), websocket('messageData'))),
        websocket('sendMessage', join('re:', websocket('messageData'))),
      );
    const vm = await e2e.load(project, 'two-servers');
    await vm.greenFlag();
    const [a] = await serverA.waitForConnections(1);
    const [b] = await serverB.waitForConnections(1);
    await a!.waitForMessages(3);
    await b!.waitForMessages(3);
    const hat = await vm.waitForListLength('hat', 6, 'Cat');
    await vm.runFrames(10);

    expect(a!.texts, 'server A gets the replies to its own messages only').toEqual(['re:a1', 're:a2', 're:a3']);
    expect(b!.texts, 'server B gets the replies to its own messages only').toEqual(['re:b1', 're:b2', 're:b3']);
    expect(serverA.connections, 'one socket per name').toHaveLength(1);
    expect(serverB.connections).toHaveLength(1);
    // Arrival order between the two servers is theirs; within each it is kept.
    expect(hat.filter((entry) => String(entry).startsWith('game'))).toEqual(['game|game|a1', 'game|game|a2', 'game|game|a3']);
    expect(hat.filter((entry) => String(entry).startsWith('chat'))).toEqual(['chat|chat|b1', 'chat|chat|b2', 'chat|chat|b3']);
    expect(await vm.list('hat', 'Cat')).toHaveLength(6);
    expect([...(await vm.list('names', 'Cat'))].sort()).toEqual(['chat', 'game']);
  });

  it('keeps state and close code per connection; the unnamed connection stays untouched', async () => {
    const closeAfterHello = (code: number, reason: string) => (connection: ServerConnection) => {
      connection.socket.on('message', () => connection.socket.close(code, reason));
    };
    const serverA = await e2e.wsServer(closeAfterHello(4001, 'a-bye'));
    const serverB = await e2e.wsServer(closeAfterHello(4002, 'b-bye'));
    /** What a script bound to its connection reads once that connection is closed. */
    const readings = () => [
      websocket('connectionName'),
      websocket('connectionState'),
      websocket('isClosed'),
      websocket('closeCode'),
      websocket('closeMessage'),
    ] as const;
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('bound')
      .list('hats')
      .list('unbound')
      .variable('go', 0)
      .script(
        whenFlagClicked(),
        ...connectAs('game', serverA.url('/game')),
        waitUntil(websocket('isConnected')),
        addToList('bound', joined('game open', websocket('connectionState'), websocket('isClosed'), websocket('closeCode'))),
        websocket('sendMessage', 'hello'),
        waitUntil(websocket('isClosed')),
        addToList('bound', joined(...readings())),
      )
      .script(
        whenFlagClicked(),
        ...connectAs('chat', serverB.url('/chat')),
        waitUntil(websocket('isConnected')),
        // Only after game's close, so each close is read while the other connection differs.
        waitUntil(equals(variable('go'), 1)),
        addToList('bound', joined('chat open', websocket('connectionState'), websocket('isClosed'), websocket('closeCode'))),
        websocket('sendMessage', 'hello'),
        waitUntil(websocket('isClosed')),
        addToList('bound', joined(...readings())),
      )
      .script(websocket('onClose'), addToList('hats', joined(...readings())))
      .script(
        whenFlagClicked(),
        waitUntil(equals(variable('go'), 2)),
        addToList('unbound', joined(websocket('connectionName'), websocket('connectionState'), websocket('isClosed'), websocket('closeCode'), websocket('closeMessage'))),
      );
    const vm = await e2e.load(project, 'close-codes');
    await vm.greenFlag();
    await vm.waitForListLength('bound', 2, 'Cat');
    await vm.setVariable('go', 1, 'Cat');
    await vm.waitForListLength('bound', 4, 'Cat');
    await vm.setVariable('go', 2, 'Cat');

    expect(await vm.waitForListLength('unbound', 1, 'Cat')).toEqual(['|none|false|0|']);
    expect(await vm.list('bound', 'Cat')).toEqual([
      'game open|open|false|0',
      'game|closed|true|4001|a-bye',
      'chat open|open|false|0',
      'chat|closed|true|4002|b-bye',
    ]);
    expect(await vm.waitForListLength('hats', 2, 'Cat')).toEqual(['game|closed|true|4001|a-bye', 'chat|closed|true|4002|b-bye']);
  });

  it("closes a clone's named connections when the clone is deleted", async () => {
    const serverA = await e2e.wsServer();
    const serverB = await e2e.wsServer();
    const project = e2e.project();
    project.stage.variable('step', 0);
    project
      .sprite('Cat')
      .script(whenFlagClicked(), createCloneOf('_myself_'))
      .script(
        whenIStartAsAClone(),
        ...connectAs('game', serverA.url('/clone-game')),
        ...connectAs('chat', serverB.url('/clone-chat')),
        waitUntil(equals(variable('step'), 1)),
        deleteThisClone(),
      );
    const vm = await e2e.load(project, 'clone-names');
    await vm.greenFlag();
    const [a] = await serverA.waitForConnections(1);
    const [b] = await serverB.waitForConnections(1);
    await vm.runFrames(5);
    expect(a!.isClosed || b!.isClosed, 'both connections open while the clone lives').toBe(false);
    expect(await vm.cloneCount('Cat')).toBe(1);

    await vm.setVariable('step', 1);
    await vm.waitFor(async () => (await vm.cloneCount('Cat')) === 0, 'the clone to delete itself');
    await a!.waitForClose();
    await b!.waitForClose();
  });

  it.each([
    ['with the stop sign between runs', true],
    ['with no stop between runs', false],
  ])('starts the next run of a script unbound: `use connection` does not carry over (%s)', async (_, stopBetween) => {
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('log')
      .variable('done', 0)
      .script(
        whenFlagClicked(),
        addToList('log', websocket('connectionName')),
        websocket('useConnection', 'x'),
        addToList('log', websocket('connectionName')),
        setVariable('done', join(variable('done'), '+')),
      );
    const vm = await e2e.load(project, 'binding-per-run');
    await vm.greenFlag();
    await vm.waitForVariable('done', '0+', 'Cat');
    if (stopBetween) await vm.stopAll();
    await vm.greenFlag();
    await vm.waitForVariable('done', '0++', 'Cat');
    expect(await vm.list('log', 'Cat')).toEqual(['', 'x', '', 'x']);
  });

  it('starts a `when I receive` script that is restarted while it runs unbound: the VM gives the restart a new thread', async () => {
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('log')
      .variable('done', 0)
      .variable('release', 0)
      .script(
        whenIReceive('go'),
        addToList('log', websocket('connectionName')),
        websocket('useConnection', 'x'),
        addToList('log', websocket('connectionName')),
        setVariable('done', join(variable('done'), '+')),
        waitUntil(equals(variable('release'), 1)),
        addToList('log', join('end ', websocket('connectionName'))),
      );
    const vm = await e2e.load(project, 'binding-per-restart');
    await vm.startFrames();
    await vm.broadcast('go');
    await vm.waitForVariable('done', '0+', 'Cat');
    // The script waits in `wait until`: a second broadcast restarts it from its hat.
    await vm.broadcast('go');
    await vm.waitForVariable('done', '0++', 'Cat');
    await vm.setVariable('release', 1, 'Cat');
    await vm.waitForListLength('log', 5, 'Cat');
    await vm.runFrames(5);
    expect(await vm.list('log', 'Cat'), 'one run ends: the first was restarted, not run twice').toEqual(['', 'x', '', 'x', 'end x']);
  });

  it('takes messages of two connections in arrival order and names the connection of each taken message', async () => {
    const serverA = await e2e.wsServer();
    const serverB = await e2e.wsServer();
    /** Copies `messages received` of one connection into a variable every frame, for Node to wait on. */
    const watch = (name: string, into: string) =>
      [whenFlagClicked(), websocket('useConnection', name), forever([setVariable(into, websocket('statistic', 'messages received')), changeXBy(1)])] as const;
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('taken')
      .variable('go', 0)
      .variable('fromA', 0)
      .variable('fromB', 0)
      .script(whenFlagClicked(), ...connectAs('a', serverA.url('/a')), ...connectAs('b', serverB.url('/b')))
      .script(...watch('a', 'fromA'))
      .script(...watch('b', 'fromB'))
      .script(
        whenFlagClicked(),
        waitUntil(equals(variable('go'), 1)),
        // Without a message script, `received message data` is the latest message to arrive (as
        // in the gallery extension), and `connection of received message` names its connection.
        addToList('taken', joined('before', websocket('messageData'), websocket('messageConnection'), websocket('statistic', 'queued messages'))),
        repeat(6, [addToList('taken', joined(websocket('takeNextMessage'), websocket('messageConnection'), websocket('connectionName')))]),
        addToList('taken', joined('after', websocket('messageData'), websocket('messageConnection'), websocket('statistic', 'queued messages'))),
      );
    const vm = await e2e.load(project, 'take-across');
    await vm.greenFlag();
    const [a] = await serverA.waitForConnections(1);
    const [b] = await serverB.waitForConnections(1);
    // Each message is sent once the previous one has arrived, so arrival order is the order below.
    const order: Array<[ServerConnection, string, string]> = [
      [a!, 'a1', 'fromA'],
      [b!, 'b1', 'fromB'],
      [b!, 'b2', 'fromB'],
      [a!, 'a2', 'fromA'],
      [b!, 'b3', 'fromB'],
      [a!, 'a3', 'fromA'],
    ];
    const counts: Record<string, number> = { fromA: 0, fromB: 0 };
    for (const [connection, message, counter] of order) {
      connection.socket.send(message);
      counts[counter]! += 1;
      await vm.waitForVariable(counter, counts[counter]!, 'Cat');
    }
    await vm.setVariable('go', 1, 'Cat');

    expect(await vm.waitForListLength('taken', 8, 'Cat')).toEqual([
      'before|a3|a|6',
      'a1|a|',
      'b1|b|',
      'b2|b|',
      'a2|a|',
      'b3|b|',
      'a3|a|',
      'after|a3|a|0',
    ]);
  });
});
