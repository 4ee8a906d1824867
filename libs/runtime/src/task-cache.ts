/**
 * One owner's entry of a WeakMap, remembered until the current task ends: the binary blocks
 * look up the running script's message for every value, and a loop run without screen refresh
 * makes thousands of look-ups by one script in one task. Cleared by a microtask, so it never
 * keeps a finished script (or anything it holds) alive past the task that used it.
 */
export class TaskCache<Value> {
  private owner: object | null = null;
  private value: Value | undefined = undefined;
  private clearing = false;
  private readonly clear = (): void => {
    this.owner = null;
    this.value = undefined;
    this.clearing = false;
  };

  /** The value remembered for `owner` in this task, or undefined. */
  get(owner: object): Value | undefined {
    return owner === this.owner ? this.value : undefined;
  }

  /** Remembers `value` for `owner` until the current task ends. */
  set(owner: object, value: Value): void {
    this.owner = owner;
    this.value = value;
    if (this.clearing) return;
    this.clearing = true;
    queueMicrotask(this.clear);
  }
}
