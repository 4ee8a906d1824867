import { describe, expect, it } from 'vitest';
import { variable, type BlockNode } from '../src/sb3/blocks';
import { addToList, equals, ifThen, lengthOfList, waitUntil, whenFlagClicked } from '../src/sb3/core';
import type { TargetBuilder } from '../src/sb3/project';
import { websocket } from '../src/sb3/websocket';
import { useE2e } from './fixture';

/** Adds every reporter's value to the list `values`, in the order of the docs' table. */
function recordValues(): BlockNode[] {
  return [
    addToList('values', websocket('messageData')),
    addToList('values', websocket('closeCode')),
    addToList('values', websocket('closeMessage')),
    addToList('values', websocket('isConnected')),
    addToList('values', websocket('hasErrored')),
    addToList('values', websocket('isClosed')),
  ];
}

/** A sprite whose message hat keeps each message, with the lists and phase variable the rows use. */
function stateSprite(sprite: TargetBuilder): TargetBuilder {
  return sprite
    .list('values')
    .list('messages')
    .variable('phase', 0)
    .script(websocket('onMessage'), addToList('messages', websocket('messageData')));
}

const messagesArrived = (count: number) => waitUntil(equals(lengthOfList('messages'), count));

/** CONTRACT.md, Reporter values, in the real VM: the reporters' values and JavaScript types, state by state. */
describe('reporter values, state by state', () => {
  const e2e = useE2e();

  it('gives the gallery extension\'s values and types in every state', async () => {
    // Every connection gets `latest`; a path ending tells the server what to do next.
    const server = await e2e.wsServer((connection, request) => {
      connection.socket.send('latest');
      // A text frame that is not UTF-8, written past `ws`: the browser fails the connection
      // (an `error` event, then close 1006).
      if (connection.path === '/invalid-utf8') request.socket.write(Buffer.from([0x81, 0x02, 0xff, 0xfe]));
      if (connection.path === '/server-closes') connection.socket.close(4001, 'done');
      if (connection.path === '/server-closes-without-code') connection.socket.close();
      if (connection.path === '/dropped') connection.socket.terminate();
    });
    const held = await e2e.wsServer(() => {}, { holdHandshakes: true });
    const project = e2e.project();
    const rows: [sprite: string, expected: unknown[]][] = [];

    stateSprite(project.sprite('Never')).script(whenFlagClicked(), ...recordValues());
    rows.push(['Never', ['', 0, '', false, false, false]]);

    stateSprite(project.sprite('Connecting'))
      .script(whenFlagClicked(), websocket('newInstance', held.url('/connecting')))
      .script(whenFlagClicked(), waitUntil(equals(variable('phase'), 1)), ...recordValues());
    rows.push(['Connecting', ['', 0, '', false, false, false]]);

    stateSprite(project.sprite('Open')).script(whenFlagClicked(), websocket('newInstance', server.url('/open')), messagesArrived(1), ...recordValues());
    rows.push(['Open', ['latest', 0, '', true, false, false]]);

    stateSprite(project.sprite('ServerClosed'))
      .script(whenFlagClicked(), websocket('newInstance', server.url('/server-closes')))
      .script(websocket('onClose'), ...recordValues());
    rows.push(['ServerClosed', ['latest', 4001, 'done', false, false, true]]);

    stateSprite(project.sprite('NoCode'))
      .script(whenFlagClicked(), websocket('newInstance', server.url('/server-closes-without-code')))
      .script(websocket('onClose'), ...recordValues());
    rows.push(['NoCode', ['latest', 1005, '', false, false, true]]);

    stateSprite(project.sprite('ProjectClosed'))
      .script(whenFlagClicked(), websocket('newInstance', server.url('/project-closes')), messagesArrived(1), websocket('closeWithReason', 'bye', 3000))
      .script(websocket('onClose'), ...recordValues());
    rows.push(['ProjectClosed', ['latest', 3000, 'bye', false, false, true]]);

    stateSprite(project.sprite('Dropped'))
      .script(whenFlagClicked(), websocket('newInstance', server.url('/dropped')))
      .script(websocket('onClose'), ...recordValues());
    rows.push(['Dropped', ['latest', 1006, '', false, false, true]]);

    stateSprite(project.sprite('Errored'))
      .script(whenFlagClicked(), websocket('newInstance', server.url('/invalid-utf8')))
      .script(websocket('onError'), ...recordValues());
    rows.push(['Errored', ['latest', 0, '', false, true, false]]);

    const vm = await e2e.load(project, 'reporter-values');
    await vm.greenFlag();
    await vm.waitFor(() => held.heldCount === 1, 'the held handshake to be pending');
    await vm.setVariable('phase', 1, 'Connecting');
    for (const [sprite, expected] of rows) {
      const values = await vm.waitForListLength('values', 6, sprite);
      expect(values, `${sprite}: values`).toEqual(expected);
      expect(values.map((value) => typeof value), `${sprite}: types`).toEqual(expected.map((value) => typeof value));
    }
  });

  it('after the stop sign: an open connection reads closed 1005 with its data, a connecting one errored', async () => {
    const server = await e2e.wsServer((connection) => connection.socket.send('latest'));
    const held = await e2e.wsServer(() => {}, { holdHandshakes: true });
    const project = e2e.project();
    // Phase 0: connect. The stop sign, then phase 1 under a second green flag: read the values.
    for (const [sprite, url] of [['WasOpen', server.url('/open')], ['WasConnecting', held.url('/connecting')]] as const) {
      stateSprite(project.sprite(sprite))
        .script(whenFlagClicked(), ifThen(equals(variable('phase'), 0), [websocket('newInstance', url)]))
        .script(whenFlagClicked(), ifThen(equals(variable('phase'), 1), recordValues()))
        .script(websocket('onClose'), addToList('values', 'close hat'))
        .script(websocket('onError'), addToList('values', 'error hat'));
    }
    const vm = await e2e.load(project, 'after-stop');
    await vm.greenFlag();
    await vm.waitForListLength('messages', 1, 'WasOpen');
    await vm.waitFor(() => held.heldCount === 1, 'the held handshake to be pending');
    await vm.stopAll();
    await vm.setVariable('phase', 1, 'WasOpen');
    await vm.setVariable('phase', 1, 'WasConnecting');
    await vm.greenFlag();
    expect(await vm.waitForListLength('values', 6, 'WasOpen')).toEqual(['latest', 1005, '', false, false, true]);
    expect(await vm.waitForListLength('values', 6, 'WasConnecting')).toEqual(['', 0, '', false, true, false]);
    await vm.runFrames(10);
    expect(await vm.list('values', 'WasOpen'), 'no hat after the stop sign').toHaveLength(6);
    expect(await vm.list('values', 'WasConnecting'), 'no hat after the stop sign').toHaveLength(6);
  });
});
