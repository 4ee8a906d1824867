/**
 * Some of the issue 22 rows alone, without the minute of bursts before them in `bench/index.ts`:
 * `tsx bench/rows.ts clones latency` (from apps/extension-e2e; build the extension first).
 * For measuring again and again, and profiling (`BENCH_PROFILE=<dir>`, see bench/clones.ts).
 */
import { cpus, loadavg } from 'node:os';
import { launchChromium } from '@scratch-websocket/test-chromium';
import { within } from '@scratch-websocket/test-support';
import { startStaticServer } from '../src/server/static-server';
import { clonesRow } from './clones';
import { latencyRow } from './latency';
import { floodRow, printComparisons, sendRow, type Comparison } from './off-main-thread';

const ROWS = { clones: clonesRow, latency: latencyRow, flood: floodRow, send: sendRow } as const;

function isRow(name: string): name is keyof typeof ROWS {
  return Object.hasOwn(ROWS, name);
}

async function main(): Promise<number> {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !isRow(name));
  if (names.length === 0 || unknown.length > 0) {
    console.error(`usage: tsx bench/rows.ts ${Object.keys(ROWS).join('|')} …`);
    return 2;
  }
  const server = await startStaticServer();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const rows: Comparison[] = [];
    for (const name of names.filter(isRow)) rows.push(await ROWS[name](context, server));
    printComparisons(rows);
    console.log(`(${cpus().length} cores; load average ${loadavg().map((value) => value.toFixed(2)).join(' ')})`);
    return rows.some((row) => row.verdict.startsWith('FAILED')) ? 1 : 0;
  } finally {
    await within(browser.close(), 'Chromium to close', 10_000).catch(() => undefined);
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
