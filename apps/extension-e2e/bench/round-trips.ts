/**
 * Request/reply round trips per second in the real VM (issue 24), against a local echo-style
 * JSON-RPC 2.0 server (`rpc-websockets` from npm, method `echo`), each project in its own page,
 * TurboWarp's player at 60 fps:
 *
 * - hand-made: `send message` + `when message received` → `set [got]` + `wait until <not <(got) = []>>`,
 *   the way a project matches answers without the reply block (the baseline);
 * - one script: a loop of `send [] and wait for reply`;
 * - four scripts: four such loops at once, replies matched by `id` (what a project with several
 *   requests in flight does; the message hat can never hand over more than one message a frame).
 *
 * Times are taken by the project itself (`timer`), so polling from Node adds nothing. Goal:
 * ≥ 2× the hand-made loop.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { Server as RpcServer } from 'rpc-websockets';
import { within } from '@scratch-websocket/test-support';
import { VmPage } from '../src/browser/vm-page';
import { variable } from '../src/sb3/blocks';
import { changeVariable, changeXBy, equals, forever, join, not, repeat, setVariable, timer, waitUntil, whenFlagClicked, whenIReceive } from '../src/sb3/core';
import { ProjectBuilder } from '../src/sb3/project';
import { toSb3 } from '../src/sb3/sb3-file';
import { EXTENSION_ID, websocket } from '../src/sb3/websocket';
import type { StaticServer } from '../src/server/static-server';

const ROUND_TRIPS = 240;
const PARALLEL = 4;
const FRAMERATE = 60;
const RUN_TIMEOUT_MS = 60_000;
const GOAL = 2;
const SPRITE = 'Bench';

/** `{"jsonrpc":"2.0","method":"echo","params":[i]…}` with `id` when given (the hand-made loop matches its own). */
function echoCall(i: ReturnType<typeof variable>, withId: boolean) {
  const head = join('{"jsonrpc":"2.0","method":"echo","params":[', i);
  return withId ? join(join(head, '],"id":'), join(i, '}')) : join(head, ']}');
}

/**
 * Counts VM frames in `frames`: a loop that moves the sprite asks for a redraw, which ends the
 * VM's frame, so it runs once a frame (a loop that changes nothing visible may run many times).
 */
function frameCounter() {
  return [whenFlagClicked(), forever([changeXBy(1), changeVariable('frames', 1)])];
}

function handMade(project: ProjectBuilder, url: string): void {
  project
    .sprite(SPRITE)
    .variable('frames', 0)
    .variable('frames at start', 0)
    .variable('frames at end', 0)
    .script(...frameCounter())
    .variable('i', 0)
    .variable('got', '')
    .variable('start', 0)
    .variable('end', 0)
    .script(
      whenFlagClicked(),
      websocket('newInstance', url),
      setVariable('start', timer()),
      setVariable('frames at start', variable('frames')),
      repeat(ROUND_TRIPS, [
        changeVariable('i', 1),
        setVariable('got', ''),
        websocket('sendMessage', echoCall(variable('i'), true)),
        waitUntil(not(equals(variable('got'), ''))),
      ]),
      setVariable('frames at end', variable('frames')),
      setVariable('end', timer()),
    )
    .script(websocket('onMessage'), setVariable('got', websocket('messageData')));
}

function withReplies(project: ProjectBuilder, url: string, scripts: number): void {
  const sprite = project.sprite(SPRITE).variable('i', 0).variable('done', 0).variable('start', 0).variable('end', 0).variable('r', '');
  sprite.variable('frames', 0).variable('frames at start', 0).variable('frames at end', 0).script(...frameCounter());
  sprite.script(
    whenFlagClicked(),
    websocket('matchRepliesByField', 'id'),
    websocket('newInstance', url),
    setVariable('start', -1),
    websocket('setReplyTimeout', 10),
  );
  for (let s = 0; s < scripts; s += 1) {
    sprite.script(
      whenIReceive('go'),
      repeat(ROUND_TRIPS / scripts, [changeVariable('i', 1), setVariable('r', websocket('sendAndWaitForReply', echoCall(variable('i'), false))), changeVariable('done', 1)]),
    );
  }
  sprite.script(
    whenIReceive('go'),
    setVariable('start', timer()),
    setVariable('frames at start', variable('frames')),
    waitUntil(equals(variable('done'), ROUND_TRIPS)),
    setVariable('frames at end', variable('frames')),
    setVariable('end', timer()),
  );
}

