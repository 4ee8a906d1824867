import { MessageQueue } from './message-queue.js';
import { Timer } from './timer.js';

/**
 * How often (ms) a `send and wait until sent` checks whether its message has left the page. The
 * WebSocket API has no event for it (`bufferedAmount` only goes down), so it is asked; 10 ms is
 * well under a frame (16.7 ms at 60 fps), and the check runs only while a send waits.
 */
export const PACE_CHECK_MS = 10;

/** What pace reads of its connection. */
export interface PaceLine {
  /** Payload bytes handed to the socket since `connect to` (the `bytes sent` statistic). */
  handedOver(): number;
  /** Bytes the socket still holds (`bufferedAmount`). */
  buffered(): number;
}

/** A send waiting until its message has left: `mark` is `handedOver()` right after it (null while the connection is not open yet). */
interface PaceWaiter {
  mark: number | null;
  readonly resolve: () => void;
}

/**
 * `send and wait until sent` on one connection (CONTRACT.md, Pace). A socket sends what it holds
 * in order, so a message has left once the bytes handed over minus those the socket still holds
 * reach the count right after it (`mark`). `bufferedAmount` counts payload bytes in browsers
 * (WHATWG WebSockets); `ws` also counts frame headers, which only makes a send wait a little
 * longer, never for ever (an empty buffer always releases). Its timer runs only while a send
 * waits and ends with `endAll`.
 */
export class Pace {
  private readonly waiting = new MessageQueue<PaceWaiter>();
  private readonly check = new Timer();

  constructor(private readonly line: PaceLine) {}

  /** Resolves once what was handed over up to `mark` has left the page (null: the kept messages, once the connection opens and sends them). */
  wait(mark: number | null): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiting.push({ mark, resolve });
      if (mark !== null) this.check.start(PACE_CHECK_MS, this.handleCheck);
    });
  }

  /** The connection opened and handed over what it kept: the sends that waited for that wait for it to leave. */
  opened(): void {
    const handed = this.line.handedOver();
    let any = false;
    for (let i = 0, n = this.waiting.size; i < n; i += 1) {
      const waiter = this.waiting.shift()!;
      if (waiter.mark === null) waiter.mark = handed;
      this.waiting.push(waiter);
      any = true;
    }
    if (any) this.check.start(PACE_CHECK_MS, this.handleCheck);
  }

  /** The connection ended: every waiting send continues now. */
  endAll(): void {
    this.check.clear();
    for (let waiter = this.waiting.shift(); waiter !== undefined; waiter = this.waiting.shift()) waiter.resolve();
  }

  private readonly handleCheck = (): void => {
    const left = this.line.handedOver() - this.line.buffered();
    for (let waiter = this.waiting.peek(); waiter !== undefined && waiter.mark !== null && left >= waiter.mark; waiter = this.waiting.peek()) {
      this.waiting.shift();
      waiter.resolve();
    }
    if (!this.waiting.isEmpty() && this.waiting.peek()!.mark !== null) this.check.start(PACE_CHECK_MS, this.handleCheck);
  };
}
