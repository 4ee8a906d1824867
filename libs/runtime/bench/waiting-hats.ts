import { ALL_FACETS, WebSocketRuntime, type WebSocketConstructorLike } from '../src/index.js';
import { MemoryHost, type MemoryThread, target, type TestTarget } from '@scratch-websocket/test-support';
import { median, time, type Row } from './bench-kit.js';

const HATS = { open: 'b_open', message: 'b_message', error: 'b_error', close: 'b_close' };

/** Never constructed: every connection below fails on its URL before a socket would be opened. */
class NoSocket {
  constructor() {
    throw new Error('no socket in this bench');
  }
}

/**
 * A sprite whose first connection's `when connection errors` script never finishes, with
 * `waiting` more named connections whose error hats wait behind it (CONTRACT.md, Several
 * connections: hats do not cut each other short).
 */
function spriteWithWaitingHats(waiting: number): MemoryHost {
  const host = new MemoryHost();
  host.setLifetime(HATS.error, 'manual');
  const runtime = new WebSocketRuntime<TestTarget, MemoryThread>({
    WebSocket: NoSocket as unknown as WebSocketConstructorLike,
    host,
    hats: HATS,
    facets: ALL_FACETS,
  });
  const sprite = target('sprite');
  for (let i = 0; i <= waiting; i += 1) {
    const script = {} as MemoryThread;
    runtime.useConnection(sprite, `connection ${i}`, script);
    void runtime.connect(sprite, 'no scheme://here', script);
  }
  return host;
}

/**
 * Per-frame cost with 10,000 hats waiting for their turn vs 100 (issue 20, R2: it grew with the
 * square of the number waiting, 68 ms a frame at 8,000). Rounds alternate; the figure is the
 * median of the paired ratios.
 */
export function waitingHatsFrameCost(): Row {
  const few = spriteWithWaitingHats(100);
  const many = spriteWithWaitingHats(10_000);
  const FRAMES = 2000;
  const perFrame = (host: MemoryHost) => time(() => host.frames(FRAMES)) / FRAMES;
  const fewTimes: number[] = [];
  const manyTimes: number[] = [];
  for (let round = 0; round < 20; round += 1) {
    const order = round % 2 === 0 ? [few, many] : [many, few];
    for (const host of order) (host === few ? fewTimes : manyTimes).push(perFrame(host));
  }
  const ratio = median(manyTimes.map((manyTime, i) => manyTime / fewTimes[i]!));
  return {
    figure: 'frame cost, 10,000 hats waiting their turn vs 100',
    value: `${ratio.toFixed(2)}× (${(median(manyTimes) * 1000).toFixed(3)} µs vs ${(median(fewTimes) * 1000).toFixed(3)} µs)`,
    target: '≤ 1.5×',
    met: ratio <= 1.5,
  };
}
