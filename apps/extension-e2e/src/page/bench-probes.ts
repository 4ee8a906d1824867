/**
 * Runs in the browser page, for the VM benchmark (apps/extension-e2e/bench): it times things
 * where they happen, with the page's clock, so the figures do not include the round trips
 * of a Node side polling through the DevTools protocol.
 */

/** What a bare WebSocket in the page saw of a burst. Times are `performance.now()` ms. */
export interface BurstCount {
  /** Messages received before it ended. */
  count: number;
  /** When the first and the last of them arrived (null before any). */
  firstAt: number | null;
  lastAt: number | null;
  /** The data of the last message, to check it was the burst's last. */
  lastData: string;
  /** VM frames that ran from the first message to the last: how much the burst leaves the VM. */
  frames: number;
  /** Why it ended: all `expected` messages arrived, the bound passed, or the socket ended first. */
  ended: 'complete' | 'timed out' | 'socket closed' | 'socket error';
}

/** How a list of a sprite grew, sampled once per VM frame (after the threads stepped). */
export interface ListWatch {
  /** When the list first held an item, `performance.now()` ms (null if it never did). */
  firstAt: number | null;
  /** The list's length at the end, and when the end was seen. */
  length: number;
  endAt: number | null;
  /** When the list last grew (null if it never did). */
  lastGrowthAt: number | null;
  /** VM frames from the first item to the end: (a) handles at most one message per frame. */
  frames: number;
  /** The longest time between two of those frames, ms: what a queue must hold between two drains. */
  longestFrameGapMs: number;
  /** Why it ended: the window passed, the list reached its target length, stopped growing, or the bound passed. */
  ended: 'window' | 'target' | 'stalled' | 'timed out';
}

export interface ListWatchOptions {
  sprite: string;
  list: string;
  /** Stop this many ms after the first item, and report the length then. */
  windowMs?: number;
  /** Stop once the list holds this many items. */
  targetLength?: number;
  /** Stop when the list has not grown for this many ms and at least 30 frames (messages lost, say). */
  stallMs?: number;
  /** Stop anyway this many ms after the watch began. */
  timeoutMs: number;
}

/** A list's items, each with the VM frame that added it (issue 22's latency row). */
export interface StampedList {
  /** Each new item and the number of the frame after which it was first seen. */
  items: { item: unknown; frame: number }[];
  /** When each frame began (BEFORE_EXECUTE), wall-clock ms (`performance.timeOrigin + performance.now()`), by frame number. */
  frameStarts: number[];
  ended: 'target' | 'timed out';
}

interface RuntimeEvents {
  on(event: string, listener: () => void): void;
  removeListener(event: string, listener: () => void): void;
}

export interface BenchProbeHost {
  runtime(): RuntimeEvents;
  /** How many VM frames have run so far. */
  frame(): number;
  /** The array behind a sprite's list right now. */
  list(name: string, sprite: string): unknown[];
}

/** Runs `then` in the next task: a message to the page itself, which no timer clamps. */
function nextTask(then: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    then();
  };
  channel.port2.postMessage(null);
}

