/**
 * An in-memory Scratch VM for Node tests. It has the members of the runtime's `Host`
 * (libs/runtime/src/host.ts) structurally, without importing the runtime, so that the
 * runtime's own tests can use it without a dependency cycle; passing it to
 * `new WebSocketRuntime({ host })` is what checks that it fits.
 */

/** A sprite, the stage or a clone, as far as the runtime is concerned: an object identity. */
export interface TestTarget {
  readonly name: string;
}

export function target(name: string): TestTarget {
  return { name };
}

/** How long the threads of one hat run: a number of frames, or until a test finishes them. */
export type Lifetime = number | 'manual';

export const THREAD_RUNNING = 'running';
export const THREAD_DONE = 'done';
export const THREAD_STOPPED = 'stopped';
export type ThreadStatus = typeof THREAD_RUNNING | typeof THREAD_DONE | typeof THREAD_STOPPED;

/** One script started under a hat: it runs until its frames are used up, it is finished, or stopped. */
export class MemoryThread {
  status: ThreadStatus = THREAD_RUNNING;
  constructor(
    readonly opcode: string,
    readonly target: TestTarget,
    public framesLeft: number,
  ) {}

  /** The script reaches its end, as the VM would see it. */
  finish(): void {
    if (this.status === THREAD_RUNNING) this.status = THREAD_DONE;
  }
}

export interface HatStart {
  opcode: string;
  target: TestTarget;
  /** The thread this start made: pass it to the runtime's handlers as the VM passes `util.thread`. */
  thread: MemoryThread;
}

/**
 * A hat's script, run at its thread's first step (in `frame()`, after the frame hook, as the VM
 * steps threads): it calls the runtime's handlers with `thread`, as the blocks under the hat would.
 */
export type Script = (thread: MemoryThread, target: TestTarget) => void;

export interface MemoryHostOptions {
  /** How long threads of a hat with no `setLifetime` run (default: 1 frame). */
  lifetime?: Lifetime;
}

type Unsubscribe = () => void;
type Listener = (...args: any[]) => void;
type EventName = 'frame' | 'stopAll' | 'targetRemoved' | 'projectChange';

/**
 * A host that models the VM's frame loop and thread lifetimes, with the behaviour the
 * runtime's `Host` interface promises: every hat has one script per target; starting a hat
 * restarts that target's threads under it (like the VM's `shouldRestartExistingThreads`);
 * threads finish after N frames or when a test says so; frames, the stop sign, removed
 * targets and a project change happen when a test calls for them.
 */
export class MemoryHost {
  /** Every hat start, in order. */
  readonly started: HatStart[] = [];
  /** Threads that may still run (finished and stopped ones are dropped at each frame). */
  readonly threads: MemoryThread[] = [];
  /** Decides permission; a test may replace it. */
  permission: (url: string) => boolean | Promise<boolean> = () => true;
  /** `Host.failureReason` for a socket that failed before it opened; a test may replace it (a browser that blocked the local network). */
  failureReason: (url: string) => 'local network blocked' | null = () => null;
  /** Every URL the runtime asked permission for. */
  readonly askedUrls: string[] = [];
  /** Called synchronously when a hat starts, e.g. to read `messageData` as the script would. */
  onHatStart: ((start: HatStart) => void) | null = null;

  private readonly defaultLifetime: Lifetime;
  /** Hats with no script: by opcode, for every target (`null`) or for the targets listed. */
  private readonly missingScripts = new Map<string, Set<TestTarget> | null>();
  private readonly lifetimes = new Map<string, Lifetime>();
  private readonly scripts = new Map<string, Script>();
  /** Threads whose script has not taken its first step yet. */
  private readonly unstarted = new Set<MemoryThread>();
  private readonly listeners: Record<EventName, Set<Listener>> = {
    frame: new Set(),
    stopAll: new Set(),
    targetRemoved: new Set(),
    projectChange: new Set(),
  };
  private readonly hatWaiters: { opcode: string; target: TestTarget | undefined; resolve: (start: HatStart) => void }[] = [];

  constructor(options: MemoryHostOptions = {}) {
    this.defaultLifetime = options.lifetime ?? 1;
  }

  /** Threads of `opcode` last `lifetime` from now on. */
  setLifetime(opcode: string, lifetime: Lifetime): void {
    this.lifetimes.set(opcode, lifetime);
  }

  /**
   * The blocks under `opcode`: `script` runs at the first step of each thread the hat starts
   * (in the next `frame()`), unless the thread was stopped or restarted before it stepped.
   */
  setScript(opcode: string, script: Script): void {
    this.scripts.set(opcode, script);
  }

  /**
   * From now on `of` (or, without it, every target) has no script under `opcode`: starting that
   * hat starts nothing and returns no thread, as the VM does for a sprite without such a script.
   */
  removeScript(opcode: string, of?: TestTarget): void {
    if (of === undefined) {
      this.missingScripts.set(opcode, null);
      return;
    }
    const current = this.missingScripts.get(opcode);
    if (current === null) return;
    this.missingScripts.set(opcode, new Set([...(current ?? []), of]));
  }

