import { describe, expect, it } from 'vitest';
import { framesUntil, MemoryHost, sendInvalidUtf8Text, target, TestServer, type TestTarget } from '@scratch-websocket/test-support';
import { HATS, type TestRuntime, useRuntimeAndServer } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
useRuntimeAndServer((fixture) => ({ server, host, runtime } = fixture));

/** What the six reporters show, in the order of the docs' table. */
function reporters(sprite: TestTarget) {
  return [
    runtime.messageData(sprite),
    runtime.closeCode(sprite),
    runtime.closeMessage(sprite),
    runtime.isConnected(sprite),
    runtime.hasErrored(sprite),
    runtime.isClosed(sprite),
  ];
}

/** Opens a connection and has the server send `latest`, handled by the project. */
async function openWithMessage(sprite: TestTarget, latest = 'latest') {
  await runtime.connect(sprite, server.url);
  const atServer = await server.nextConnection();
  const hat = host.nextHat(HATS.message);
  atServer.send(latest);
  await hat;
  return atServer;
}

/** Runs `act`, then frames (the message thread finishes first) until `hat` has started. */
async function endsWith(hat: string, act: () => void) {
  const before = host.startsOf(hat).length;
  act();
  await framesUntil(host, () => host.startsOf(hat).length > before, `the ${hat} hat`);
}

/**
 * The docs' table (spec, "Reporter values, state by state"): each row brings a target into
 * one state, then reads every reporter. Same values and JavaScript types as the gallery
 * extension: numbers stay numbers, booleans stay booleans.
 */
const TABLE: [state: string, reach: (sprite: TestTarget) => Promise<void>, expected: unknown[]][] = [
  ['never connected in this target', async () => {}, ['', 0, '', false, false, false]],
  [
    'connecting (a fresh `connect to`)',
    async (sprite) => {
      host.permission = () => new Promise(() => {}); // the permission prompt is still open
      void runtime.connect(sprite, server.url);
    },
    ['', 0, '', false, false, false],
  ],
  ['open', async (sprite) => void (await openWithMessage(sprite)), ['latest', 0, '', true, false, false]],
  [
    'closed by the server',
    async (sprite) => {
      const atServer = await openWithMessage(sprite);
      await endsWith(HATS.close, () => atServer.close(4001, 'server done'));
    },
    ['latest', 4001, 'server done', false, false, true],
  ],
  [
    'closed by the server with no code (1005)',
    async (sprite) => {
      const atServer = await openWithMessage(sprite);
      await endsWith(HATS.close, () => atServer.close());
    },
    ['latest', 1005, '', false, false, true],
  ],
  [
    'closed by the project',
    async (sprite) => {
      await openWithMessage(sprite);
      await endsWith(HATS.close, () => runtime.closeWithReason(sprite, 'bye', 3000));
    },
    ['latest', 3000, 'bye', false, false, true],
  ],
  [
    'closed without a close frame (1006: the server or the network dropped it)',
    async (sprite) => {
      const atServer = await openWithMessage(sprite);
      await endsWith(HATS.close, () => atServer.terminate());
    },
    ['latest', 1006, '', false, false, true],
  ],
  [
    'errored',
    async (sprite) => {
      const atServer = await openWithMessage(sprite);
      await endsWith(HATS.error, () => sendInvalidUtf8Text(atServer));
    },
    ['latest', 0, '', false, true, false],
  ],
  [
    'after the stop sign, was open',
    async (sprite) => {
      await openWithMessage(sprite);
      host.stopAll();
    },
    ['latest', 1005, '', false, false, true],
  ],
  [
    'after the stop sign, was connecting',
    async (sprite) => {
      host.permission = () => new Promise(() => {});
      void runtime.connect(sprite, server.url);
      host.stopAll();
    },
    ['', 0, '', false, true, false],
  ],
  [
    'after the stop sign, was closing',
    async (sprite) => {
      const atServer = await openWithMessage(sprite);
      atServer.pause(); // the server does not answer the close before the stop sign
      runtime.closeWithReason(sprite, 'leaving', 3001);
      host.stopAll();
    },
    ['latest', 3001, 'leaving', false, false, true],
  ],
  [
    'after the stop sign, already closed',
    async (sprite) => {
      const atServer = await openWithMessage(sprite);
      await endsWith(HATS.close, () => atServer.close(4002, 'earlier'));
      host.stopAll();
    },
    ['latest', 4002, 'earlier', false, false, true],
  ],
  [
    'reconnecting after the server closed with 1012',
    async (sprite) => {
      runtime.setAutoReconnect(sprite, 'on');
      const atServer = await openWithMessage(sprite);
      await endsWith(HATS.close, () => atServer.close(1012, 'restart'));
    },
    ['latest', 1012, 'restart', false, false, false],
  ],
  [
    'reconnecting after the connection was dropped (1006)',
    async (sprite) => {
      runtime.setAutoReconnect(sprite, 'on');
      const atServer = await openWithMessage(sprite);
      await endsWith(HATS.close, () => atServer.terminate());
    },
    ['latest', 1006, '', false, false, false],
  ],
  [
    'reconnecting after the connection was lost (an error event)',
    async (sprite) => {
      runtime.setAutoReconnect(sprite, 'on');
      const atServer = await openWithMessage(sprite);
      await endsWith(HATS.error, () => sendInvalidUtf8Text(atServer));
    },
    ['latest', 0, '', false, false, false],
  ],
];

describe('Reporter values, state by state', () => {
  it.each(TABLE)('%s', async (_state, reach, expected) => {
    const sprite = target('sprite');
    await reach(sprite);
    const values = reporters(sprite);
    expect(values).toEqual(expected);
    expect(values.map((value) => typeof value)).toEqual(expected.map((value) => typeof value));
  });

  it('runs no hat for the stop sign, and a `connect to` after it starts fresh', async () => {
    const sprite = target('sprite');
    await openWithMessage(sprite);
    host.stopAll();
    await framesUntil(host, () => runtime.connectionCount === 0, 'the stopped connection to be released');
    expect(host.started.map((s) => s.opcode)).toEqual([HATS.open, HATS.message]);
    await runtime.connect(sprite, server.url);
    expect(reporters(sprite)).toEqual(['', 0, '', true, false, false]);
  });
});