export function benchProbes(host: BenchProbeHost) {
  return {
    /**
     * Opens a bare WebSocket to `url`, sends `start` once it is open, and counts the messages
     * that arrive until `expected` have, the socket ends, or `timeoutMs` passes. No VM involved:
     * this is how fast the page itself takes in a burst.
     */
    countBurst(url: string, start: string, expected: number, timeoutMs: number): Promise<BurstCount> {
      return new Promise((resolve) => {
        const result: BurstCount = { count: 0, firstAt: null, lastAt: null, lastData: '', frames: 0, ended: 'timed out' };
        let firstFrame = 0;
        const socket = new WebSocket(url);
        const finish = (ended: BurstCount['ended']) => {
          clearTimeout(timer);
          socket.onmessage = socket.onclose = socket.onerror = null;
          socket.close();
          resolve({ ...result, ended });
        };
        const timer = setTimeout(() => finish('timed out'), timeoutMs);
        socket.onopen = () => socket.send(start);
        socket.onmessage = (event: MessageEvent) => {
          const now = performance.now();
          if (result.count++ === 0) firstFrame = host.frame();
          result.firstAt ??= now;
          result.frames = host.frame() - firstFrame;
          result.lastAt = now;
          result.lastData = String(event.data);
          if (result.count >= expected) finish('complete');
        };
        socket.onclose = () => finish('socket closed');
        socket.onerror = () => finish('socket error');
      });
    },

    /**
     * Opens a bare WebSocket to `url` on the page's main thread and, once open, sends `count`
     * messages (`m1`…) in one loop, as a project's loop without screen refresh does: the ms the
     * loop took (the time the page was busy), then waits for nothing more and closes.
     */
    sendLoop(url: string, count: number, timeoutMs: number): Promise<number | null> {
      return new Promise((resolve) => {
        const socket = new WebSocket(url);
        const timer = setTimeout(() => resolve(null), timeoutMs);
        socket.onopen = () => {
          const started = performance.now();
          for (let i = 1; i <= count; i += 1) socket.send(`m${i}`);
          // Timed to the next task, as `longestFrame` times a frame: what runs after the loop counts too.
          nextTask(() => {
            clearTimeout(timer);
            resolve(performance.now() - started);
          });
        };
      });
    },

    /**
     * The longest time the page was busy with one VM frame, over the next `frames` frames: from
     * BEFORE_EXECUTE to the next task after AFTER_EXECUTE, so work a frame leaves to microtasks
     * (the extension posts its sends to its worker there) is counted in that frame.
     */
    longestFrame(frames: number, timeoutMs: number): Promise<number | null> {
      return new Promise((resolve) => {
        const runtime = host.runtime();
        let longest = 0;
        let seen = 0;
        let startedAt = 0;
        const finish = (result: number | null) => {
          clearTimeout(timer);
          runtime.removeListener('BEFORE_EXECUTE', onStart);
          runtime.removeListener('AFTER_EXECUTE', onEnd);
          resolve(result);
        };
        const onStart = () => {
          startedAt = performance.now();
        };
        const onEnd = () => {
          const began = startedAt;
          nextTask(() => {
            longest = Math.max(longest, performance.now() - began);
            if ((seen += 1) === frames) finish(longest);
          });
        };
        const timer = setTimeout(() => finish(null), timeoutMs);
        runtime.on('BEFORE_EXECUTE', onStart);
        runtime.on('AFTER_EXECUTE', onEnd);
      });
    },

    /**
     * Records, frame by frame, which frame each new item of a sprite's list appeared in, and
     * when each frame began by the wall clock, until the list holds `targetLength` items: the
     * Node side compares those times with when its server sent each message.
     */
    stampList(options: { sprite: string; list: string; targetLength: number; timeoutMs: number }): Promise<StampedList> {
      return new Promise((resolve) => {
        const runtime = host.runtime();
        const result: StampedList = { items: [], frameStarts: [], ended: 'timed out' };
        let frame = 0;
        const finish = (ended: StampedList['ended']) => {
          clearTimeout(timer);
          runtime.removeListener('BEFORE_EXECUTE', onStart);
          runtime.removeListener('AFTER_EXECUTE', onEnd);
          resolve({ ...result, ended });
        };
        const onStart = () => {
          frame += 1;
          result.frameStarts[frame] = performance.timeOrigin + performance.now();
        };
        const onEnd = () => {
          const list = host.list(options.list, options.sprite);
          for (let i = result.items.length; i < list.length; i += 1) result.items.push({ item: list[i], frame });
          if (result.items.length >= options.targetLength) finish('target');
        };
        const timer = setTimeout(() => finish('timed out'), options.timeoutMs);
        runtime.on('BEFORE_EXECUTE', onStart);
        runtime.on('AFTER_EXECUTE', onEnd);
      });
    },

    /**
     * Watches a sprite's list once per VM frame until a window after its first item passes
     * (`windowMs`), it reaches `targetLength`, it stops growing (`stallMs`), or `timeoutMs`
     * passes. Frame sampling makes each end up to one frame late (17 ms at 60 fps; more while
     * a burst holds the frames back), which is small against seconds of burst.
     */
    watchList(options: ListWatchOptions): Promise<ListWatch> {
      return new Promise((resolve) => {
        const runtime = host.runtime();
        // Looked up each frame: a block that empties a list may give it a new array.
        const length = () => host.list(options.list, options.sprite).length;
        const result: ListWatch = { firstAt: null, length: 0, endAt: null, lastGrowthAt: null, frames: 0, longestFrameGapMs: 0, ended: 'timed out' };
        let lastFrameAt: number | null = null;
        let lastLength = 0;
        let framesSinceGrowth = 0;
        const finish = (ended: ListWatch['ended']) => {
          clearTimeout(timer);
          runtime.removeListener('AFTER_EXECUTE', onFrame);
          result.length = length();
          result.endAt = performance.now();
          resolve({ ...result, ended });
        };
        const onFrame = () => {
          const now = performance.now();
          const current = length();
          if (current > 0) result.firstAt ??= now;
          if (result.firstAt !== null) {
            result.frames++;
            if (lastFrameAt !== null) result.longestFrameGapMs = Math.max(result.longestFrameGapMs, now - lastFrameAt);
            lastFrameAt = now;
          }
          if (current > lastLength) {
            lastLength = current;
            result.lastGrowthAt = now;
            framesSinceGrowth = 0;
          } else framesSinceGrowth++;
          if (options.targetLength !== undefined && current >= options.targetLength) return finish('target');
          if (options.windowMs !== undefined && result.firstAt !== null && now - result.firstAt >= options.windowMs) {
            return finish('window');
          }
          const stalled = options.stallMs !== undefined && result.lastGrowthAt !== null && now - result.lastGrowthAt >= options.stallMs;
          if (stalled && framesSinceGrowth >= 30) finish('stalled');
        };
        const timer = setTimeout(() => finish('timed out'), options.timeoutMs);
        runtime.on('AFTER_EXECUTE', onFrame);
      });
    },
  };
}
