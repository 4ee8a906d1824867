/**
 * Request/reply round trips per second in the real VM (issue 24), against a local echo-style
 * JSON-RPC 2.0 server (`rpc-websockets` from npm, method `echo`), each project in its own page,
 * TurboWarp's player at 60 fps, on both socket paths of the same run: the socket worker (the
 * default) and the page's own sockets (a page that forbids workers, issue 22). The projects
 * (bench/round-trip-projects.ts) are the hand-made loop (the baseline), one loop of `send [] and
 * wait for reply`, four such loops at once, and one loop in a custom block run without screen
 * refresh. Goal: ≥ 2× the hand-made loop.
 *
 * Times and frames are counted by the project itself (`timer`, a loop that moves the sprite), so
 * polling from Node adds nothing. Frames per round trip is the figure that explains the ratio:
 * see `printRoundTrips`.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { Server as RpcServer } from 'rpc-websockets';
import { within } from '@scratch-websocket/test-support';
import { VmPage } from '../src/browser/vm-page';
import { ProjectBuilder } from '../src/sb3/project';
import { toSb3 } from '../src/sb3/sb3-file';
import { EXTENSION_ID } from '../src/sb3/websocket';
import type { StaticServer } from '../src/server/static-server';
import { handMade, ROUND_TRIPS, SPRITE, withReplies, type Stage } from './round-trip-projects';

const PARALLEL = 4;
const FRAMERATE = 60;
const RUN_TIMEOUT_MS = 60_000;
const GOAL = 2;

/** Where the extension's sockets live in a run: its socket worker, or the page (which then forbids workers). */
export type SocketPath = 'worker' | 'page';

/** The extension a set of runs loads, and how its rows are labelled (`''` for the built one). */
export interface BenchedExtension {
  label: string;
  url: string;
}

export interface RoundTripRow {
  /** The socket path, with the extension's label when it has one: rows are compared with the hand-made loop of the same. */
  path: string;
  run: string;
  perSecond: number | null;
  stage: Stage;
  /** VM frames per round trip, as the project counted them. */
  framesEach?: number;
  failure?: string;
}

/** One kind of run: its label, its project, and whether it starts on the broadcast `go` once connected. */
interface RoundTripRun {
  run: string;
  /** Rows are compared with the hand-made loop of the same stage (and path). */
  stage: Stage;
  build: (project: ProjectBuilder, url: string) => void;
  broadcast: boolean;
}

const BUSY = ', busy still stage';
const RUNS: RoundTripRun[] = [
  { run: 'hand-made: send + when message received + wait until', stage: 'moving', build: (p, url) => handMade(p, url, 'moving'), broadcast: false },
  { run: 'send and wait for reply, one script', stage: 'moving', build: (p, url) => withReplies(p, url, { scripts: 1, withoutRefresh: false, stage: 'moving' }), broadcast: true },
  { run: `send and wait for reply, ${PARALLEL} scripts at once`, stage: 'moving', build: (p, url) => withReplies(p, url, { scripts: PARALLEL, withoutRefresh: false, stage: 'moving' }), broadcast: true },
  { run: 'send and wait for reply, one script, in a block run without screen refresh', stage: 'moving', build: (p, url) => withReplies(p, url, { scripts: 1, withoutRefresh: true, stage: 'moving' }), broadcast: true },
  { run: `hand-made${BUSY}`, stage: 'busy', build: (p, url) => handMade(p, url, 'busy'), broadcast: false },
  { run: `send and wait for reply, one script${BUSY}`, stage: 'busy', build: (p, url) => withReplies(p, url, { scripts: 1, withoutRefresh: false, stage: 'busy' }), broadcast: true },
];

async function runProject(context: BrowserContext, server: StaticServer, extension: BenchedExtension, socketPath: SocketPath, { run, stage, build, broadcast }: RoundTripRun, url: string): Promise<RoundTripRow> {
  const path = extension.label === '' ? socketPath : `${socketPath}, ${extension.label}`;
  const vm = await within(VmPage.open(context, server, { framerate: FRAMERATE, watchSockets: false, forbidWorkers: socketPath === 'page' }), 'the VM page to open', 30_000);
  try {
    const project = new ProjectBuilder({ [EXTENSION_ID]: extension.url });
    build(project, url);
    await within(vm.loadProject(run, await toSb3(project)), `project ${run} to load`, 30_000);
    await vm.greenFlag();
    if (broadcast) {
      await vm.waitFor(async () => (await vm.variable('start', SPRITE)) !== 0, 'the connection', 10_000);
      await vm.broadcast('go');
    }
    await vm.waitFor(async () => Number(await vm.variable('end', SPRITE)) > 0, `${run} to finish`, RUN_TIMEOUT_MS);
    const end = Number(await vm.variable('end', SPRITE));
    const start = Number(await vm.variable('start', SPRITE));
    const frames = Number(await vm.variable('frames at end', SPRITE)) - Number(await vm.variable('frames at start', SPRITE));
    return { path, run, stage, perSecond: ROUND_TRIPS / (end - start), framesEach: frames / ROUND_TRIPS };
  } catch (error) {
    return { path, run, stage, perSecond: null, failure: error instanceof Error ? error.message : String(error) };
  } finally {
    await within(vm.close(), 'the page to close', 10_000).catch(() => undefined);
  }
}

