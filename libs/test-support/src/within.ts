/**
 * Awaits `promise`, failing with what was awaited if it takes longer than `ms` (default
 * 10000 ms: a bound for a hung run, not a speed check; a loaded machine needs the room). Every
 * wait in the tests and benchmarks goes through here, so none can hang a run and each
 * failure names what it was waiting for.
 */
export async function within<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
