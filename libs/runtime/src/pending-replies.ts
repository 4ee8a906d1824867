import { MessageQueue } from './message-queue.js';
import type { ReceivedMessage } from './received-message.js';
import { replyKey } from './reply-matching.js';
import { Timer } from './timer.js';

/**
 * The most places the in-order requests of one connection hold, counting those that timed out
 * and still wait for their late reply; past it the oldest timed-out places are given up, so a
 * server that never answers cannot make the list grow without end.
 */
export const MAX_PLACES_IN_ORDER = 1000;

/** How a request ended: the stable English words `reply status` gives (never translated; projects compare them). */
export const REPLY_ANSWERED = 'answered';
export const REPLY_TIMED_OUT = 'timed out';
export const REPLY_CONNECTION_ENDED = 'connection ended';
export const REPLY_NOT_CONNECTED = 'not connected';
export const REPLY_NOT_MATCHABLE = 'no id';

/** Every value of `reply status` but '' (before a script's first request), in the order the docs list them. */
export const REPLY_STATUSES = [REPLY_ANSWERED, REPLY_TIMED_OUT, REPLY_CONNECTION_ENDED, REPLY_NOT_CONNECTED, REPLY_NOT_MATCHABLE] as const;

export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** What a waiting request is told once, when it ends: the reply's data ('' unless answered) and how it ended. */
export type ReplyHandler = (data: string, status: ReplyStatus) => void;

/** One request waiting for its reply; it owns its timeout, cleared when it ends. */
class Waiting {
  private done = false;
  private readonly timer = new Timer();

  constructor(
    private readonly handler: ReplyHandler,
    timeoutMs: number,
    onTimeout: (waiting: Waiting) => void,
  ) {
    this.timer.start(timeoutMs, () => onTimeout(this));
  }

  get ended(): boolean {
    return this.done;
  }

  /** Ends it (once): its timer cleared, its script told. */
  end(data: string, status: ReplyStatus): void {
    if (this.done) return;
    this.done = true;
    this.timer.clear();
    this.handler(data, status);
  }
}

/**
 * The requests waiting for a reply on one connection (CONTRACT.md, Replies): those matched in
 * order, oldest first, and those matched by a JSON field, by the key their reply must repeat
 * (requests with the same key are answered oldest first). Each ends exactly once: answered,
 * timed out, or when the connection ends. A request that timed out stays out of the way: its
 * late reply is an ordinary message.
 */
export class PendingReplies {
  private readonly inOrder = new MessageQueue<Waiting>();
  private readonly byKey = new Map<string, Waiting[]>();
  /** The JSON field replies are read by while keyed requests wait (one per connection, see `expectKeyed`). */
  private field = '';

  /** A request answered by the next message that arrives after the ones waiting before it; ends after `timeoutMs`. */
  expectNext(handler: ReplyHandler, timeoutMs: number): void {
    // Timed-out requests keep their place (their late reply is theirs), but not without bound.
    while (this.inOrder.size >= MAX_PLACES_IN_ORDER && this.inOrder.peek()?.ended === true) this.inOrder.shift();
    this.inOrder.push(new Waiting(handler, timeoutMs, this.timedOut));
  }

  /** A request answered by the message whose JSON `field` has the key `key` (`requestKey`); ends after `timeoutMs`. */
  expectKeyed(field: string, key: string, handler: ReplyHandler, timeoutMs: number): void {
    // One field at a time: changing it leaves the requests made under the old one unanswered until their timeout.
    this.field = field;
    const waiting = new Waiting(handler, timeoutMs, this.timedOut);
    const same = this.byKey.get(key);
    if (same === undefined) this.byKey.set(key, [waiting]);
    else same.push(waiting);
  }

  /**
   * A message arrived: true when it answered a waiting request (keyed requests first, then the
   * oldest in order). The late reply of a request that timed out in order is not claimed: it
   * takes that request's place and goes on as an ordinary message, so the replies after it
   * still answer the requests they belong to.
   */
  claims(message: ReceivedMessage): boolean {
    if (this.byKey.size > 0 && typeof message === 'string' && this.answerKeyed(message)) return true;
    const waiting = this.inOrder.shift();
    if (waiting === undefined || waiting.ended) return false;
    waiting.end(typeof message === 'string' ? message : message.data, REPLY_ANSWERED);
    return true;
  }

  /** The connection ended: every waiting request ends with `connection ended`, at once. */
  endAll(): void {
    for (let waiting = this.inOrder.shift(); waiting !== undefined; waiting = this.inOrder.shift()) waiting.end('', REPLY_CONNECTION_ENDED);
    const keyed = [...this.byKey.values()];
    this.byKey.clear();
    for (const list of keyed) for (const waiting of list) waiting.end('', REPLY_CONNECTION_ENDED);
  }

  private answerKeyed(message: string): boolean {
    const key = replyKey(message, this.field);
    const list = key === null ? undefined : this.byKey.get(key);
    if (key === null || list === undefined) return false;
    const waiting = list.shift()!;
    if (list.length === 0) this.byKey.delete(key);
    waiting.end(message, REPLY_ANSWERED);
    return true;
  }

  /** A request's timeout: it ends `timed out`; a keyed one leaves its list (an ordered one keeps its place, see `claims`). */
  private readonly timedOut = (waiting: Waiting): void => {
    waiting.end('', REPLY_TIMED_OUT);
    for (const [key, list] of this.byKey) {
      const index = list.indexOf(waiting);
      if (index < 0) continue;
      list.splice(index, 1);
      if (list.length === 0) this.byKey.delete(key);
    }
  };
}
