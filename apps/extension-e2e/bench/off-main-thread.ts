/**
 * The rows of issue 22 (sockets off the page's main thread), each measured in the real VM next
 * to what it is compared with, in the same page: a flood's frame rate and a send loop's cost
 * (the idle latency from a message to its hat is latency.ts's).
 */
import type { BrowserContext } from 'playwright-core';
import { within } from '@scratch-websocket/test-support';
import { VmPage } from '../src/browser/vm-page';
import { toSb3 } from '../src/sb3/sb3-file';
import type { StaticServer } from '../src/server/static-server';
import { RecordingServer, type ConnectionHandler } from '../src/server/ws-server';
import { START_MESSAGE } from './burst';
import { LIST, messageHatProject, SEND_COUNT, sendLoopProject, SPRITE } from './projects';
import type { ProjectBuilder } from '../src/sb3/project';

const FRAMERATE = 60;
/** One frame at the bench's frame rate, in ms. */
export const FRAME_MS = 1000 / FRAMERATE;
/** The flood: 20,000 messages a second (200 every 10 ms) for 5 s. */
const FLOOD_PER_SLICE = 200;
const FLOOD_SLICE_MS = 10;
const FLOOD_MESSAGES = 100_000;
export const RUN_TIMEOUT_MS = 30_000;

/** One row: our figure, the figure it is compared with and what that is, the ratio, the goal and its verdict. */
export interface Comparison {
  run: string;
  ours: string;
  comparedWith: string;
  baseline: string;
  ratio: string;
  goal: string;
  verdict: 'met' | 'NOT met' | `FAILED: ${string}`;
}

/** On `START_MESSAGE`: `FLOOD_MESSAGES` messages `m1`… at 20,000 a second. */
function floodOnStart(): ConnectionHandler {
  return (connection) => {
    connection.socket.on('message', (data: Buffer) => {
      if (data.toString('utf8') !== START_MESSAGE) return;
      let sent = 0;
      const slices = setInterval(() => {
        for (let i = 0; i < FLOOD_PER_SLICE; i += 1) connection.socket.send(`m${(sent += 1)}`);
        if (sent >= FLOOD_MESSAGES || connection.isClosed) clearInterval(slices);
      }, FLOOD_SLICE_MS);
    });
  };
}

/** A fresh page at 60 fps with `project` loaded and its frames running. */
export async function pageWith(context: BrowserContext, server: StaticServer, project: ProjectBuilder, name: string, forbidWorkers = false): Promise<VmPage> {
  const vm = await within(VmPage.open(context, server, { framerate: FRAMERATE, watchSockets: false, forbidWorkers }), 'the VM page to open', RUN_TIMEOUT_MS);
  await within(vm.loadProject(name, await toSb3(project)), `project ${name} to load`, RUN_TIMEOUT_MS);
  await vm.startFrames();
  return vm;
}

export const failed = (run: string, why: unknown): Comparison => ({
  run, ours: '—', comparedWith: '—', baseline: '—', ratio: '—', goal: '—', verdict: `FAILED: ${why instanceof Error ? why.message : String(why)}`,
});

