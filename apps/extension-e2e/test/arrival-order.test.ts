import { describe, expect, it } from 'vitest';
import { variable } from '../src/sb3/blocks';
import { addToList, changeXBy, join, lengthOfList, repeat, setVariable, timer, whenFlagClicked } from '../src/sb3/core';
import { websocket } from '../src/sb3/websocket';
import { withFrameCounter } from '../src/scenario';
import { useE2e } from './fixture';

const TEN = Array.from({ length: 10 }, (_, index) => `m${index + 1}`);

/** CONTRACT.md, Receiving: a close or an error is handled after every message that arrived before it. */
describe('close and error in arrival order', () => {
  const e2e = useE2e();

  it.each([
    ['closes (4001 "done")', 'close' as const],
    ['drops the TCP connection (close 1006)', 'drop' as const],
    ['sends a text frame that is not UTF-8 (an error)', 'invalid' as const],
  ])('a server that sends ten messages then %s: the end hat sees all ten handled', async (_title, ending) => {
    const server = await e2e.wsServer((connection, request) => {
      TEN.forEach((message, index) => {
        const last = index === TEN.length - 1;
        // The drop comes once the last message has left, so no message is cut off on the wire.
        connection.socket.send(message, () => {
          if (last && ending === 'drop') connection.socket.terminate();
          // Written past `ws`, which sends only valid frames: the browser fails the connection.
          if (last && ending === 'invalid') request.socket.write(Buffer.from([0x81, 0x02, 0xff, 0xfe]));
        });
      });
      if (ending === 'close') connection.socket.close(4001, 'done');
    });
    const project = e2e.project();
    const endHat = ending === 'invalid' ? websocket('onError') : websocket('onClose');
    project
      .sprite('Cat')
      .list('messages')
      .list('events')
      .variable('handling', 0)
      .script(whenFlagClicked(), websocket('newInstance', server.url('/ten')))
      // Each message takes a few frames to handle, so the end arrives while they are queued.
      .script(
        websocket('onMessage'),
        setVariable('handling', 1),
        repeat(3, [changeXBy(1)]),
        addToList('messages', websocket('messageData')),
        setVariable('handling', 0),
      )
      .script(endHat, addToList('events', join(lengthOfList('messages'), join(' handled, running: ', variable('handling')))));
    const vm = await e2e.load(project, `ten-then-${ending}`);
    await vm.greenFlag();
    expect(await vm.waitForListLength('events', 1, 'Cat')).toEqual(['10 handled, running: 0']);
    expect(await vm.list('messages', 'Cat')).toEqual(TEN);
  });

  it('a close the server never answers ends within the grace period (+ one frame), and a new `connect to` works at once', async () => {
    const FRAMERATE = 30;
    const GRACE_MS = 1000; // the runtime's default close grace period
    const server = await e2e.wsServer((connection) => {
      // Reads nothing more, so the closing handshake is never answered.
      if (connection.path === '/silent') connection.socket.pause();
    });
    const project = e2e.project();
    withFrameCounter(project.stage);
    project
      .sprite('Cat')
      .list('events')
      .variable('closedAtFrame', 0)
      .variable('closedAtTimer', 0)
      .script(
        whenFlagClicked(),
        websocket('newInstance', server.url('/silent')),
        setVariable('closedAtFrame', variable('frame')),
        setVariable('closedAtTimer', timer()),
        websocket('closeWithReason', 'bye', 3000),
      )
      .script(
        websocket('onClose'),
        addToList('events', join('close after frames: ', join(variable('frame'), ''))),
        addToList('events', join('ms: ', timer())),
        addToList('events', websocket('isClosed')),
        addToList('events', websocket('closeCode')),
        addToList('events', websocket('closeMessage')),
        websocket('newInstance', server.url('/again')),
      )
      .script(websocket('onOpen'), addToList('events', 'open'));
    const vm = await e2e.load(project, 'silent-close', { framerate: FRAMERATE });
    await vm.greenFlag();
    const events = await vm.waitForListLength('events', 7, 'Cat');
    const closeFrame = Number(String(events[1]).replace('close after frames: ', ''));
    const framesTaken = closeFrame - Number(await vm.variable('closedAtFrame', 'Cat'));
    const msTaken = (Number(String(events[2]).replace('ms: ', '')) - Number(await vm.variable('closedAtTimer', 'Cat'))) * 1000;
    console.log(`[figure] unanswered close: close hat after ${framesTaken} frames at ${FRAMERATE} fps (~${Math.round(msTaken)} ms)`);
    // The grace period in frames, with half again for a timer that fires late on a loaded
    // machine (31 frames at 30 fps was measured: the bound must not sit at the figure).
    // Without the grace period Chromium waits for the server far longer than that.
    expect(framesTaken).toBeLessThanOrEqual(Math.ceil((1.5 * GRACE_MS * FRAMERATE) / 1000) + 1);
    expect(events.slice(3)).toEqual([true, 3000, 'bye', 'open']);
    expect(events[0]).toBe('open');
    const [, again] = await server.waitForConnections(2);
    expect(again!.path).toBe('/again');
  });
});
