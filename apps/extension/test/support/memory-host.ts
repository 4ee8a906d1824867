import type { Host, Unsubscribe } from '@scratch-websocket/runtime';

/** A sprite, the stage or a clone: the runtime only needs its identity. */
export interface TestTarget {
  readonly name: string;
}

export const THREAD_RUNNING = 'running';
export const THREAD_DONE = 'done';
export const THREAD_STOPPED = 'stopped';
type ThreadState = typeof THREAD_RUNNING | typeof THREAD_DONE | typeof THREAD_STOPPED;

/** One script started under a hat. Tests finish it by hand, as the VM would when it ends. */
export interface TestThread {
  readonly opcode: string;
  readonly target: TestTarget;
  state: ThreadState;
}

export interface HatStart {
  opcode: string;
  target: TestTarget;
}

type Listener<A extends unknown[]> = (...args: A) => void;

/**
 * A VM of our own for Node tests, with the behaviour the Host interface promises: each hat
 * has one script, started hats restart the threads already under them, and frames, the stop
 * sign and removed targets happen when a test says so.
 */
export class MemoryHost implements Host<TestTarget, TestThread> {
  readonly threads: TestThread[] = [];
  readonly hatStarts: HatStart[] = [];
  /** Answer to `canFetch`; tests set it to deny. */
  permission: (url: string) => boolean | Promise<boolean> = () => true;
  private readonly frameListeners = new Set<Listener<[]>>();
  private readonly stopAllListeners = new Set<Listener<[]>>();
  private readonly removedListeners = new Set<Listener<[TestTarget]>>();
  private readonly projectListeners = new Set<Listener<[]>>();
  private readonly hatWaiters: Array<{ opcode: string; target: TestTarget; resolve: (thread: TestThread) => void }> = [];

  startHats(opcode: string, target: TestTarget): TestThread[] {
    for (const thread of this.running(opcode, target)) thread.state = THREAD_STOPPED;
    const thread: TestThread = { opcode, target, state: THREAD_RUNNING };
    this.threads.push(thread);
    this.hatStarts.push({ opcode, target });
    for (const waiter of this.hatWaiters.filter((w) => w.opcode === opcode && w.target === target)) {
      this.hatWaiters.splice(this.hatWaiters.indexOf(waiter), 1);
      waiter.resolve(thread);
    }
    return [thread];
  }

  isThreadActive(thread: TestThread): boolean {
    return thread.state === THREAD_RUNNING;
  }

  stopThread(thread: TestThread): void {
    thread.state = THREAD_STOPPED;
  }

  canFetch(url: string): boolean | Promise<boolean> {
    return this.permission(url);
  }

  onFrame(listener: () => void): Unsubscribe {
    return subscribe(this.frameListeners, listener);
  }

  onStopAll(listener: () => void): Unsubscribe {
    return subscribe(this.stopAllListeners, listener);
  }

  onTargetRemoved(listener: (target: TestTarget) => void): Unsubscribe {
    return subscribe(this.removedListeners, listener);
  }

  onProjectChange(listener: () => void): Unsubscribe {
    return subscribe(this.projectListeners, listener);
  }

  /** Resolves with the thread of the next start of `opcode` for `target`. */
  nextHat(opcode: string, target: TestTarget): Promise<TestThread> {
    return new Promise((resolve) => this.hatWaiters.push({ opcode, target, resolve }));
  }

  /** How often `opcode` was started for `target`. */
  hatCount(opcode: string, target: TestTarget): number {
    return this.hatStarts.filter((start) => start.opcode === opcode && start.target === target).length;
  }

  running(opcode: string, target: TestTarget): TestThread[] {
    return this.threads.filter((t) => t.opcode === opcode && t.target === target && t.state === THREAD_RUNNING);
  }

  /** The scripts under `opcode` for `target` reach their end. */
  finish(opcode: string, target: TestTarget): void {
    for (const thread of this.running(opcode, target)) thread.state = THREAD_DONE;
  }

  frame(): void {
    for (const listener of [...this.frameListeners]) listener();
  }

  stopAll(): void {
    for (const listener of [...this.stopAllListeners]) listener();
  }

  removeTarget(target: TestTarget): void {
    for (const listener of [...this.removedListeners]) listener(target);
  }

  /** Listeners still subscribed, to check that nothing leaks. */
  listenerCount(): number {
    return this.frameListeners.size + this.stopAllListeners.size + this.removedListeners.size + this.projectListeners.size;
  }
}

function subscribe<A extends unknown[]>(listeners: Set<Listener<A>>, listener: Listener<A>): Unsubscribe {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
