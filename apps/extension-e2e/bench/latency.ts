/**
 * Issue 22's idle latency row: in how many VM frames a message's `when message received` runs
 * once the message has reached the browser, with the sockets in the worker, next to the same
 * project on a page that forbids workers (the page's own sockets, as before issue 22).
 *
 * "Reached the browser" is when a bare WebSocket in the same page, sent the same tick at the
 * same moment by the same server, received it. Counting from the server's send instead (as this
 * row first did) also counts a frame that began while the message was still on its way: with
 * ticks at random phases against 16.7 ms frames, about 1 in 10 did, on both paths alike, which
 * read as a p95 of 2 frames. The worker's own hop to the page is counted: the bare socket
 * marks when the page could have known, not when the worker did.
 */
import type { BrowserContext } from 'playwright-core';
import { within } from '@scratch-websocket/test-support';
import type { VmPage } from '../src/browser/vm-page';
import type { StaticServer } from '../src/server/static-server';
import { RecordingServer } from '../src/server/ws-server';
import { START_MESSAGE } from './burst';
import { failed, FRAME_MS, pageWith, RUN_TIMEOUT_MS, type Comparison } from './off-main-thread';
import { LIST, messageHatProject, SPRITE } from './projects';

/** One message every 100 ms (well apart from each other), 50 of them. */
const TICKS = 50;
const TICK_MS = 100;

/** Per message, in the order the hat saw them: frames begun after it reached the page, and after the server sent it; ms from arrival to its frame. */
interface Latencies {
  framesAfterArrival: number[];
  framesAfterSend: number[];
  ms: number[];
}

/**
 * A server that, once any connection sends `START_MESSAGE`, sends `TICKS` ticks `TICK_MS`
 * apart, each to every open connection at once: its text is the wall-clock ms of the send,
 * which also names it.
 */
async function broadcastingTicker(): Promise<RecordingServer> {
  const holder: { server?: RecordingServer } = {};
  holder.server = await RecordingServer.start((connection) => {
    connection.socket.on('message', (data: Buffer) => {
      if (data.toString('utf8') !== START_MESSAGE) return;
      let sent = 0;
      const ticks = setInterval(() => {
        const tick = String(Date.now());
        for (const open of holder.server?.connections ?? []) if (!open.isClosed) open.socket.send(tick);
        if ((sent += 1) >= TICKS || connection.isClosed) clearInterval(ticks);
      }, TICK_MS);
    });
  });
  return holder.server;
}

/** Opens a bare WebSocket on the page's main thread that notes when each message reached it (absolute ms, as the frame stamps). */
async function openArrivalSocket(vm: VmPage, url: string): Promise<void> {
  await vm.page.evaluate(
    (socketUrl) =>
      new Promise<void>((resolve, reject) => {
        const arrivals: Record<string, number> = {};
        (window as unknown as { tickArrivals: Record<string, number> }).tickArrivals = arrivals;
        const socket = new WebSocket(socketUrl);
        socket.onmessage = (event) => {
          arrivals[String(event.data)] = performance.timeOrigin + performance.now();
        };
        socket.onopen = () => resolve();
        socket.onerror = () => reject(new Error('the arrival socket failed'));
      }),
    url,
  );
}

/** Frames in `frameStarts` from 1 to `frame` that began after `since` (absolute ms). */
function framesBegunAfter(frameStarts: number[], frame: number, since: number): number {
  let begun = 0;
  for (let k = frame; k > 0 && (frameStarts[k] ?? -Infinity) > since; k -= 1) begun += 1;
  return begun;
}

async function latencies(context: BrowserContext, server: StaticServer, forbidWorkers: boolean): Promise<Latencies> {
  const ticker = await broadcastingTicker();
  let vm: VmPage | undefined;
  try {
    vm = await pageWith(context, server, messageHatProject(server.extensionURL, ticker.url('/ours')), 'bench-latency', forbidWorkers);
    await within(openArrivalSocket(vm, ticker.url('/arrivals')), 'the arrival socket to open', RUN_TIMEOUT_MS);
    const stamping = vm.stampList({ sprite: SPRITE, list: LIST, targetLength: TICKS, timeoutMs: RUN_TIMEOUT_MS });
    await vm.greenFlag();
    const stamped = await within(stamping, 'every tick at its hat', RUN_TIMEOUT_MS + 5000);
    if (stamped.ended !== 'target') throw new Error(`${stamped.items.length} of ${TICKS} ticks reached the hat`);
    const arrivals = await vm.page.evaluate(() => (window as unknown as { tickArrivals: Record<string, number> }).tickArrivals);
    const result: Latencies = { framesAfterArrival: [], framesAfterSend: [], ms: [] };
    for (const { item, frame } of stamped.items) {
      const arrivedAt = arrivals[String(item)];
      if (arrivedAt === undefined) throw new Error(`tick ${String(item)} never reached the arrival socket`);
      result.framesAfterArrival.push(framesBegunAfter(stamped.frameStarts, frame, arrivedAt));
      result.framesAfterSend.push(framesBegunAfter(stamped.frameStarts, frame, Number(item)));
      result.ms.push((stamped.frameStarts[frame] ?? Number.NaN) - arrivedAt);
    }
    return result;
  } finally {
    await within(vm?.close() ?? Promise.resolve(), 'the page to close', 5000).catch(() => undefined);
    await ticker.close();
  }
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(0.95 * values.length) - 1]!;

const described = (run: Latencies) =>
  `p95 ${p95(run.framesAfterArrival)} frame(s) after arrival, ${p95(run.ms).toFixed(1)} ms (${p95(run.framesAfterSend)} counted from the server's send)`;

/** The row: ours (sockets in the worker) next to ours on a page without workers, in one run. */
export async function latencyRow(context: BrowserContext, server: StaticServer): Promise<Comparison> {
  const run = 'idle event → hat latency at 60 fps';
  try {
    const ours = await latencies(context, server, false);
    const page = await latencies(context, server, true);
    return {
      run,
      ours: described(ours),
      comparedWith: "ours on a page without workers (the page's own sockets)",
      baseline: described(page),
      ratio: `${(p95(ours.ms) / p95(page.ms)).toFixed(2)}×`,
      goal: `p95 ≤ 1 frame (${FRAME_MS.toFixed(1)} ms) after arrival`,
      verdict: p95(ours.framesAfterArrival) <= 1 ? 'met' : 'NOT met',
    };
  } catch (error) {
    return failed(run, error);
  }
}
