import type { Bindings } from './bindings.js';
import type { HatRunner } from './hat-runner.js';
import { MessageQueue } from './message-queue.js';

/** The hats a connection's own state changes start (messages go through the `Inbox`). */
export type GatedEvent = 'open' | 'error' | 'close';

/** A connection, as the gate sees it. */
export interface HatClient<Thread> {
  /** The name its hats' threads are bound to. */
  readonly name: string;
  /** Whether a hat that waited still applies when its turn comes (an open hat, only while open). */
  stillWants(event: GatedEvent): boolean;
  /** The threads its hat started, now or on a later frame. */
  hatStarted(event: GatedEvent, threads: Thread[]): void;
}

interface Running<Thread> {
  threads: Thread[];
  name: string;
}

const EVENTS: readonly GatedEvent[] = ['open', 'error', 'close'];

/**
 * One target's open, error and close hats (CONTRACT.md, Several connections). A VM restarts a
 * hat's running threads when the hat starts again, so a second connection's close would cut the
 * first one's `when closed` script short. A hat therefore starts at once unless a thread of the
 * same hat, started for another connection name, still runs; then it waits, in arrival order,
 * and starts on a later frame once those threads finish. One connection alone never waits.
 * Every thread started is bound to its connection's name. A frame looks only at the oldest
 * waiting hat of each event, so its cost does not grow with how many wait.
 */
export class HatGate<Target extends object, Thread> {
  private readonly running: Record<GatedEvent, Running<Thread>> = {
    open: { threads: [], name: '' },
    error: { threads: [], name: '' },
    close: { threads: [], name: '' },
  };
  /** Per hat, the connections whose hat waits, oldest first. */
  private readonly waiting: Record<GatedEvent, MessageQueue<HatClient<Thread>>> = {
    open: new MessageQueue(),
    error: new MessageQueue(),
    close: new MessageQueue(),
  };
  /** How many hats each connection has waiting (so `isWaiting` needs no scan). */
  private readonly waitingOf = new Map<HatClient<Thread>, number>();

  /** `wake` asks for frames (the target joins the frame hook) when a hat has to wait. */
  constructor(
    private readonly target: Target,
    private readonly hats: HatRunner<Target, Thread>,
    private readonly bindings: Bindings,
    private readonly wake: () => void,
  ) {}

  /** Starts `event`'s hat for `client` now, or queues it for a later frame. */
  start(event: GatedEvent, client: HatClient<Thread>): void {
    if (this.waiting[event].isEmpty() && !this.isHeld(event, client)) {
      this.startNow(event, client);
      return;
    }
    this.waiting[event].push(client);
    this.waitingOf.set(client, (this.waitingOf.get(client) ?? 0) + 1);
    this.wake();
  }

  /** One frame: starts, per hat, the oldest waiting one if its turn has come (or drops it if it no longer applies). */
  startWaiting(): void {
    if (this.waitingOf.size === 0) return;
    for (const event of EVENTS) {
      const client = this.waiting[event].peek();
      if (client === undefined || (client.stillWants(event) && this.isHeld(event, client))) continue;
      this.waiting[event].shift();
      this.countDown(client);
      if (client.stillWants(event)) this.startNow(event, client);
    }
  }

  hasWaiting(): boolean {
    return this.waitingOf.size > 0;
  }

  /** Whether a hat of `client` still waits for its turn. */
  isWaiting(client: HatClient<Thread>): boolean {
    return this.waitingOf.has(client);
  }

  /** Forgets the waiting hats of the connections named `name` (replaced or closed quietly: no hat runs). O(waiting), for those rare events. */
  dropName(name: string): void {
    if (this.waitingOf.size === 0) return;
    for (const event of EVENTS) {
      const queue = this.waiting[event];
      for (let left = queue.size; left > 0; left -= 1) {
        const client = queue.shift()!;
        if (client.name === name) this.countDown(client);
        else queue.push(client);
      }
    }
  }

  /** Forgets every waiting hat (the stop sign stopped every script; none starts after it). */
  clear(): void {
    for (const event of EVENTS) this.waiting[event].clear();
    this.waitingOf.clear();
  }

  private countDown(client: HatClient<Thread>): void {
    const count = (this.waitingOf.get(client) ?? 1) - 1;
    if (count > 0) this.waitingOf.set(client, count);
    else this.waitingOf.delete(client);
  }

  /** A thread of `event`'s hat started for another name is still running. */
  private isHeld(event: GatedEvent, client: HatClient<Thread>): boolean {
    const running = this.running[event];
    return running.name !== client.name && this.hats.anyActive(running.threads);
  }

  private startNow(event: GatedEvent, client: HatClient<Thread>): void {
    const threads = this.hats.start(event, this.target);
    this.bindings.bindAll(threads, client.name);
    const running = this.running[event];
    running.threads = threads;
    running.name = client.name;
    client.hatStarted(event, threads);
  }
}
