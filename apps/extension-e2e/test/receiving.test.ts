import { describe, expect, it } from 'vitest';
import { variable } from '../src/sb3/blocks';
import { addToList, changeXBy, join, repeat, setVariable, whenFlagClicked } from '../src/sb3/core';
import { websocket } from '../src/sb3/websocket';
import { withFrameCounter } from '../src/scenario';
import { useE2e } from './fixture';

const DATA_URL_PREFIX = 'data:application/octet-stream;base64,';

/** "m1@17" → ["m1", 17] */
function split(entry: unknown): [string, number] {
  const text = String(entry);
  const at = text.lastIndexOf('@');
  return [text.slice(0, at), Number(text.slice(at + 1))];
}

/** libs/runtime/CONTRACT.md, Receiving, in the real VM's frames. */
describe('receiving', () => {
  const e2e = useE2e();

  it.each([
    ['compiled scripts', true],
    ['the interpreter', false],
  ])('delivers a burst of 300 messages one per frame, in arrival order, none lost, with %s', async (mode, compiler) => {
    const COUNT = 300;
    const sent = Array.from({ length: COUNT }, (_, index) => `m${index + 1}`);
    const server = await e2e.wsServer((connection) => {
      for (const message of sent) connection.socket.send(message);
    });
    const project = e2e.project();
    withFrameCounter(project.stage);
    project
      .sprite('Cat')
      .list('log')
      .script(whenFlagClicked(), websocket('newInstance', server.url('/burst')))
      // Each delivery records its data and the frame the handler ran in.
      .script(websocket('onMessage'), addToList('log', join(websocket('messageData'), join('@', variable('frame')))));
    const vm = await e2e.load(project, 'burst', { compiler });
    await vm.greenFlag();
    const startedAt = Date.now();
    const log = (await vm.waitForListLength('log', COUNT, 'Cat', 30_000)).map(split);
    const elapsedMs = Date.now() - startedAt;

    expect(log.map(([data]) => data)).toEqual(sent);
    const frames = log.map(([, frame]) => frame);
    const sameFrame = frames.filter((frame, index) => index > 0 && frame <= frames[index - 1]!);
    expect(sameFrame, 'deliveries that did not move on to a later frame').toEqual([]);
    console.log(`[figure] ${mode}: ${COUNT} messages delivered over ${frames.at(-1)! - frames[0]! + 1} frames in ~${elapsedMs} ms`);
  });

  it('holds the next message while a message script is still running, then delivers it on a later frame', async () => {
    const sent = ['a', 'b', 'c', 'd'];
    const server = await e2e.wsServer((connection) => {
      for (const message of sent) connection.socket.send(message);
    });
    const project = e2e.project();
    withFrameCounter(project.stage);
    project
      .sprite('Cat')
      .list('log')
      .script(whenFlagClicked(), websocket('newInstance', server.url('/slow-handler')))
      .script(
        websocket('onMessage'),
        addToList('log', join('start ', join(websocket('messageData'), join('@', variable('frame'))))),
        // Each visible move ends the frame: this handler spans several frames.
        repeat(3, [changeXBy(1)]),
        addToList('log', join('end ', join(websocket('messageData'), join('@', variable('frame'))))),
      );
    const vm = await e2e.load(project, 'slow-handler');
    await vm.greenFlag();
    const log = (await vm.waitForListLength('log', sent.length * 2, 'Cat')).map(split);
    expect(log.map(([event]) => event)).toEqual(sent.flatMap((data) => [`start ${data}`, `end ${data}`]));
    for (let index = 1; index < sent.length; index++) {
      const [, previousEnd] = log[index * 2 - 1]!;
      const [, nextStart] = log[index * 2]!;
      expect(nextStart, `message ${sent[index]} starts after ${sent[index - 1]} ended`).toBeGreaterThan(previousEnd);
    }
  });

  it('gives text as text and binary as a base64 data: URL, in arrival order', async () => {
    const binaryOne = Buffer.from([0x00, 0x01, 0xfe, 0xff, 0x41]);
    const binaryTwo = Buffer.from('☁ binary', 'utf8');
    const server = await e2e.wsServer((connection) => {
      connection.socket.send('first text');
      connection.socket.send(binaryOne, { binary: true });
      connection.socket.send('héllo ☁ 🎉');
      connection.socket.send(Buffer.alloc(0), { binary: true });
      connection.socket.send(binaryTwo, { binary: true });
      connection.socket.send('');
      connection.socket.send('last text');
    });
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('messages')
      .variable('before', 'unset')
      .script(
        whenFlagClicked(),
        setVariable('before', websocket('messageData')),
        websocket('newInstance', server.url('/mixed')),
      )
      .script(websocket('onMessage'), addToList('messages', websocket('messageData')));
    const vm = await e2e.load(project, 'mixed');
    await vm.greenFlag();
    expect(await vm.waitForListLength('messages', 7, 'Cat')).toEqual([
      'first text',
      `${DATA_URL_PREFIX}${binaryOne.toString('base64')}`,
      'héllo ☁ 🎉',
      DATA_URL_PREFIX,
      `${DATA_URL_PREFIX}${binaryTwo.toString('base64')}`,
      '',
      'last text',
    ]);
    // `received message data` is empty before any message.
    expect(await vm.variable('before', 'Cat')).toBe('');
  });
});
