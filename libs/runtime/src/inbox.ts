import type { Bindings } from './bindings.js';
import type { HatRunner } from './hat-runner.js';
import { dataLength, MAX_QUEUED_DATA_LENGTH, MAX_QUEUED_MESSAGES, type ReceivedMessage } from './received-message.js';
import { TaggedQueue } from './tagged-queue.js';

/**
 * Message delivery (CONTRACT.md, Receiving): a message is handled at once when no
 * `when message received` thread of its target is running; otherwise it waits in that
 * target's queue, and each frame hands each waiting target at most one message, once all of
 * its message threads have finished. So none is lost, order holds, one per frame.
 */

/**
 * Where a queued message came from: one connection's session, which counts how many of its
 * messages the shared queue holds (so a connection knows whether it still waits for frames).
 */
export interface MessageSource {
  /** The connection's name ('' for the default connection). */
  readonly name: string;
  /** How many of its messages the sprite's queue holds; only the `Inbox` changes it. */
  queued: number;
}

/**
 * One target's receive side, shared by all of its connections (CONTRACT.md, Several
 * connections): the latest message and where it came from, the queue behind it in arrival
 * order, and the threads the message hat started. Only this class pushes, shifts or clears the
 * queue.
 *
 * A target with a `when message received` script gets its messages one per frame through the
 * hat. A target without one keeps them for `take next message`, while `received message data`
 * shows the latest arrived. Which one it is, is found by starting the hat: no thread started
 * means no script (a VM starts a thread per matching script). From then on messages are only
 * kept, with no hat start per message, until the queue is empty again (taken or cleared), when
 * the next message asks the hat again, so a script added later is found.
 */
export class Inbox<Target extends object, Thread> {
  private droppedCount = 0;
  private latest = '';
  /** The bytes of `latest` when it came from a binary message, else null. */
  private latestBytes: Uint8Array | null = null;
  private latestFrom: MessageSource | null = null;
  /** Counts changes of `latest`, so a reader tells a new message from an equal one. */
  private shown = 0;
  private readonly queue = new TaggedQueue<ReceivedMessage, MessageSource>();
  /** The data length of everything in `queue` (see MAX_QUEUED_DATA_LENGTH). */
  private queuedLength = 0;
  private threads: Thread[] = [];
  /** The connection whose message started `threads`. */
  private threadsFrom: MessageSource | null = null;
  /** No message script answered: the queue holds messages for `take next message`, not for the hat. */
  private keeping = false;

  /** `wake` puts the target on the frame hook: a message waits for the hat on a later frame. */
  constructor(
    private readonly target: Target,
    private readonly hats: HatRunner<Target, Thread>,
    private readonly bindings: Bindings,
    private readonly wake: () => void,
  ) {}

  /** `dropped messages`: dropped at the queue's limits since the queue was last emptied by a `connect to`. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** `received message data`: the latest delivered, kept or taken message, '' before any. */
  get data(): string {
    return this.latest;
  }

  /** `is received message binary?`: whether `data` came from a binary message. */
  get binary(): boolean {
    return this.latestBytes !== null;
  }

  /** The bytes of a binary `data` when `data` is exactly it (a received message sent back), else null. */
  bytesOf(data: string): Uint8Array | null {
    return this.latestBytes !== null && data === this.latest ? this.latestBytes : null;
  }

  /** Changes whenever `data` does (a message delivered, kept, taken or forgotten), even to an equal text. */
  get serial(): number {
    return this.shown;
  }

  /** `connection of received message`: the name of the connection `data` came from ('' before any). */
  get dataFrom(): string {
    return this.latestFrom?.name ?? '';
  }

  /** `queued messages`: waiting for the hat or for `take next message`, from every connection. */
  get size(): number {
    return this.queue.size;
  }

  /** Whether a message is waiting for the hat on a later frame (kept messages wait for no frame). */
  hasQueued(): boolean {
    return !this.keeping && !this.queue.isEmpty();
  }

  /** Whether a message of `source` waits for the hat on a later frame. */
  waitsForHat(source: MessageSource): boolean {
    return !this.keeping && source.queued > 0;
  }

  /**
   * Whether no message of `source` waits for the hat and no `when message received` thread
   * started for one of its messages is running; messages kept for `take next message` do not
   * count (CONTRACT.md, Receiving). A connection's close or error waits for this.
   */
  isIdleFor(source: MessageSource): boolean {
    if (!this.keeping && source.queued > 0) return false;
    return this.threadsFrom !== source || !this.hats.anyActive(this.threads);
  }

