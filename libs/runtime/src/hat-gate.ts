import type { Bindings } from './bindings.js';
import type { HatRunner } from './hat-runner.js';

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

interface Waiting<Thread> {
  event: GatedEvent;
  client: HatClient<Thread>;
}

/**
 * One target's open, error and close hats (CONTRACT.md, Several connections). A VM restarts a
 * hat's running threads when the hat starts again, so a second connection's close would cut the
 * first one's `when closed` script short. A hat therefore starts at once unless a thread of the
 * same hat, started for another connection name, still runs; then it waits, in arrival order,
 * and starts on a later frame once those threads finish. One connection alone never waits.
 * Every thread started is bound to its connection's name.
 */
export class HatGate<Target extends object, Thread> {
  private readonly running: Record<GatedEvent, Running<Thread>> = {
    open: { threads: [], name: '' },
    error: { threads: [], name: '' },
    close: { threads: [], name: '' },
  };
  private waiting: Waiting<Thread>[] = [];

  /** `wake` asks for frames (the target joins the frame hook) when a hat has to wait. */
  constructor(
    private readonly target: Target,
    private readonly hats: HatRunner<Target, Thread>,
    private readonly bindings: Bindings,
    private readonly wake: () => void,
  ) {}

  /** Starts `event`'s hat for `client` now, or queues it for a later frame. */
  start(event: GatedEvent, client: HatClient<Thread>): void {
    if (this.mustWait(event, client)) {
      this.waiting.push({ event, client });
      this.wake();
      return;
    }
    this.startNow(event, client);
  }

  /** One frame: starts, per hat, the oldest waiting event whose turn has come. */
  startWaiting(): void {
    if (this.waiting.length === 0) return;
    const blocked = new Set<GatedEvent>();
    this.waiting = this.waiting.filter(({ event, client }) => {
      if (blocked.has(event)) return true;
      blocked.add(event);
      if (!client.stillWants(event)) return false;
      if (this.isHeld(event, client)) return true;
      this.startNow(event, client);
      return false;
    });
  }

  hasWaiting(): boolean {
    return this.waiting.length > 0;
  }

  /** Whether a hat of `client` still waits for its turn. */
  isWaiting(client: HatClient<Thread>): boolean {
    return this.waiting.some((w) => w.client === client);
  }

  /** Forgets the waiting hats of the connections named `name` (replaced or closed quietly: no hat runs). */
  dropName(name: string): void {
    if (this.waiting.length > 0) this.waiting = this.waiting.filter((w) => w.client.name !== name);
  }

  /** Forgets every waiting hat (the stop sign stopped every script; none starts after it). */
  clear(): void {
    this.waiting = [];
  }

  private mustWait(event: GatedEvent, client: HatClient<Thread>): boolean {
    for (const w of this.waiting) if (w.event === event) return true;
    return this.isHeld(event, client);
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
