/** The name of the default connection: what a script bound to nothing uses (CONTRACT.md, Several connections). */
export const DEFAULT_CONNECTION = '';

/**
 * Whether `value` can key a WeakMap: an object or a function. The VM's targets and threads are
 * objects; a host whose threads are not cannot bind them, and anything else has no state here.
 */
export function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/**
 * Which connection name each running thread is bound to (CONTRACT.md, Several connections):
 * by `use connection`, or by the connection whose event started its hat. Weak, keyed by the
 * VM's Thread object: a thread that ends is collected with its binding, and a restarted hat
 * gets a new Thread, so nothing carries over between runs.
 */
export class Bindings {
  private names = new WeakMap<object, string>();

  /**
   * The name `thread` is bound to; `DEFAULT_CONNECTION` ('') for a thread bound to nothing, or
   * for anything that is not a thread object (tests and callers may pass undefined). Allocates
   * nothing: every block reads it.
   */
  nameOf(thread: unknown): string {
    if (!isObject(thread)) return DEFAULT_CONNECTION;
    return this.names.get(thread) ?? DEFAULT_CONNECTION;
  }

  /** Binds `thread` to `name` from now on; ignored for a `thread` that is not an object. */
  bind(thread: unknown, name: string): void {
    if (!isObject(thread)) return;
    // Unbound reads as the default, so the default is a delete: the hats of a project with one
    // connection (one message hat per frame) never grow the map, while a thread object a host
    // reuses for a restart still loses an earlier binding.
    if (name === DEFAULT_CONNECTION) this.names.delete(thread);
    else this.names.set(thread, name);
  }

  /** Binds every thread a hat started to the connection whose event started it. */
  bindAll(threads: readonly unknown[], name: string): void {
    for (const thread of threads) this.bind(thread, name);
  }

  /** Forgets every binding (a new project). */
  clear(): void {
    this.names = new WeakMap();
  }
}
