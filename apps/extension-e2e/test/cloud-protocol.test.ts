import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { variable } from '../src/sb3/blocks';
import { addToList, changeVariable, join, repeat, whenFlagClicked } from '../src/sb3/core';
import { websocket } from '../src/sb3/websocket';
import { CloudServer } from '../src/server/cloud-server';
import { waitFor } from '../src/wait-for';
import { useE2e } from './fixture';

const PROJECT_ID = 'e2e-project';

/** `{"method":"set","name":"☁ x","value":<counter>}` built with join blocks, as a project would. */
const setLine = (name: string, value: ReturnType<typeof variable>) =>
  join(`{"method":"set","name":"${name}","value":`, join(value, '}'));

/** A project that speaks the cloud-variable protocol over our blocks, against a server written here. */
describe('cloud-variable protocol over the WebSocket blocks', () => {
  const e2e = useE2e();

  it('handshakes, receives the stored variables, sends sets in order and receives another player\'s set', async () => {
    const cloud = new CloudServer();
    cloud.seed(PROJECT_ID, { '☁ x': 7, '☁ y': 'hello' });
    const server = await e2e.wsServer(cloud.handle);
    const project = e2e.project();
    project.stage.variable('counter', 0);
    project
      .sprite('Player')
      .list('received')
      .script(
        whenFlagClicked(),
        websocket('newInstance', server.url('/cloud')),
        websocket('sendMessage', `{"method":"handshake","project_id":"${PROJECT_ID}","user":"player1"}`),
        repeat(5, [changeVariable('counter', 1), websocket('sendMessage', setLine('☁ x', variable('counter')))]),
      )
      .script(websocket('onMessage'), addToList('received', websocket('messageData')));
    const vm = await e2e.load(project, 'cloud');
    await vm.greenFlag();

    const [playerConnection] = await server.waitForConnections(1);
    const playerLines = cloud.linesBy.get(playerConnection!)!;
    await waitFor(() => playerLines.length >= 6, 'the handshake and 5 sets from the project', undefined, () => playerLines);
    expect(playerLines).toEqual([
      { method: 'handshake', project_id: PROJECT_ID, user: 'player1' },
      ...[1, 2, 3, 4, 5].map((value) => ({ method: 'set', name: '☁ x', value })),
    ]);
    // The stored variables came back as one message of newline-separated lines.
    expect(await vm.waitForListLength('received', 1, 'Player')).toEqual([
      '{"method":"set","name":"☁ x","value":7}\n{"method":"set","name":"☁ y","value":"hello"}',
    ]);

    // Another player joins from Node, sees the project's latest value and sets a new one.
    const other = new WebSocket(server.url('/cloud'));
    const otherReceived: string[] = [];
    other.on('message', (data: Buffer) => otherReceived.push(data.toString('utf8')));
    await new Promise<void>((resolve, reject) => {
      other.once('open', () => resolve());
      other.once('error', reject);
    });
    other.send(JSON.stringify({ method: 'handshake', project_id: PROJECT_ID, user: 'player2' }));
    await waitFor(() => otherReceived.length >= 1, 'the stored variables for the second player');
    expect(otherReceived[0]).toBe('{"method":"set","name":"☁ x","value":5}\n{"method":"set","name":"☁ y","value":"hello"}');
    other.send(JSON.stringify({ method: 'set', name: '☁ x', value: 99 }));

    expect(await vm.waitForListLength('received', 2, 'Player')).toEqual([
      '{"method":"set","name":"☁ x","value":7}\n{"method":"set","name":"☁ y","value":"hello"}',
      '{"method":"set","name":"☁ x","value":99}',
    ]);
    expect(cloud.valueOf(PROJECT_ID, '☁ x')).toBe(99);
    other.close();
  });

  it('is closed by the server with its code when it sets before the handshake, and the close hat sees it', async () => {
    const cloud = new CloudServer();
    const server = await e2e.wsServer(cloud.handle);
    const project = e2e.project();
    project
      .sprite('Player')
      .list('events')
      .script(
        whenFlagClicked(),
        websocket('newInstance', server.url('/cloud')),
        websocket('sendMessage', '{"method":"set","name":"☁ x","value":1}'),
      )
      .script(websocket('onClose'), addToList('events', join(websocket('closeCode'), join(' ', websocket('closeMessage')))));
    const vm = await e2e.load(project, 'cloud-no-handshake');
    await vm.greenFlag();
    expect(await vm.waitForListLength('events', 1, 'Player')).toEqual(['4001 handshake first']);
  });
});
