import { describe, expect, it } from 'vitest';
import { variable } from '../src/sb3/blocks';
import { addToList, changeVariable, changeXBy, equals, forever, join, setVariable, wait, waitUntil, whenFlagClicked } from '../src/sb3/core';
import { websocket } from '../src/sb3/websocket';
import { echo } from '../src/server/ws-server';
import { useE2e } from './fixture';

/**
 * Generous bound for a reconnect: the runtime waits 0.5–1 s before the first attempt and
 * 1–2 s before the second (1 s doubling, with jitter), on a machine that may be loaded.
 */
const RECONNECT_WAIT_MS = 30_000;

/** CONTRACT.md, Staying connected, in the real VM. */
describe('automatic reconnect', () => {
  const e2e = useE2e();

  /** A sprite that turns reconnect on, connects, records every hat, and copies state and counters every frame. */
  function reconnectingProject(url: string) {
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('events')
      .list('log')
      .variable('opens', 0)
      .variable('state', '')
      .variable('attempts', 0)
      .variable('error', '')
      .variable('go', 0)
      .script(whenFlagClicked(), websocket('setAutoReconnect', 'on'), websocket('newInstance', url))
      .script(
        whenFlagClicked(),
        forever([
          setVariable('state', websocket('connectionState')),
          setVariable('attempts', websocket('statistic', 'reconnect attempts')),
          setVariable('error', websocket('errorMessage')),
          changeXBy(1),
        ]),
      )
      .script(websocket('onOpen'), changeVariable('opens', 1), addToList('events', 'open'))
      .script(websocket('onError'), addToList('events', join('error ', websocket('errorMessage'))))
      .script(websocket('onClose'), addToList('events', join('close ', websocket('closeCode'))))
      .script(websocket('onMessage'), addToList('events', join('message ', websocket('messageData'))))
      // The test says when to send: while the connection is being made again.
      .script(
        whenFlagClicked(),
        waitUntil(equals(variable('go'), 1)),
        addToList('log', join('sending while ', websocket('connectionState'))),
        addToList('log', join('connected? ', websocket('isConnected'))),
        addToList('log', join('errored? ', websocket('hasErrored'))),
        addToList('log', join('closed? ', websocket('isClosed'))),
        websocket('sendMessage', 'sent while reconnecting'),
      );
    return project;
  }

  it('comes back after the server is killed and restarted on the same port, sending what was sent meanwhile', async () => {
    const first = await e2e.wsServer();
    const { port } = first;
    const vm = await e2e.load(reconnectingProject(first.url('/game')), 'reconnect-restart');
    await vm.greenFlag();
    await vm.waitForVariable('opens', 1, 'Cat');
    await first.waitForConnections(1);

    // Killed: every client dropped without a close frame (the browser reports a close, 1006),
    // and nothing listens on the port.
    await first.close();
    await vm.waitForVariable('state', 'reconnecting', 'Cat');
    expect(await vm.waitForListLength('events', 2, 'Cat')).toEqual(['open', 'close 1006']);
    // The first attempt meets a closed port; the state stays `reconnecting`, and the reporters
    // keep the close that started it, so `error message` stays empty.
    await vm.waitFor(async () => Number(await vm.variable('attempts', 'Cat')) >= 1, 'a first reconnect attempt', RECONNECT_WAIT_MS);
    expect(await vm.variable('state', 'Cat')).toBe('reconnecting');
    expect(await vm.variable('error', 'Cat')).toBe('');
    await vm.setVariable('go', 1, 'Cat');
    expect(await vm.waitForListLength('log', 4, 'Cat')).toEqual([
      'sending while reconnecting',
      'connected? false',
      'errored? false',
      'closed? false',
    ]);

    const restarted = await e2e.wsServer(echo, { port });
    await vm.waitForVariable('opens', 2, 'Cat', RECONNECT_WAIT_MS);
    const [connection] = await restarted.waitForConnections(1);
    expect(connection!.path).toBe('/game');
    expect(await connection!.waitForMessages(1)).toEqual(['sent while reconnecting']);
    // Echoed back on the new connection; no hat ran for the failed attempt.
    expect(await vm.waitForListLength('events', 4, 'Cat')).toEqual(['open', 'close 1006', 'open', 'message sent while reconnecting']);
    await vm.waitForVariable('state', 'open', 'Cat');
    expect(Number(await vm.variable('attempts', 'Cat'))).toBeGreaterThanOrEqual(2);
    vm.socketFailures.splice(0);
  });

  it.each([
    ['1012 (service restart): the close hat runs, then it connects again', 1012, true],
    ['1000 (normal close): the close hat runs, and it stays closed', 1000, false],
  ])('a server close with %s', async (_title, code, reconnects) => {
    const server = await e2e.wsServer();
    const vm = await e2e.load(reconnectingProject(server.url('/close')), `reconnect-after-${code}`);
    await vm.greenFlag();
    // The server closes only once `when connected` has run: a close in the same frame as the open
    // stops the open hat's threads before their first step (CONTRACT.md, Open; so does the gallery's).
    await vm.waitForVariable('opens', 1, 'Cat');
    const [first] = await server.waitForConnections(1);
    first!.socket.close(code, 'restart');
    if (reconnects) {
      await vm.waitForVariable('opens', 2, 'Cat', RECONNECT_WAIT_MS);
      expect(await vm.list('events', 'Cat')).toEqual(['open', `close ${code}`, 'open']);
      await server.waitForConnections(2);
      expect(Number(await vm.variable('attempts', 'Cat'))).toBe(1);
    } else {
      expect(await vm.waitForListLength('events', 2, 'Cat')).toEqual(['open', `close ${code}`]);
      await vm.waitForVariable('state', 'closed', 'Cat');
      // A reconnect would have made the state `reconnecting` as soon as the close hat ran.
      await vm.runFrames(10);
      expect(await vm.variable('state', 'Cat')).toBe('closed');
      expect(Number(await vm.variable('attempts', 'Cat'))).toBe(0);
    }
  });
});

/**
 * Issue 21: the reconnect script gallery projects use, with automatic reconnect off. A crashed
 * server reads as a close (1006), as in the gallery extension, so its close hat connects again.
 */
describe("the gallery's own reconnect script", () => {
  const e2e = useE2e();

  it('`when connection closes → wait 0.5 → connect to` brings the project back after the server crashes and restarts on its port', async () => {
    const first = await e2e.wsServer();
    const { port } = first;
    const url = first.url('/game');
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('events')
      .variable('opens', 0)
      .script(whenFlagClicked(), websocket('newInstance', url))
      .script(websocket('onOpen'), changeVariable('opens', 1), addToList('events', 'open'))
      .script(websocket('onError'), addToList('events', join('error ', websocket('errorMessage'))))
      .script(websocket('onClose'), addToList('events', join('close ', websocket('closeCode'))), wait(0.5), websocket('newInstance', url));
    const vm = await e2e.load(project, 'gallery-reconnect-script');
    await vm.greenFlag();
    await vm.waitForVariable('opens', 1, 'Cat');
    await first.waitForConnections(1);

    // The crash (every client dropped without a close frame, the port closed) and the restart
    // on the same port take milliseconds, well inside the script's 0.5 s wait.
    await first.close();
    const restarted = await e2e.wsServer(echo, { port });
    await vm.waitForVariable('opens', 2, 'Cat');
    expect(await vm.list('events', 'Cat')).toEqual(['open', 'close 1006', 'open']);
    const [connection] = await restarted.waitForConnections(1);
    expect(connection!.path).toBe('/game');
  });
});
