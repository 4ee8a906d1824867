import type { HatOpcodes, Host } from './host.js';
import { reportUnexpected } from './report-unexpected.js';

/** Which of the runtime's events a hat answers: `open`, `message`, `error` or `close`. */
export type HatEvent = keyof HatOpcodes;

/**
 * Starts and stops threads through the host, for one runtime. Runs inside socket events and
 * the frame hook, where a throw would escape into the VM's event loop: a failing host is
 * reported, never thrown.
 */
export class HatRunner<Target extends object, Thread> {
  constructor(
    private readonly host: Host<Target, Thread>,
    private readonly hats: HatOpcodes,
  ) {}

  /** Starts the hat for `event` on `target`; the threads it started (none if the host failed). */
  start(event: HatEvent, target: Target): Thread[] {
    try {
      return this.host.startHats(this.hats[event], target);
    } catch (error) {
      reportUnexpected(error);
      return [];
    }
  }

  /** Whether any of `threads` is still running. */
  anyActive(threads: readonly Thread[]): boolean {
    for (const thread of threads) if (this.host.isThreadActive(thread)) return true;
    return false;
  }

  /** Stops those of `threads` still running, through the VM's own API (`Host.stopThread`). */
  stop(threads: readonly Thread[]): void {
    for (const thread of threads) if (this.host.isThreadActive(thread)) this.host.stopThread(thread);
  }
}

/** The threads one hat started for one owner (a connection's `when connected`), stopped together when the owner ends. */
export class HatThreads<Thread> {
  private threads: readonly Thread[] = [];

  /** From now on these are the threads to stop (those kept before are let go, not stopped). */
  keep(threads: readonly Thread[]): void {
    this.threads = threads;
  }

  /** Stops those still running, through `hats`, and forgets them. */
  stop<Target extends object>(hats: HatRunner<Target, Thread>): void {
    const threads = this.threads;
    this.threads = [];
    hats.stop(threads);
  }
}
