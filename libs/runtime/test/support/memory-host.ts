import type { Host, Unsubscribe } from '../../src/index.js';

/** A sprite, the stage or a clone, as far as the runtime is concerned: an object identity. */
export interface TestTarget {
  name: string;
}

export function target(name: string): TestTarget {
  return { name };
}

/** How long the threads of one hat run: a number of frames, or until `finish()` is called. */
export type Lifetime = number | 'manual';

export class MemoryThread {
  status: 'running' | 'done' | 'stopped' = 'running';
  constructor(
    readonly opcode: string,
    readonly target: TestTarget,
    public framesLeft: number,
  ) {}

  finish(): void {
    if (this.status === 'running') this.status = 'done';
  }
}

export interface HatStart {
  opcode: string;
  target: TestTarget;
}

type Listener = (...args: any[]) => void;
type EventName = 'frame' | 'stopAll' | 'targetRemoved' | 'projectChange';

/**
 * A host that models the VM's frame loop and thread lifetimes: every hat has one script per
 * target; starting a hat restarts that target's thread under it (like the VM's
 * restartExistingThreads); threads finish after N frames or on demand.
 */
export class MemoryHost implements Host<TestTarget, MemoryThread> {
  readonly started: HatStart[] = [];
  readonly threads: MemoryThread[] = [];
  /** Decides permission; may be changed by a test. */
  permission: (url: string) => boolean | Promise<boolean> = () => true;
  readonly askedUrls: string[] = [];
  /** Called synchronously when a hat starts, e.g. to read `messageData` as the script would. */
  onHatStart: ((start: HatStart) => void) | null = null;

  private readonly lifetimes = new Map<string, Lifetime>();
  private readonly listeners: Record<EventName, Set<Listener>> = {
    frame: new Set(),
    stopAll: new Set(),
    targetRemoved: new Set(),
    projectChange: new Set(),
  };
  private readonly hatWaiters: { opcode: string; resolve: (start: HatStart) => void }[] = [];

  /** Threads of `opcode` last `lifetime` (default: 1 frame). */
  setLifetime(opcode: string, lifetime: Lifetime): void {
    this.lifetimes.set(opcode, lifetime);
  }

  get listenerCount(): number {
    let count = 0;
    for (const set of Object.values(this.listeners)) count += set.size;
    return count;
  }

  startsOf(opcode: string, of?: TestTarget): HatStart[] {
    return this.started.filter((s) => s.opcode === opcode && (of === undefined || s.target === of));
  }

  /** Resolves at the next start of `opcode` (any target). */
  nextHat(opcode: string): Promise<HatStart> {
    return new Promise((resolve) => this.hatWaiters.push({ opcode, resolve }));
  }

  activeThreads(opcode: string, of: TestTarget): MemoryThread[] {
    return this.threads.filter((t) => t.opcode === opcode && t.target === of && t.status === 'running');
  }

  // --- Host ---

  startHats(opcode: string, of: TestTarget): MemoryThread[] {
    for (const thread of this.activeThreads(opcode, of)) thread.status = 'stopped';
    const lifetime = this.lifetimes.get(opcode) ?? 1;
    const thread = new MemoryThread(opcode, of, lifetime === 'manual' ? Infinity : lifetime);
    this.threads.push(thread);
    const start = { opcode, target: of };
    this.started.push(start);
    this.onHatStart?.(start);
    for (const waiter of this.hatWaiters.filter((w) => w.opcode === opcode)) {
      this.hatWaiters.splice(this.hatWaiters.indexOf(waiter), 1);
      waiter.resolve(start);
    }
    return [thread];
  }

  isThreadActive(thread: MemoryThread): boolean {
    return thread.status === 'running';
  }

  stopThread(thread: MemoryThread): void {
    thread.status = 'stopped';
  }

  canFetch(url: string): boolean | Promise<boolean> {
    this.askedUrls.push(url);
    return this.permission(url);
  }

  onFrame(listener: () => void): Unsubscribe {
    return this.listen('frame', listener);
  }

  onStopAll(listener: () => void): Unsubscribe {
    return this.listen('stopAll', listener);
  }

  onTargetRemoved(listener: (target: TestTarget) => void): Unsubscribe {
    return this.listen('targetRemoved', listener);
  }

  onProjectChange(listener: () => void): Unsubscribe {
    return this.listen('projectChange', listener);
  }

  // --- the VM's side ---

  /** One frame: the frame hook runs, then every running thread steps once. */
  frame(): void {
    this.emit('frame');
    for (const thread of this.threads) {
      if (thread.status !== 'running') continue;
      thread.framesLeft -= 1;
      if (thread.framesLeft <= 0) thread.status = 'done';
    }
    // Keep the list short: only running threads matter from now on.
    for (let i = this.threads.length - 1; i >= 0; i -= 1) {
      if (this.threads[i]!.status !== 'running') this.threads.splice(i, 1);
    }
  }

  frames(count: number): void {
    for (let i = 0; i < count; i += 1) this.frame();
  }

  /** The stop sign: the VM stops every thread, then tells extensions. */
  stopAll(): void {
    for (const thread of this.threads) thread.status = 'stopped';
    this.emit('stopAll');
  }

  removeTarget(of: TestTarget): void {
    for (const thread of this.threads) if (thread.target === of) thread.status = 'stopped';
    this.emit('targetRemoved', of);
  }

  changeProject(): void {
    for (const thread of this.threads) thread.status = 'stopped';
    this.emit('projectChange');
  }

  private listen(event: EventName, listener: Listener): Unsubscribe {
    // Wrapped, so the same function subscribed twice counts twice, like the VM's emitter.
    const entry: Listener = (...args) => listener(...args);
    this.listeners[event].add(entry);
    return () => {
      this.listeners[event].delete(entry);
    };
  }

  private emit(event: EventName, ...args: unknown[]): void {
    for (const listener of [...this.listeners[event]]) listener(...args);
  }
}
