/** Resolves with `promise`, or fails after `ms` saying what was awaited. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Collects log lines and lets a test await one that matches. */
export class LogRecorder {
  readonly lines: string[] = [];
  private waiters: Array<{ matches: (line: string) => boolean; resolve: (line: string) => void }> = [];

  readonly log = (line: string): void => {
    this.lines.push(line);
    for (const waiter of [...this.waiters]) {
      if (!waiter.matches(line)) continue;
      this.waiters = this.waiters.filter((other) => other !== waiter);
      waiter.resolve(line);
    }
  };

  waitFor(expected: string, ms = 3000): Promise<string> {
    if (this.lines.includes(expected)) return Promise.resolve(expected);
    const seen = new Promise<string>((resolve) => {
      this.waiters.push({ matches: (line) => line === expected, resolve });
    });
    return within(ms, `log line ${JSON.stringify(expected)} (have: ${JSON.stringify(this.lines)})`, seen);
  }
}
