/**
 * The row "300 clones connect/echo/close" of issue 22: the same project (bench/clones-project.ts)
 * with our blocks and with the bench's minimal one-socket-per-sprite extension
 * (bench/minimal-extension.js), each in a page of its own, timed by the project itself, over
 * `AT_ONCE` local echo servers. Alternated, `RUNS` times each, so the machine's load falls on
 * both alike; the best of each is compared. `BENCH_PROFILE=<dir>` writes a CPU profile of each
 * run of ours there (Chromium's profiler through the DevTools protocol).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import type { BrowserContext } from 'playwright-core';
import { within } from '@scratch-websocket/test-support';
import { VmPage } from '../src/browser/vm-page';
import { toSb3 } from '../src/sb3/sb3-file';
import type { ProjectBuilder } from '../src/sb3/project';
import type { StaticServer } from '../src/server/static-server';
import { RecordingServer } from '../src/server/ws-server';
import { AT_ONCE, CLONES, ECHOES, ELAPSED, MESSAGE, minimalClonesProject, oursClonesProject } from './clones-project';
import type { Comparison } from './off-main-thread';

const FRAMERATE = 60;
const RUNS = 3;
const RUN_TIMEOUT_MS = 60_000;
const MINIMAL_SOURCE = new URL('./minimal-extension.js', import.meta.url);

/** One run: a fresh page, the project loaded, green flag, the project's own `elapsed` in ms. */
async function timeRun(context: BrowserContext, server: StaticServer, project: ProjectBuilder, name: string, profileTo?: string): Promise<number> {
  const vm = await within(VmPage.open(context, server, { framerate: FRAMERATE, watchSockets: false }), 'the VM page to open', RUN_TIMEOUT_MS);
  try {
    await within(vm.loadProject(name, await toSb3(project)), `project ${name} to load`, RUN_TIMEOUT_MS);
    await vm.startFrames();
    const cdp = profileTo === undefined ? null : await context.newCDPSession(vm.page);
    await cdp?.send('Profiler.enable');
    await cdp?.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp?.send('Profiler.start');
    await vm.greenFlag();
    await vm.waitFor(async () => Number(await vm.variable(ELAPSED)) > 0, `${CLONES} clones to connect, echo and close`, RUN_TIMEOUT_MS);
    if (cdp !== null && profileTo !== undefined) {
      const { profile } = await cdp.send('Profiler.stop');
      await writeFile(profileTo, JSON.stringify(profile));
      await cdp.detach();
    }
    const echoes = await vm.list(ECHOES);
    if (echoes.length !== CLONES || echoes.some((echo) => echo !== MESSAGE)) throw new Error(`${name}: ${echoes.length} echoes stored, not ${CLONES} × ${MESSAGE}`);
    if (vm.pageErrors.length > 0) throw new Error(`${name}: the page reported ${vm.pageErrors.join('; ')}`);
    return Number(await vm.variable(ELAPSED)) * 1000;
  } finally {
    await within(vm.close(), 'the page to close', 5000).catch(() => undefined);
  }
}

const load = () => loadavg()[0]!.toFixed(2);

/** The row: ours and the minimal extension's best of `RUNS` alternated runs, with every run's figure and load average. */
export async function clonesRow(context: BrowserContext, server: StaticServer): Promise<Comparison> {
  const run = `${CLONES} clones connect/echo/close, ${AT_ONCE} at a time`;
  const servers = await Promise.all(Array.from({ length: AT_ONCE }, () => RecordingServer.start()));
  try {
    const urls = servers.map((echoServer) => echoServer.url('/'));
    const minimalURL = server.addScript('minimal-extension.js', await readFile(MINIMAL_SOURCE, 'utf8'));
    const profileDir = process.env['BENCH_PROFILE'];
    const ours: string[] = [];
    const theirs: string[] = [];
    let best = { ours: Infinity, minimal: Infinity };
    for (let i = 0; i < RUNS; i += 1) {
      const profileTo = profileDir === undefined ? undefined : join(profileDir, `clones-ours-${i + 1}.cpuprofile`);
      const oursMs = await timeRun(context, server, oursClonesProject(server.extensionURL, urls), `bench-clones-ours-${i}`, profileTo);
      ours.push(`${oursMs.toFixed(0)} (load ${load()})`);
      const minimalMs = await timeRun(context, server, minimalClonesProject(minimalURL, urls), `bench-clones-minimal-${i}`);
      theirs.push(`${minimalMs.toFixed(0)} (load ${load()})`);
      best = { ours: Math.min(best.ours, oursMs), minimal: Math.min(best.minimal, minimalMs) };
    }
    const ratio = best.ours / best.minimal;
    return {
      run,
      ours: `best ${best.ours.toFixed(0)} ms of ${ours.join(', ')}`,
      comparedWith: 'the identical project with a minimal one-socket-per-sprite extension (bench/minimal-extension.js), alternated',
      baseline: `best ${best.minimal.toFixed(0)} ms of ${theirs.join(', ')}`,
      ratio: `${ratio.toFixed(2)}×`,
      goal: '≤ 1.0×',
      verdict: ratio <= 1 ? 'met' : 'NOT met',
    };
  } catch (error) {
    return { run, ours: '—', comparedWith: '—', baseline: '—', ratio: '—', goal: '—', verdict: `FAILED: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await Promise.all(servers.map((echoServer) => echoServer.close()));
  }
}