  /** `of` (or every target) has a script under `opcode` again. */
  addScript(opcode: string, of?: TestTarget): void {
    if (of === undefined) {
      this.missingScripts.delete(opcode);
      return;
    }
    this.missingScripts.get(opcode)?.delete(of);
  }

  /** Whether `of` has a script under `opcode` (every target has one unless `removeScript` said otherwise). */
  hasScript(opcode: string, of: TestTarget): boolean {
    if (!this.missingScripts.has(opcode)) return true;
    const missing = this.missingScripts.get(opcode);
    return missing !== null && missing !== undefined && !missing.has(of);
  }

  /** Listeners still subscribed, to check that nothing leaks. */
  get listenerCount(): number {
    let count = 0;
    for (const set of Object.values(this.listeners)) count += set.size;
    return count;
  }

  /** The starts of `opcode`, for one target or (without `of`) all. */
  startsOf(opcode: string, of?: TestTarget): HatStart[] {
    return this.started.filter((s) => s.opcode === opcode && (of === undefined || s.target === of));
  }

  /** Resolves at the next start of `opcode`, for `of` or (without it) any target. Unbounded: wrap it in `within`. */
  nextHat(opcode: string, of?: TestTarget): Promise<HatStart> {
    return new Promise((resolve) => this.hatWaiters.push({ opcode, target: of, resolve }));
  }

  /** The threads under `opcode` for `of` that are still running. */
  activeThreads(opcode: string, of: TestTarget): MemoryThread[] {
    return this.threads.filter((t) => t.opcode === opcode && t.target === of && t.status === THREAD_RUNNING);
  }

  /** The scripts under `opcode` for `of` reach their end. */
  finish(opcode: string, of: TestTarget): void {
    for (const thread of this.activeThreads(opcode, of)) thread.finish();
  }

  // --- Host ---

  startHats(opcode: string, of: TestTarget): MemoryThread[] {
    if (!this.hasScript(opcode, of)) return [];
    for (const thread of this.activeThreads(opcode, of)) thread.status = THREAD_STOPPED;
    const lifetime = this.lifetimes.get(opcode) ?? this.defaultLifetime;
    const thread = new MemoryThread(opcode, of, lifetime === 'manual' ? Infinity : lifetime);
    this.threads.push(thread);
    if (this.scripts.has(opcode)) this.unstarted.add(thread);
    const start = { opcode, target: of, thread };
    this.started.push(start);
    this.onHatStart?.(start);
    const waiting = this.hatWaiters.filter((w) => w.opcode === opcode && (w.target === undefined || w.target === of));
    for (const waiter of waiting) {
      this.hatWaiters.splice(this.hatWaiters.indexOf(waiter), 1);
      waiter.resolve(start);
    }
    return [thread];
  }

  isThreadActive(thread: MemoryThread): boolean {
    return thread.status === THREAD_RUNNING;
  }

  stopThread(thread: MemoryThread): void {
    thread.status = THREAD_STOPPED;
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
    // Threads a script starts (through the runtime) while threads step take their first step next frame.
    const count = this.threads.length;
    for (let i = 0; i < count; i += 1) {
      const thread = this.threads[i]!;
      if (thread.status !== THREAD_RUNNING) continue;
      if (this.unstarted.size > 0 && this.unstarted.delete(thread)) this.scripts.get(thread.opcode)?.(thread, thread.target);
      if (thread.status !== THREAD_RUNNING) continue;
      thread.framesLeft -= 1;
      if (thread.framesLeft <= 0) thread.status = THREAD_DONE;
    }
    // Keep the list short: only running threads matter from now on.
    for (let i = this.threads.length - 1; i >= 0; i -= 1) {
      const thread = this.threads[i]!;
      if (thread.status === THREAD_RUNNING) continue;
      this.threads.splice(i, 1);
      this.unstarted.delete(thread);
    }
  }

  frames(count: number): void {
    for (let i = 0; i < count; i += 1) this.frame();
  }

  /** The stop sign: the VM stops every thread, then tells extensions. */
  stopAll(): void {
    for (const thread of this.threads) thread.status = THREAD_STOPPED;
    this.emit('stopAll');
  }

  /** A clone is deleted (or a sprite removed): its threads stop, then extensions are told. */
  removeTarget(of: TestTarget): void {
    for (const thread of this.threads) if (thread.target === of) thread.status = THREAD_STOPPED;
    this.emit('targetRemoved', of);
  }

  /** Another project is loaded: every thread stops, then extensions are told. */
  changeProject(): void {
    for (const thread of this.threads) thread.status = THREAD_STOPPED;
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

/**
 * Runs the VM's frame loop, one frame per macrotask (so socket events get through between
 * frames, as in a browser), until `done()` holds; resolves with the number of frames run.
 * Fails saying what it waited for after `ms` (default 5000 ms).
 */
export function framesUntil(host: MemoryHost, done: () => boolean, what: string, ms = 5000): Promise<number> {
  const deadline = Date.now() + ms;
  let frames = 0;
  return new Promise<number>((resolve, reject) => {
    const step = () => {
      if (done()) return resolve(frames);
      if (Date.now() > deadline) return reject(new Error(`gave up after ${frames} frames (${ms} ms) waiting for ${what}`));
      host.frame();
      frames += 1;
      setImmediate(step);
    };
    step();
  });
}
