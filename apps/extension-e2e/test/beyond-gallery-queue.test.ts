import { describe, expect, it } from 'vitest';
import { variable } from '../src/sb3/blocks';
import {
  addToList,
  callProcedure,
  changeXBy,
  defineProcedure,
  equals,
  forever,
  ifThen,
  join,
  not,
  repeat,
  repeatUntil,
  setVariable,
  waitUntil,
  whenFlagClicked,
} from '../src/sb3/core';
import { websocket } from '../src/sb3/websocket';
import { withFrameCounter } from '../src/scenario';
import { useE2e } from './fixture';
import type { ServerConnection } from '../src/server/ws-server';

/**
 * The runtime's per-sprite data limit (libs/runtime/src/received-message.ts, MAX_QUEUED_DATA_LENGTH):
 * 2^25 characters, so exactly 32 messages of 2^20 characters fit. The count limit (100,000
 * messages) is the runtime tests' (libs/runtime/test/runtime/queue.test.ts): a burst past it
 * would take the page longer than a test should.
 */
const BIG = 2 ** 20;
const BIG_MESSAGES_KEPT = 32;

const numbered = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);

/** `m<n>` padded with dots to 2^20 characters. */
const big = (n: number) => `m${n}`.padEnd(BIG, '.');
const bigMessages = (count: number) => Array.from({ length: count }, (_, index) => big(index + 1));

/** Sends `messages` in order, in one burst. */
const burst = (messages: string[]) => (connection: ServerConnection) => {
  for (const message of messages) connection.socket.send(message);
};

/** A script that copies `messages received` into the variable `received` every frame, for the test to wait on. */
const watchReceived = () =>
  [whenFlagClicked(), forever([setVariable('received', websocket('statistic', 'messages received')), changeXBy(1)])] as const;

