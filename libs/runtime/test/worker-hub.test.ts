import { describe, expect, it } from 'vitest';
import { OffThreadSockets, type WebSocketConstructorLike, type WorkerPort } from '../src/index.js';
import { COMMAND_OPEN, COMMAND_SEND, EVENT_OPEN, WORKER_READY } from '../src/worker-protocol.js';

/** A worker port that records what the page posts and lets the test post as the worker; no worker behind it. */
class RecordingPort {
  /** Every post of the page, as arrays of `[kind, id, a, b]` entries. */
  readonly posts: unknown[][][] = [];
  private readonly listeners: Array<(event: { data: unknown }) => void> = [];

  postMessage(message: unknown): void {
    const entries: unknown[][] = [];
    for (let i = 0; i < (message as unknown[]).length; i += 4) entries.push((message as unknown[]).slice(i, i + 4));
    this.posts.push(entries);
  }

  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    if (type === 'message') this.listeners.push(listener);
  }

  removeEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    const index = this.listeners.indexOf(listener);
    if (type === 'message' && index >= 0) this.listeners.splice(index, 1);
  }

  terminate(): void {}

  /** Posts `data` to the page as the worker would. */
  fromWorker(data: unknown): void {
    for (const listener of [...this.listeners]) listener({ data });
  }
}

/** No socket is ever made on the page here: every one goes to the recording port. */
const NO_PAGE_SOCKETS = class {
  constructor() {
    throw new Error('no page socket in this test');
  }
} as unknown as WebSocketConstructorLike;

describe('WorkerHub', () => {
  it('posts the first command of a task at once, and the rest of that task together once its code is done', async () => {
    const port = new RecordingPort();
    const sockets = new OffThreadSockets({ pageWebSocket: NO_PAGE_SOCKETS, startWorker: () => port as unknown as WorkerPort });
    const placed = sockets.whenPlaced();
    port.fromWorker(WORKER_READY);
    await placed;
    const socket = new sockets.WebSocket('ws://127.0.0.1:1/');
    // The open went at once, alone (nothing else was asked in this task).
    expect(port.posts).toEqual([[[COMMAND_OPEN, 1, 'ws://127.0.0.1:1/', null]]]);
    port.fromWorker([EVENT_OPEN, 1, '', null]);
    // A later task: the open's ended with the await.
    await Promise.resolve();
    port.posts.length = 0;
    // A script's request in the middle of a VM step leaves the page before the step ends.
    socket.send('first');
    expect(port.posts).toEqual([[[COMMAND_SEND, 1, 'first', 5]]]);
    socket.send('second');
    socket.send('third');
    expect(port.posts).toHaveLength(1);
    await Promise.resolve();
    expect(port.posts).toEqual([
      [[COMMAND_SEND, 1, 'first', 5]],
      [
        [COMMAND_SEND, 1, 'second', 6],
        [COMMAND_SEND, 1, 'third', 5],
      ],
    ]);
    sockets.dispose();
  });
});
