import { within } from '@scratch-websocket/test-support';

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
    return this.waitUntil((line) => line === expected, JSON.stringify(expected), ms);
  }

  waitForMatch(pattern: RegExp, ms = 3000): Promise<string> {
    return this.waitUntil((line) => pattern.test(line), String(pattern), ms);
  }

  private waitUntil(matches: (line: string) => boolean, description: string, ms: number): Promise<string> {
    const already = this.lines.find(matches);
    if (already !== undefined) return Promise.resolve(already);
    const seen = new Promise<string>((resolve) => this.waiters.push({ matches, resolve }));
    return within(seen, `a log line ${description} (have: ${JSON.stringify(this.lines)})`, ms);
  }
}