/** CONTRACT.md, Receiving (the queue and `take next message`), in the real VM. */
describe('take next message and the queue limit', () => {
  const e2e = useE2e();

  it('keeps at most 2^25 characters of messages for a sprite without a message script, dropping the oldest', async () => {
    const COUNT = BIG_MESSAGES_KEPT + 8;
    const server = await e2e.wsServer(burst(bigMessages(COUNT)));
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('log')
      .variable('received', 0)
      .variable('go', 0)
      .script(whenFlagClicked(), websocket('newInstance', server.url('/flood')))
      .script(...watchReceived())
      .script(
        whenFlagClicked(),
        waitUntil(equals(variable('go'), 1)),
        addToList('log', websocket('statistic', 'queued messages')),
        addToList('log', websocket('statistic', 'dropped messages')),
        addToList('log', websocket('messageData')),
        addToList('log', websocket('takeNextMessage')),
        addToList('log', websocket('messageData')),
        addToList('log', websocket('takeNextMessage')),
        addToList('log', websocket('statistic', 'queued messages')),
      );
    const vm = await e2e.load(project, 'queue-limit');
    await vm.greenFlag();
    await vm.waitForVariable('received', COUNT, 'Cat', 30_000);
    await vm.setVariable('go', 1, 'Cat');
    // Numbers as the VM reports them: queued and dropped are counts.
    expect(await vm.waitForListLength('log', 7, 'Cat')).toEqual([BIG_MESSAGES_KEPT, 8, big(COUNT), big(9), big(9), big(10), BIG_MESSAGES_KEPT - 2]);
  });

  it('drains every queued message within one frame from a custom block run without screen refresh, in order', async () => {
    const COUNT = 500;
    const sent = numbered('m', COUNT);
    const server = await e2e.wsServer(burst(sent));
    const project = e2e.project();
    withFrameCounter(project.stage);
    project
      .sprite('Cat')
      .list('stored')
      .list('log')
      .variable('received', 0)
      .script(...defineProcedure('drain', { warp: true }, [
        repeatUntil(equals(websocket('statistic', 'queued messages'), 0), [addToList('stored', websocket('takeNextMessage'))]),
      ]))
      .script(...watchReceived())
      .script(
        whenFlagClicked(),
        websocket('newInstance', server.url('/drain')),
        waitUntil(equals(variable('received'), COUNT)),
        addToList('log', join('frame before: ', variable('frame'))),
        callProcedure('drain', { warp: true }),
        addToList('log', join('frame after: ', variable('frame'))),
        addToList('log', join('queued: ', websocket('statistic', 'queued messages'))),
        addToList('log', join('data: ', websocket('messageData'))),
        addToList('log', join('empty take: [', join(websocket('takeNextMessage'), ']'))),
      );
    const vm = await e2e.load(project, 'take-drain');
    await vm.greenFlag();
    const log = await vm.waitForListLength('log', 5, 'Cat', 30_000);
    expect(await vm.list('stored', 'Cat')).toEqual(sent);
    const frameBefore = String(log[0]).replace('frame before: ', '');
    expect(log).toEqual([
      `frame before: ${frameBefore}`,
      `frame after: ${frameBefore}`,
      'queued: 0',
      `data: m${COUNT}`,
      'empty take: []',
    ]);
  });

  it('with a message script: the hat still runs one per frame, and `take next message` removes waiting messages', async () => {
    const sent = numbered('m', 10);
    const server = await e2e.wsServer(burst(sent));
    const project = e2e.project();
    withFrameCounter(project.stage);
    project
      .sprite('Cat')
      .list('hat')
      .list('taken')
      .script(whenFlagClicked(), websocket('newInstance', server.url('/hat-and-take')))
      .script(
        websocket('onMessage'),
        addToList('hat', join(websocket('messageData'), join('@', variable('frame')))),
        ifThen(equals(websocket('messageData'), 'm1'), [
          // Every other message has arrived and waits for the hat before three are taken.
          waitUntil(equals(websocket('statistic', 'messages received'), sent.length)),
          addToList('taken', join('queued ', websocket('statistic', 'queued messages'))),
          repeat(3, [
            addToList('taken', websocket('takeNextMessage')),
            addToList('taken', join('data ', join(websocket('messageData'), join(' binary ', websocket('isBinary'))))),
          ]),
          addToList('taken', join('queued ', websocket('statistic', 'queued messages'))),
        ]),
        ifThen(not(equals(websocket('messageData'), 'm1')), [changeXBy(1)]),
      );
    const vm = await e2e.load(project, 'hat-and-take');
    await vm.greenFlag();
    const hat = (await vm.waitForListLength('hat', 7, 'Cat')).map((entry) => String(entry).split('@'));
    await vm.runFrames(5);
    expect(await vm.list('hat', 'Cat'), 'no more hat runs than messages left').toHaveLength(7);
    expect(hat.map(([data]) => data)).toEqual(['m1', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10']);
    const frames = hat.map(([, frame]) => Number(frame));
    frames.slice(1).forEach((frame, index) => expect(frame, `hat run ${index + 2} on a later frame`).toBeGreaterThan(frames[index]!));
    expect(await vm.list('taken', 'Cat')).toEqual([
      'queued 9',
      'm2',
      'data m2 binary false',
      'm3',
      'data m3 binary false',
      'm4',
      'data m4 binary false',
      'queued 6',
    ]);
  });

  it('bounds the queue behind a message script that never finishes, dropping the oldest', async () => {
    const COUNT = BIG_MESSAGES_KEPT + 8;
    const server = await e2e.wsServer(burst(bigMessages(COUNT)));
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('log')
      .variable('received', 0)
      .variable('go', 0)
      .script(whenFlagClicked(), websocket('newInstance', server.url('/stuck')))
      .script(...watchReceived())
      // The first message starts this script, which never ends: every later message waits for it.
      .script(websocket('onMessage'), addToList('log', websocket('messageData')), forever([changeXBy(1)]))
      .script(
        whenFlagClicked(),
        waitUntil(equals(variable('go'), 1)),
        addToList('log', websocket('statistic', 'queued messages')),
        addToList('log', websocket('statistic', 'dropped messages')),
        addToList('log', websocket('takeNextMessage')),
      );
    const vm = await e2e.load(project, 'stuck-hat');
    await vm.greenFlag();
    await vm.waitForVariable('received', COUNT, 'Cat', 30_000);
    await vm.setVariable('go', 1, 'Cat');
    // m1 went to the script at once; m2 … m40 queued, of which the 7 oldest were dropped.
    expect(await vm.waitForListLength('log', 4, 'Cat')).toEqual([big(1), BIG_MESSAGES_KEPT, 7, big(9)]);
  });

  it('runs the close hat without waiting for kept messages, which can still be taken after the close', async () => {
    const sent = numbered('m', 5);
    const server = await e2e.wsServer((connection) => {
      burst(sent)(connection);
      connection.socket.close(1000, 'done');
    });
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('log')
      .script(whenFlagClicked(), websocket('newInstance', server.url('/kept-after-close')))
      .script(
        websocket('onClose'),
        addToList('log', join('close, queued ', websocket('statistic', 'queued messages'))),
        repeatUntil(equals(websocket('statistic', 'queued messages'), 0), [addToList('log', websocket('takeNextMessage'))]),
      );
    const vm = await e2e.load(project, 'kept-after-close');
    await vm.greenFlag();
    expect(await vm.waitForListLength('log', 6, 'Cat')).toEqual(['close, queued 5', ...sent]);
  });

  it('`clear queued messages` throws away what waits, unread; later messages are kept again', async () => {
    const first = numbered('a', 20);
    const server = await e2e.wsServer((connection) => {
      burst(first)(connection);
      connection.socket.on('message', (data: Buffer) => {
        if (data.toString() === 'more') burst(['b1', 'b2'])(connection);
      });
    });
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('log')
      .variable('received', 0)
      .script(...watchReceived())
      .script(
        whenFlagClicked(),
        websocket('newInstance', server.url('/clear')),
        waitUntil(equals(variable('received'), first.length)),
        addToList('log', websocket('statistic', 'queued messages')),
        websocket('clearQueue'),
        addToList('log', websocket('statistic', 'queued messages')),
        addToList('log', join('[', join(websocket('takeNextMessage'), ']'))),
        websocket('sendMessage', 'more'),
        waitUntil(equals(variable('received'), first.length + 2)),
        addToList('log', websocket('takeNextMessage')),
        addToList('log', websocket('takeNextMessage')),
        addToList('log', websocket('statistic', 'dropped messages')),
      );
    const vm = await e2e.load(project, 'clear-queue');
    await vm.greenFlag();
    expect(await vm.waitForListLength('log', 6, 'Cat')).toEqual([20, 0, '[]', 'b1', 'b2', 0]);
  });
});
