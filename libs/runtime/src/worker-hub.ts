import { reportUnexpected } from './report-unexpected.js';
import { COMMAND_ACK, COMMAND_CLOSE, COMMAND_OPEN, COMMAND_PING, COMMAND_SEND, ENTRY_SIZE, type WorkerPort } from './worker-protocol.js';
import { EVENT_BUFFERED, EVENT_CLOSE, EVENT_ERROR, EVENT_MESSAGE, EVENT_OPEN, EVENT_PONG, EVENT_THREW } from './worker-protocol.js';
import { WorkerSocket, type SocketChannel } from './worker-socket.js';

/**
 * The page's end of the socket worker (worker-main.ts): the one owner of the worker's port, of
 * which `WorkerSocket` each id names, and of the commands not yet posted. Every socket of every
 * connection shares it, so the worker's events for all of them arrive in one order, and so do
 * the page's commands.
 *
 * The first command of a task goes out at once; those after it in the same task (a loop of
 * `send message` run without screen refresh, a frame of hats) go out as one post at the end of
 * that task, in order: two structured clones instead of one per message. The first is not held
 * because a task can be a whole VM step: TurboWarp steps scripts for up to 75% of a frame when
 * nothing is redrawn, and a request held to the step's end left the page 12 ms late, so its
 * reply could miss the next frame: one loop of `send and wait for reply` took 1.06–1.7 frames a
 * round trip in Chromium, by the machine's load, against 1.00–1.07 with it sent at once (as the
 * page's own sockets send). As the worker does with its events, the first goes alone.
 *
 * A batch of events is acknowledged once the page has handled it; until then the worker holds
 * further events back (worker-main.ts explains why that keeps idle latency at one task, and why
 * a batch of `bufferedAmount` reports only holds nothing back).
 */
export class WorkerHub implements SocketChannel {
  private readonly sockets = new Map<number, WorkerSocket>();
  private nextId = 1;
  private commands: unknown[] = [];
  private transfers: ArrayBuffer[] = [];
  /** Whether this task has posted its first command already (the rest then wait for `endOfTask`). */
  private taskPosted = false;
  /** The socket whose refusal is being reported (see `refusalOf`). */
  private refusing: WorkerSocket | null = null;
  private crashed = false;
  /** The round trips waiting for their pong, oldest first. */
  private readonly pings: (() => void)[] = [];

  constructor(private readonly port: WorkerPort) {
    port.addEventListener('message', this.handleBatch);
    port.addEventListener('error', this.handleCrash);
  }

  /** Whether the worker still runs: after an uncaught error in it, its sockets are gone and new ones go elsewhere. */
  get running(): boolean {
    return !this.crashed;
  }

  /**
   * While a socket's refusal is reported (its `error` event, whose listener asks the host why it
   * failed): the name of what the worker's WebSocket threw, if that socket is to `url`.
   */
  refusalOf(url: string): string | null {
    return this.refusing !== null && this.refusing.url === url ? this.refusing.refusal : null;
  }

  /** The sockets the worker holds for the page (from `open` until their close event). */
  get socketCount(): number {
    return this.sockets.size;
  }

  /** A new socket to `url`, offering `protocols` when given; the worker opens it once this task ends. */
  open(url: string, protocols: string[] | undefined): WorkerSocket {
    const id = this.nextId++;
    const socket = new WorkerSocket(url, id, this);
    this.sockets.set(id, socket);
    this.command(COMMAND_OPEN, id, url, protocols === undefined ? null : [...protocols]);
    return socket;
  }

  /**
   * Resolves once every event the worker had seen when this command reached it has been
   * delivered on the page: a point where the page knows all the worker knew (tests and benches
   * wait for it instead of for time).
   */
  roundTrip(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.pings.push(resolve);
      this.command(COMMAND_PING, 0, null, null);
    });
  }

  send(id: number, data: string | ArrayBuffer, bytes: number): void {
    if (typeof data !== 'string') this.transfers.push(data);
    this.command(COMMAND_SEND, id, data, bytes);
  }

  close(id: number, code: number | null, reason: string | null): void {
    this.command(COMMAND_CLOSE, id, code, reason);
  }

  /** Stops listening to the worker and ends it; its sockets go with it (the page is going away). */
  dispose(): void {
    this.port.removeEventListener('message', this.handleBatch);
    this.port.removeEventListener('error', this.handleCrash);
    this.port.terminate();
    this.sockets.clear();
  }

  private command(kind: number, id: number, a: unknown, b: unknown): void {
    this.commands.push(kind, id, a, b);
    if (this.taskPosted) return;
    this.taskPosted = true;
    this.flush();
    // A microtask runs once the current task's code is done: everything else it sent goes in one post.
    queueMicrotask(this.endOfTask);
  }

  private readonly endOfTask = (): void => {
    this.taskPosted = false;
    this.flush();
  };

  private flush(): void {
    if (this.commands.length === 0) return;
    const commands = this.commands;
    const transfers = this.transfers;
    this.commands = [];
    this.transfers = [];
    this.port.postMessage(commands, transfers);
  }

  private reportRefusal(socket: WorkerSocket, name: string): void {
    this.refusing = socket;
    try {
      socket.threw(name);
    } finally {
      this.refusing = null;
    }
  }

  /** An uncaught error in the worker: it may have lost any socket, so each one fails, as a dropped connection does. */
  private readonly handleCrash = (): void => {
    this.crashed = true;
    const sockets = [...this.sockets.values()];
    this.sockets.clear();
    for (const socket of sockets) socket.threw('Error');
  };

  private readonly handleBatch = (event: { data: unknown }): void => {
    const batch = event.data;
    // The worker's first post says it runs (off-thread-sockets.ts waits for it); it carries no events.
    if (!Array.isArray(batch)) return;
    for (let i = 0; i < batch.length; i += ENTRY_SIZE) this.deliver(batch[i], batch[i + 1], batch[i + 2], batch[i + 3]);
    // Acknowledged after the whole batch is handled: the next one can be posted now.
    this.commands.push(COMMAND_ACK, 0, null, null);
    this.flush();
  };

  private deliver(kind: unknown, id: number, a: unknown, b: unknown): void {
    if (kind === EVENT_PONG) {
      this.pings.shift()?.();
      return;
    }
    const socket = this.sockets.get(id);
    if (socket === undefined) return;
    try {
      if (kind === EVENT_MESSAGE) socket.received(a as string | ArrayBuffer);
      else if (kind === EVENT_OPEN) socket.opened(a as string);
      else if (kind === EVENT_BUFFERED) socket.buffered(a as number, b as number);
      else if (kind === EVENT_ERROR) socket.errored();
      else if (kind === EVENT_CLOSE || kind === EVENT_THREW) {
        // The worker has let go of it, so the page does too, before its last event.
        this.sockets.delete(id);
        if (kind === EVENT_CLOSE) socket.closed(a as number, b as string);
        else this.reportRefusal(socket, a as string);
      }
    } catch (error) {
      // One socket's listener must not cost the other sockets of the batch their events.
      reportUnexpected(error);
    }
  }
}