/** Flood: the VM's frame rate while `when message received` counts a flood, next to a bare main-thread socket taking the same flood in that page. */
export async function floodRow(context: BrowserContext, server: StaticServer): Promise<Comparison> {
  const run = 'flood 20,000 msgs/s × 5 s, `when message received`';
  const flood = await RecordingServer.start(floodOnStart());
  let vm: VmPage | undefined;
  try {
    vm = await pageWith(context, server, messageHatProject(server.extensionURL, flood.url('/ours')), 'bench-flood');
    const raw = await within(vm.countBurst(flood.url('/bare'), START_MESSAGE, FLOOD_MESSAGES, RUN_TIMEOUT_MS), 'the bare count', RUN_TIMEOUT_MS + 5000);
    if (raw.ended !== 'complete' || raw.firstAt === null || raw.lastAt === null) throw new Error(`the bare socket ${raw.ended} at ${raw.count}`);
    const rawFps = (raw.frames * 1000) / (raw.lastAt - raw.firstAt);
    const watching = vm.watchList({ sprite: SPRITE, list: LIST, windowMs: (FLOOD_MESSAGES / FLOOD_PER_SLICE) * FLOOD_SLICE_MS, timeoutMs: RUN_TIMEOUT_MS });
    await vm.greenFlag();
    const watch = await within(watching, 'the flood window', RUN_TIMEOUT_MS + 5000);
    if (watch.ended !== 'window' || watch.firstAt === null || watch.endAt === null) throw new Error(`${watch.ended} with ${watch.length} handled`);
    const fps = (watch.frames * 1000) / (watch.endAt - watch.firstAt);
    const goal = 0.9 * FRAMERATE;
    return {
      run,
      ours: `${fps.toFixed(1)} fps (longest gap ${watch.longestFrameGapMs.toFixed(0)} ms)`,
      comparedWith: 'the same page, a bare main-thread WebSocket taking the flood',
      baseline: `${rawFps.toFixed(1)} fps`,
      ratio: `${(fps / rawFps).toFixed(2)}×`,
      goal: `≥ ${goal} fps`,
      verdict: fps >= goal ? 'met' : 'NOT met',
    };
  } catch (error) {
    return failed(run, error);
  } finally {
    await within(vm?.close() ?? Promise.resolve(), 'the page to close', 5000).catch(() => undefined);
    await flood.close();
  }
}

/** Sending `SEND_COUNT` messages in one loop without screen refresh: the page's busy time, ours vs a bare main-thread socket's loop. */
export async function sendRow(context: BrowserContext, server: StaticServer): Promise<Comparison> {
  const run = `send ${SEND_COUNT.toLocaleString('en')} messages in one warp loop`;
  const sink = await RecordingServer.start(() => undefined);
  let vm: VmPage | undefined;
  try {
    vm = await pageWith(context, server, sendLoopProject(server.extensionURL, sink.url('/ours')), 'bench-send');
    const bareMs = await within(vm.sendLoop(sink.url('/bare'), SEND_COUNT, RUN_TIMEOUT_MS), 'the bare send loop', RUN_TIMEOUT_MS + 5000);
    if (bareMs === null) throw new Error('the bare socket did not open');
    // Two seconds of frames: the connection opens and the loop runs within them; it is the longest frame.
    const longest = vm.longestFrame(2 * FRAMERATE, RUN_TIMEOUT_MS);
    await vm.greenFlag();
    const oursMs = await within(longest, 'the frames of the send loop', RUN_TIMEOUT_MS + 5000);
    if (oursMs === null) throw new Error('the frames did not run');
    const ours = sink.connections.find((connection) => connection.path === '/ours');
    const texts = await ours?.waitForMessages(SEND_COUNT, RUN_TIMEOUT_MS);
    if (texts?.[SEND_COUNT - 1] !== `m${SEND_COUNT}`) throw new Error('the server did not get every message in order');
    const ratio = oursMs / bareMs;
    return {
      run,
      ours: `${oursMs.toFixed(1)} ms (the frame with the loop, to the next task)`,
      comparedWith: 'the same page, a bare main-thread WebSocket: send in a JS loop, to the next task',
      baseline: `${bareMs.toFixed(1)} ms`,
      ratio: `${ratio.toFixed(2)}×`,
      goal: '≤ 1.0×',
      verdict: ratio <= 1 ? 'met' : 'NOT met',
    };
  } catch (error) {
    return failed(run, error);
  } finally {
    await within(vm?.close() ?? Promise.resolve(), 'the page to close', 5000).catch(() => undefined);
    await sink.close();
  }
}

/** Prints the rows as a table, each with what it is compared with and its verdict. */
export function printComparisons(rows: Comparison[]): void {
  const header = ['run', 'ours', 'compared with', 'that figure', 'ratio', 'goal', 'verdict'];
  const table = [header, ...rows.map((row) => [row.run, row.ours, row.comparedWith, row.baseline, row.ratio, row.goal, row.verdict])];
  const widths = header.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
  for (const [index, line] of table.entries()) {
    console.log(line.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ').trimEnd());
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  }
}
