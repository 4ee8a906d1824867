import { WebSocket, WebSocketServer } from 'ws';
import { OffThreadSockets, scratchWebSocketWorker, type WebSocketConstructorLike } from '../src/index.js';
import { CountingRuntime } from '../test/support/counting-runtime.js';
import { inProcessWorker, MemoryHost, type MemoryThread, target, type TestTarget } from '@scratch-websocket/test-support';
import { collectGarbage, type Row } from './bench-kit.js';

const HATS = { open: 'w_open', message: 'w_message', error: 'w_error', close: 'w_close' };
/**
 * The first thousand cycles grow the heap by about 850 bytes each (compiled code, the capacity
 * of maps and of `ws`'s own tables), the same with the page's own sockets; after them, batches
 * of a thousand move it by -160 to +250 bytes a cycle. So the figure is taken after a warm-up.
 */
const WARM_UP = 1000;
const CYCLES = 1000;
/** Flat: within that noise, and far under what one leaked connection would hold (its session, socket and listeners: several KiB). */
const FLAT_BYTES_PER_CYCLE = 512;

/**
 * Heap after 1,000 connect/close cycles through the socket worker (issue 22), compared with the
 * heap after a first 100: the page's side and the worker program's (run in process here, so
 * one heap holds both) must let go of every socket, listener and id with its connection.
 */
export async function workerCycleHeap(): Promise<Row> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => wss.once('listening', resolve));
  const url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}/`;
  const host = new MemoryHost();
  const sockets = new OffThreadSockets({
    pageWebSocket: WebSocket as unknown as WebSocketConstructorLike,
    startWorker: () => inProcessWorker(scratchWebSocketWorker, WebSocket) as never,
  });
  const runtime = new CountingRuntime({ WebSocket: sockets.WebSocket, host: sockets.host(host), hats: HATS });
  const sprite = target('cycler');
  const cycles = async (count: number) => {
    for (let i = 0; i < count; i += 1) {
      await runtime.connect(sprite, url);
      const closed = host.nextHat(HATS.close, sprite);
      runtime.close(sprite);
      await closed;
      // The in-memory host's own records (its log of hat starts, finished threads) are not the runtime's.
      host.frames(3);
      host.started.length = 0;
    }
    // Until the worker and the server have let go of every socket too.
    while (sockets.workerSocketCount > 0 || wss.clients.size > 0) await sockets.roundTrip();
  };
  await cycles(WARM_UP);
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  await cycles(CYCLES);
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  const left = sockets.workerSocketCount + runtime.connectionCount;
  runtime.dispose();
  sockets.dispose();
  await new Promise((resolve) => wss.close(resolve));
  const perCycle = (after - before) / CYCLES;
  return {
    figure: `heap after ${CYCLES.toLocaleString('en')} connect/close cycles through the socket worker, vs after the first ${WARM_UP}`,
    value: `${perCycle.toFixed(0)} bytes per cycle (${((after - before) / 1024).toFixed(0)} KiB in all), ${left} sockets or connections left`,
    target: `≤ ${FLAT_BYTES_PER_CYCLE} bytes per cycle, none left`,
    met: perCycle <= FLAT_BYTES_PER_CYCLE && left === 0,
  };
}