/**
 * Measures every run on both socket paths, for each of `extensions` (the built extension unless
 * given: a comparison passes others, bundles served by `server.addScript`), and prints their
 * table with comparisons and verdicts; true when one could not be measured.
 */
export async function roundTripBench(context: BrowserContext, server: StaticServer, extensions: BenchedExtension[] = [{ label: '', url: server.extensionURL }]): Promise<boolean> {
  const rpc = new RpcServer({ host: '127.0.0.1', port: 0 });
  await within(once(rpc.wss, 'listening'), 'the JSON-RPC server to listen');
  rpc.register('echo', (params) => params);
  const url = `ws://127.0.0.1:${(rpc.wss.address() as AddressInfo).port}/`;
  try {
    const rows: RoundTripRow[] = [];
    for (const path of ['worker', 'page'] as const) {
      for (const extension of extensions) for (const run of RUNS) rows.push(await runProject(context, server, extension, path, run, url));
    }
    return printRoundTrips(rows);
  } finally {
    await rpc.close();
  }
}

/**
 * The table, each row compared with the hand-made loop of its own path and stage, then what
 * bounds a single loop, in frames. With a sprite moving, a script whose block returned a promise goes on no earlier than the
 * next frame (the promise settles between frames), and a loop not run without screen refresh
 * yields at its end: so one loop of the reply block takes 2 frames a round trip. The hand-made
 * loop takes 3: its `wait until` is checked before the message hat's thread has set the variable
 * (the hat's thread steps after it in the same frame), so it sees it a frame later, and then its
 * loop yields too. The ratio of a single loop is so at most 3 / 2 = 1.5×, whatever the socket.
 * On a busy still stage both make a round trip a frame when the reply is back before the next.
 */
function printRoundTrips(rows: RoundTripRow[]): boolean {
  console.log(`\nRequest/reply round trips in the real VM (${ROUND_TRIPS} each, ${FRAMERATE} fps; a sprite moving every frame, or a busy still stage), against rpc-websockets' echo on 127.0.0.1,`);
  console.log("with the sockets in the extension's worker and on the page (a page that forbids workers):\n");
  const header = ['path', 'run', 'round trips/s', 'frames per round trip', '÷ hand-made', `goal ≥ ${GOAL}×`];
  const table = [header];
  for (const row of rows) {
    const baseline = rows.find((other) => other.path === row.path && other.stage === row.stage)!;
    const isBaseline = row === baseline;
    const rate = row.perSecond === null ? `FAILED: ${row.failure}` : row.perSecond.toFixed(1);
    const ratio = isBaseline || row.perSecond === null || baseline.perSecond === null ? null : row.perSecond / baseline.perSecond;
    const frames = row.framesEach === undefined ? '—' : row.framesEach.toFixed(2);
    table.push([row.path, row.run, rate, frames, isBaseline ? '(baseline)' : ratio === null ? '—' : `${ratio.toFixed(2)}×`, isBaseline || ratio === null ? '' : ratio >= GOAL ? 'met' : 'NOT met']);
  }
  const widths = header.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
  for (const [index, line] of table.entries()) {
    console.log(line.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ').trimEnd());
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  }
  console.log("\nA single loop is bounded by the VM, in frames. With a sprite moving, a frame steps each script once: the reply block's script goes on");
  console.log('the frame after its reply (a promise settles between frames) and its loop yields at the end of each pass: 2 frames. The hand-made');
  console.log("loop's `wait until` runs before the message hat's thread in a frame, so it sees the reply a frame after the hat, then its loop yields:");
  console.log('3 frames. At most 3 / 2 = 1.5× for one loop on either path; several loops, or a loop without screen refresh (no yield at its end:');
  console.log('1 frame), go past it. On a busy still stage the VM steps scripts again and again for 75% of each frame, so both loops can make a');
  console.log("round trip a frame (the hand-made one by spinning in `wait until`): about 1×; there a request must leave the page at once, not at");
  console.log("the end of the frame's step, for its reply to be back by the next frame.");
  return rows.some((row) => row.perSecond === null);
}
