import { describe, expect, it } from 'vitest';
import { variable } from '../src/sb3/blocks';
import {
  changeVariable, changeXBy, createCloneOf, deleteThisClone, equals, forever, greaterThan, repeat, setVariable, waitUntil,
  whenFlagClicked, whenIStartAsAClone,
} from '../src/sb3/core';
import type { ProjectBuilder } from '../src/sb3/project';
import { toSb3 } from '../src/sb3/sb3-file';
import { websocket } from '../src/sb3/websocket';
import { recordEvents } from '../src/scenario';
import { refusedPort } from '../src/server/ws-server';
import { useE2e } from './fixture';

/** Global counters of every hat of ours, over all sprites and clones. */
function countHatsOnStage(project: ProjectBuilder, spriteName: string) {
  project.stage.variable('opened', 0).variable('closes', 0).variable('errors', 0).variable('step', 0);
  return project
    .sprite(spriteName)
    .script(websocket('onOpen'), changeVariable('opened', 1))
    .script(websocket('onClose'), changeVariable('closes', 1))
    .script(websocket('onError'), changeVariable('errors', 1));
}

/** libs/runtime/CONTRACT.md, Lifetime and the `when connected` thread rule, as TurboWarp schedules them. */
describe('lifetime', () => {
  const e2e = useE2e();

  it('gives 20 clones their own connections and closes each, quietly, when the clones are deleted', async () => {
    const CLONES = 20;
    const server = await e2e.wsServer();
    const project = e2e.project();
    countHatsOnStage(project, 'Cat')
      .script(
        whenFlagClicked(),
        websocket('newInstance', server.url('/original')),
        repeat(CLONES, [createCloneOf('_myself_')]),
      )
      .script(
        whenIStartAsAClone(),
        websocket('newInstance', server.url('/clone')),
        waitUntil(equals(variable('step'), 1)),
        deleteThisClone(),
      );
    const vm = await e2e.load(project, 'clones');
    await vm.greenFlag();
    await vm.waitForVariable('opened', CLONES + 1);
    await server.waitForConnections(CLONES + 1);
    expect(server.connections.filter((connection) => connection.path === '/clone')).toHaveLength(CLONES);
    expect(await vm.cloneCount('Cat')).toBe(CLONES);

    await vm.setVariable('step', 1);
    await vm.waitFor(async () => (await vm.cloneCount('Cat')) === 0, 'every clone to delete itself');
    const clones = server.connections.filter((connection) => connection.path === '/clone');
    await vm.waitFor(() => clones.every((connection) => connection.isClosed), `all ${CLONES} clone connections to close at the server`);
    await vm.runFrames(10);
    expect(await vm.variable('closes'), 'close hats for deleted clones').toBe(0);
    expect(await vm.variable('errors')).toBe(0);
    // The original sprite's own connection is untouched.
    expect(server.connections.find((connection) => connection.path === '/original')!.isClosed).toBe(false);
  });

  it('closes every connection on the stop sign, with no hats', async () => {
    const server = await e2e.wsServer();
    const project = e2e.project();
    countHatsOnStage(project, 'Cat').script(whenFlagClicked(), websocket('newInstance', server.url('/Cat')));
    project
      .sprite('Dog')
      .script(websocket('onClose'), changeVariable('closes', 1))
      .script(websocket('onError'), changeVariable('errors', 1))
      .script(websocket('onOpen'), changeVariable('opened', 1))
      .script(whenFlagClicked(), websocket('newInstance', server.url('/Dog')));
    project.stage
      .script(websocket('onOpen'), changeVariable('opened', 1))
      .script(websocket('onClose'), changeVariable('closes', 1))
      .script(whenFlagClicked(), websocket('newInstance', server.url('/Stage')));
    const vm = await e2e.load(project, 'stop-sign');
    await vm.greenFlag();
    await vm.waitForVariable('opened', 3);
    const connections = await server.waitForConnections(3);

    await vm.stopAll();
    await vm.waitFor(() => connections.every((connection) => connection.isClosed), 'all 3 connections to close at the server');
    await vm.runFrames(10);
    expect(await vm.variable('closes'), 'close hats after the stop sign').toBe(0);
    expect(await vm.variable('errors')).toBe(0);
  });

  it.each([
    ['the server closes it', 'close' as const, true],
    ['it is dropped without a close frame (close 1006)', 'terminate' as const, true],
    ['the server closes it, in the interpreter', 'close' as const, false],
  ])('stops `when connected` threads when %s', async (_title, ending, compiler) => {
    const server = await e2e.wsServer((connection) => {
      connection.socket.on('message', () => (ending === 'close' ? connection.socket.close(4000) : connection.socket.terminate()));
    });
    const project = e2e.project();
    recordEvents(project.sprite('Cat'))
      .variable('ticks', 0)
      .script(whenFlagClicked(), websocket('newInstance', server.url('/ticking')))
      .script(
        websocket('onOpen'),
        // A loop that would run forever; each move ends a frame.
        forever([changeVariable('ticks', 1), changeXBy(1)]),
      )
      .script(
        whenFlagClicked(),
        waitUntil(greaterThan(variable('ticks'), 19)),
        websocket('sendMessage', 'please end'),
      );
    const vm = await e2e.load(project, 'lost-stops-threads', { compiler });
    await vm.greenFlag();
    await vm.waitForListLength('events', 2, 'Cat');
    expect(await vm.list('events', 'Cat')).toEqual(['open', ending === 'close' ? 'close 4000 ' : 'close 1006 ']);
    const ticksAtEnd = Number(await vm.variable('ticks', 'Cat'));
    await vm.runFrames(20);
    expect(await vm.variable('ticks', 'Cat'), 'ticks after the connection ended').toBe(ticksAtEnd);
    expect(ticksAtEnd).toBeGreaterThanOrEqual(20);
  });

  it('closes the old project\'s connections when another project is loaded', async () => {
    const server = await e2e.wsServer();
    const first = e2e.project();
    countHatsOnStage(first, 'Cat').script(whenFlagClicked(), websocket('newInstance', server.url('/old-project')));
    const vm = await e2e.load(first, 'first-project');
    await vm.greenFlag();
    await vm.waitForVariable('opened', 1);
    const [connection] = await server.waitForConnections(1);

    const second = e2e.project();
    second.stage.variable('loaded', 0);
    second.sprite('Dog').script(whenFlagClicked(), setVariable('loaded', 1));
    await vm.loadProject('second-project', await toSb3(second));
    await connection!.waitForClose();
    await vm.greenFlag();
    await vm.waitForVariable('loaded', 1);
  });

  it('holds no VM listeners once 10 connect/close cycles and a refused connection have ended', async () => {
    const server = await e2e.wsServer();
    const project = e2e.project();
    countHatsOnStage(project, 'Cat').script(
      whenFlagClicked(),
      repeat(10, [websocket('newInstance', server.url('/cycle')), websocket('sendMessage', 'ping'), websocket('closeWithoutReason')]),
      websocket('newInstance', `ws://127.0.0.1:${await refusedPort()}/`),
      setVariable('step', 1),
    );
    const vm = await e2e.load(project, 'cycles');
    // The VM's events the runtime listens to (libs/runtime/src/turbowarp-host.ts), before any connection.
    const events = ['BEFORE_EXECUTE', 'PROJECT_STOP_ALL', 'targetWasRemoved', 'RUNTIME_DISPOSED'];
    const before = await vm.listenerCounts(events);
    await vm.greenFlag();
    await vm.waitForVariable('step', 1);
    await vm.waitForVariable('errors', 1);
    await vm.waitFor(() => server.connections.length === 10 && server.openCount === 0, '10 connections, all closed at the server');
    await vm.runFrames(5);
    expect(await vm.listenerCounts(events)).toEqual(before);
    // Only the refused connection failed (as Playwright reports sockets: Chromium logs a
    // worker's socket failures where the page's console does not show them).
    expect(vm.socketErrors).toHaveLength(1);
  });
});
