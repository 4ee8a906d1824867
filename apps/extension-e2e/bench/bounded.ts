/**
 * Waits for `work` at most `ms`, then fails with `what`. For calls into the page: a script
 * that never yields (e.g. a loop run without screen refresh that never ends) blocks the
 * page, and with it any timer the page itself would use to give up.
 */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${ms / 1000} s waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
