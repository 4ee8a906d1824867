/**
 * One pending timeout at a time, owned by one object: starting it again replaces the pending
 * one, so an owner that clears it when it ends leaves no timer behind (CONTRACT.md, Lifetime).
 */
export class Timer {
  private pending: ReturnType<typeof setTimeout> | null = null;

  /** Calls `handler` once after `ms` milliseconds, replacing any pending call. */
  start(ms: number, handler: () => void): void {
    this.clear();
    this.pending = setTimeout(() => {
      this.pending = null;
      handler();
    }, ms);
  }

  /** Cancels the pending call, if any. */
  clear(): void {
    if (this.pending === null) return;
    clearTimeout(this.pending);
    this.pending = null;
  }
}
