import { WebSocket, WebSocketServer } from 'ws';
import { type WebSocketConstructorLike } from '../src/index.js';
import { CountingRuntime } from '../test/support/counting-runtime.js';
import { MemoryHost, type MemoryThread, target, type TestTarget } from '@scratch-websocket/test-support';
import { median, time, type Row } from './bench-kit.js';

const HATS = { open: 'b_open', message: 'b_message', error: 'b_error', close: 'b_close' };
const CONNECTIONS = 200;
/** Pings every 50 ms, so that during the run every connection pings and is answered many times. */
const INTERVAL_S = 0.05;

/** 200 connections to `url` on one runtime (one sprite each), with keepalive on or off; the host to step its frames. */
async function twoHundred(url: string, keepalive: boolean): Promise<{ host: MemoryHost; runtime: CountingRuntime }> {
  const host = new MemoryHost();
  const runtime = new CountingRuntime({ WebSocket: WebSocket as unknown as WebSocketConstructorLike, host, hats: HATS });
  await Promise.all(
    Array.from({ length: CONNECTIONS }, (_, i) => {
      const sprite = target(`sprite ${i}`);
      if (keepalive) runtime.conversation.setKeepalive(sprite, INTERVAL_S, 'ping', 'pong', 5);
      return runtime.connect(sprite, url);
    }),
  );
  return { host, runtime };
}

/**
 * Frame cost with keepalive on for 200 connections vs off (issue 24: keepalive must cost nothing
 * measurable per frame). A server on 127.0.0.1 answers every `ping` with `pong`; between rounds
 * the event loop runs 20 ms, so pings and answers flow. Rounds alternate; the figure is the
 * median of the paired per-frame ratios.
 */
export async function keepaliveFrameCost(): Promise<Row> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => wss.once('listening', resolve));
  let pongs = 0;
  wss.on('connection', (socket) =>
    socket.on('message', (data) => {
      if (data.toString() !== 'ping') return;
      pongs += 1;
      socket.send('pong');
    }),
  );
  const url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}/`;
  const on = await twoHundred(url, true);
  const off = await twoHundred(url, false);
  const FRAMES = 5000;
  const perFrame = (host: MemoryHost) => time(() => host.frames(FRAMES)) / FRAMES;
  const onTimes: number[] = [];
  const offTimes: number[] = [];
  for (let round = 0; round < 30; round += 1) {
    const order = round % 2 === 0 ? [on, off] : [off, on];
    for (const side of order) (side === on ? onTimes : offTimes).push(perFrame(side.host));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const ratio = median(onTimes.map((onTime, i) => onTime / offTimes[i]!));
  const opened = on.runtime.connectionCount;
  on.runtime.dispose();
  off.runtime.dispose();
  for (const client of wss.clients) client.terminate();
  await new Promise((resolve) => wss.close(resolve));
  return {
    figure: `frame cost, keepalive on for ${CONNECTIONS} connections vs off`,
    value: `${ratio.toFixed(3)}× (${(median(onTimes) * 1000).toFixed(3)} µs vs ${(median(offTimes) * 1000).toFixed(3)} µs; ${pongs} answers, ${opened} open)`,
    target: '≤ 1.05×',
    met: ratio <= 1.05,
  };
}
