import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { TestServer, within } from '@scratch-websocket/test-support';
import { scratchWebSocketWorker, type WorkerScope } from '../src/index.js';
import { COMMAND_ACK, COMMAND_OPEN, COMMAND_SEND, EVENT_BUFFERED, EVENT_MESSAGE, EVENT_OPEN } from '../src/worker-protocol.js';

/**
 * The worker program driven directly: the test is the page. Its timers never fire, so a batch
 * held for the page's acknowledgement is posted only by an acknowledgement (the `BATCH_MS`
 * timer, tested with the page in off-thread-sockets.test.ts, cannot hide a held batch here).
 */
class Page {
  /** Every batch the worker posted, as arrays of `[kind, id, a, b]` entries. */
  readonly batches: unknown[][][] = [];
  /** The worker's sockets, as made (`ws`'s, so the test sees their events too). */
  readonly sockets: WebSocket[] = [];
  private commands: ((event: { data: unknown }) => void) | null = null;
  private waiters: Array<() => void> = [];

  constructor() {
    const sockets = this.sockets;
    const scope: WorkerScope = {
      postMessage: (message) => this.posted(message),
      addEventListener: (_type, listener) => (this.commands = listener),
      setTimeout: () => 0,
      WebSocket: class extends WebSocket {
        constructor(url: string, protocols?: string[]) {
          super(url, protocols);
          sockets.push(this);
        }
      } as never,
    };
    scratchWebSocketWorker(scope);
  }

  /** Posts one batch of commands to the worker, `[kind, id, a, b]` each. */
  command(...entries: unknown[][]): void {
    this.commands!({ data: entries.flat() });
  }

  /** The entries of every batch posted so far, of `kind`. */
  entries(kind: number): unknown[][] {
    return this.batches.flat().filter((entry) => entry[0] === kind);
  }

  /** Resolves once the worker has posted an entry of `kind` (at most `within`'s bound). */
  posts(kind: number, what: string): Promise<void> {
    return within(
      new Promise<void>((resolve) => {
        const check = () => (this.entries(kind).length > 0 ? resolve() : this.waiters.push(check));
        check();
      }),
      what,
    );
  }

  private posted(message: unknown): void {
    if (!Array.isArray(message)) return;
    const entries: unknown[][] = [];
    for (let i = 0; i < message.length; i += 4) entries.push(message.slice(i, i + 4));
    this.batches.push(entries);
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}

const ACK = [COMMAND_ACK, 0, null, null];

let server: TestServer;
beforeEach(async () => {
  server = await TestServer.start();
});
afterEach(() => server.close());

/** A page with socket 1 open to the server, its open event acknowledged; and the server's side of it. */
async function openSocket(): Promise<{ page: Page; atServer: WebSocket }> {
  const page = new Page();
  page.command([COMMAND_OPEN, 1, server.url, null]);
  const atServer = await server.nextConnection();
  await page.posts(EVENT_OPEN, 'the open event');
  page.command(ACK);
  return { page, atServer };
}

describe('scratchWebSocketWorker', () => {
  it('posts a reply at once while the page has yet to acknowledge only the bufferedAmount report of the send before it', async () => {
    const { page, atServer } = await openSocket();
    atServer.on('message', () => atServer.send('pong'));
    page.command([COMMAND_SEND, 1, 'ping', 4]);
    // The send's report went at once, and is not acknowledged: a report must not hold back the reply.
    expect(page.entries(EVENT_BUFFERED)).toHaveLength(1);
    await page.posts(EVENT_MESSAGE, 'the reply, with the report unacknowledged');
    expect(page.entries(EVENT_MESSAGE)).toEqual([[EVENT_MESSAGE, 1, 'pong', null]]);
    page.sockets[0]!.close();
  });

  it('holds a message while a batch with a message waits for its acknowledgement, and posts it on the acknowledgement', async () => {
    const { page, atServer } = await openSocket();
    const worker = page.sockets[0]!;
    // Added after the program's own handler, so it runs once the program has handled each message.
    let arrived = 0;
    const second = within(new Promise<void>((resolve) => worker.addEventListener('message', () => (arrived += 1) === 2 && resolve())), 'two messages at the worker');
    atServer.send('one');
    await page.posts(EVENT_MESSAGE, 'the first message');
    atServer.send('two');
    await second;
    expect(page.entries(EVENT_MESSAGE)).toEqual([[EVENT_MESSAGE, 1, 'one', null]]);
    page.command(ACK);
    expect(page.entries(EVENT_MESSAGE)).toEqual([
      [EVENT_MESSAGE, 1, 'one', null],
      [EVENT_MESSAGE, 1, 'two', null],
    ]);
    worker.close();
  });
});