  /** A message of `source` arrived: handled now when idle, else queued (kept, or waiting for a frame). */
  receive(message: ReceivedMessage, source: MessageSource): void {
    if (this.keeping) {
      this.show(message, source);
      this.push(message, source);
      return;
    }
    if (this.queue.isEmpty() && !this.hats.anyActive(this.threads)) {
      this.show(message, source);
      this.startHat(source);
      if (this.threads.length === 0) {
        // No script took it: keep it for `take next message`.
        this.keeping = true;
        this.push(message, source);
      }
      return;
    }
    this.push(message, source);
    this.wake();
  }

  /** One frame's step: the oldest queued message, if the message threads have all finished. */
  deliverNext(): void {
    if (this.keeping || this.hats.anyActive(this.threads)) return;
    const message = this.queue.peek();
    if (message === undefined) return;
    const source = this.queue.peekTag()!;
    this.show(message, source);
    this.startHat(source);
    // No script any more (deleted in the editor): the rest stays for `take next message`.
    if (this.threads.length === 0) this.keeping = true;
    else this.shiftOne(source);
  }

  /** `take next message`: removes the oldest queued message and returns its data ('' when none). Binds nothing. */
  take(): string {
    const source = this.queue.peekTag();
    if (source === undefined) return '';
    const message = this.shiftOne(source)!;
    this.show(message, source);
    if (this.queue.isEmpty()) this.keeping = false;
    return this.latest;
  }

  /** Drops every queued message, of every connection (`clear queued messages`). */
  clear(): void {
    this.queue.forEachTag(zeroQueued);
    this.queue.clear();
    this.queuedLength = 0;
    this.keeping = false;
  }

  /** Delivery to the hat has ended for `source` (a close the project asked for, the stop sign): drops what of it waits for the hat; kept messages stay. */
  endDelivery(source: MessageSource): void {
    if (this.keeping) return;
    this.removeAllOf(source);
  }

  /**
   * `source` is forgotten (its name was connected again, or it was closed quietly): its queued
   * messages leave the queue, and its message stops being the received data. `dropped` restarts
   * when that leaves the queue empty, so one connection behaves as when it had a queue alone.
   */
  forget(source: MessageSource): void {
    this.removeAllOf(source);
    if (this.latestFrom === source) {
      this.latest = '';
      this.latestBytes = null;
      this.latestFrom = null;
      this.shown += 1;
    }
    if (this.threadsFrom === source) {
      // As when each connection had its own queue: its threads no longer hold the others back.
      this.threads = [];
      this.threadsFrom = null;
    }
    if (this.queue.isEmpty()) {
      this.keeping = false;
      this.droppedCount = 0;
    }
  }

  private push(message: ReceivedMessage, source: MessageSource): void {
    if (this.queue.size >= MAX_QUEUED_MESSAGES) this.dropOldest();
    this.queue.push(message, source);
    source.queued += 1;
    this.queuedLength += dataLength(message);
    while (this.queuedLength > MAX_QUEUED_DATA_LENGTH && this.queue.size > 1) this.dropOldest();
  }

  private dropOldest(): void {
    this.shiftOne(this.queue.peekTag()!);
    this.droppedCount += 1;
  }

  private shiftOne(source: MessageSource): ReceivedMessage | undefined {
    source.queued -= 1;
    const message = this.queue.shift();
    if (message !== undefined) this.queuedLength -= dataLength(message);
    return message;
  }

  /** Takes every message of `source` out of the queue (rare: a replaced or ended connection), recounting the data length. */
  private removeAllOf(source: MessageSource): void {
    if (this.queue.removeTag(source) > 0) {
      this.queuedLength = 0;
      this.queue.forEachItem((message) => {
        this.queuedLength += dataLength(message);
      });
    }
    source.queued = 0;
  }

  private startHat(source: MessageSource): void {
    this.threads = this.hats.start('message', this.target);
    this.threadsFrom = source;
    this.bindings.bindAll(this.threads, source.name);
  }

  /** Makes `message` the current data. Set before a hat starts: a host may run the script's first step synchronously. */
  private show(message: ReceivedMessage, source: MessageSource): void {
    this.latestFrom = source;
    this.shown += 1;
    if (typeof message === 'string') {
      this.latest = message;
      this.latestBytes = null;
    } else {
      this.latest = message.data;
      this.latestBytes = message.bytes;
    }
  }
}

function zeroQueued(source: MessageSource): void {
  source.queued = 0;
}