export interface RoundTripRow {
  run: string;
  perSecond: number | null;
  /** Round trips per VM frame (a single loop of any kind cannot pass 1: a reply resumes its script on the next frame). */
  perFrame?: number;
  failure?: string;
}

async function runProject(context: BrowserContext, server: StaticServer, name: string, project: ProjectBuilder, broadcast: boolean): Promise<RoundTripRow> {
  const vm = await within(VmPage.open(context, server, { framerate: FRAMERATE, watchSockets: false }), 'the VM page to open', 30_000);
  try {
    await within(vm.loadProject(name, await toSb3(project)), `project ${name} to load`, 30_000);
    await vm.greenFlag();
    if (broadcast) {
      await vm.waitFor(async () => (await vm.variable('start', SPRITE)) !== 0, 'the connection', 10_000);
      await vm.broadcast('go');
    }
    await vm.waitFor(async () => Number(await vm.variable('end', SPRITE)) > 0, `${name} to finish`, RUN_TIMEOUT_MS);
    const end = Number(await vm.variable('end', SPRITE));
    const start = Number(await vm.variable('start', SPRITE));
    const frames = Number(await vm.variable('frames at end', SPRITE)) - Number(await vm.variable('frames at start', SPRITE));
    return { run: name, perSecond: ROUND_TRIPS / (end - start), perFrame: ROUND_TRIPS / frames };
  } catch (error) {
    return { run: name, perSecond: null, failure: error instanceof Error ? error.message : String(error) };
  } finally {
    await within(vm.close(), 'the page to close', 10_000).catch(() => undefined);
  }
}

/** Measures the three runs and prints their table with comparisons and verdicts; true when one could not be measured. */
export async function roundTripBench(context: BrowserContext, server: StaticServer): Promise<boolean> {
  const rpc = new RpcServer({ host: '127.0.0.1', port: 0 });
  await within(once(rpc.wss, 'listening'), 'the JSON-RPC server to listen');
  rpc.register('echo', (params) => params);
  const url = `ws://127.0.0.1:${(rpc.wss.address() as AddressInfo).port}/`;
  try {
    const runs: Array<[string, (project: ProjectBuilder) => void, boolean]> = [
      ['hand-made: send + when message received + wait until', (p) => handMade(p, url), false],
      ['send and wait for reply, one script', (p) => withReplies(p, url, 1), true],
      [`send and wait for reply, ${PARALLEL} scripts at once`, (p) => withReplies(p, url, PARALLEL), true],
    ];
    const rows: RoundTripRow[] = [];
    for (const [name, build, broadcast] of runs) {
      const project = new ProjectBuilder({ [EXTENSION_ID]: server.extensionURL });
      build(project);
      rows.push(await runProject(context, server, name, project, broadcast));
    }
    return printRoundTrips(rows);
  } finally {
    await rpc.close();
  }
}

function printRoundTrips(rows: RoundTripRow[]): boolean {
  const baseline = rows[0]!.perSecond;
  console.log(`\nRequest/reply round trips in the real VM (${ROUND_TRIPS} each, ${FRAMERATE} fps), against rpc-websockets' echo on 127.0.0.1:\n`);
  const header = ['run', 'round trips/s', 'per VM frame', '÷ hand-made', `goal ≥ ${GOAL}×`];
  const table = [header];
  for (const [index, row] of rows.entries()) {
    const rate = row.perSecond === null ? `FAILED: ${row.failure}` : row.perSecond.toFixed(1);
    const ratio = index === 0 || row.perSecond === null || baseline === null ? null : row.perSecond / baseline;
    table.push([row.run, rate, row.perFrame === undefined ? '—' : row.perFrame.toFixed(2), index === 0 ? '(baseline)' : ratio === null ? '—' : `${ratio.toFixed(2)}×`, index === 0 || ratio === null ? '' : ratio >= GOAL ? 'met' : 'NOT met']);
  }
  const widths = header.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
  for (const [index, line] of table.entries()) {
    console.log(line.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ').trimEnd());
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  }
  return rows.some((row) => row.perSecond === null);
}
