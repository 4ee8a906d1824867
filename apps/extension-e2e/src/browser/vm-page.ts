import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import type { StaticServer } from '../server/static-server';
import type { HarnessOptions } from '../page/harness';
import type { BurstCount, ListWatch, ListWatchOptions, StampedList } from '../page/bench-probes';
import { DEFAULT_WAIT_MS, waitFor } from '../wait-for';

/** Fast enough that 300 one-per-frame deliveries take about a second; TurboWarp's maximum. */
export const E2E_FRAMERATE = 250;

export interface OpenVmOptions {
  /** URLs starting with one of these are denied by TurboWarp's canFetch permission. */
  denyFetchPrefixes?: string[];
  framerate?: number;
  /** TurboWarp's default is 'worker'; the suite loads unsandboxed unless a test says otherwise. */
  sandboxMode?: 'unsandboxed' | 'worker';
  /** TurboWarp's compiler (the default) or, with false, Scratch's interpreter. */
  compiler?: boolean;
  /**
   * Record each WebSocket the page or its workers create (`socketsCreated`; the default).
   * Playwright then reports every frame of every socket, which slows a page taking in a large
   * burst: the benchmark turns it off.
   */
  watchSockets?: boolean;
  /** Serve the page with a policy that forbids workers, so the extension falls back to the page's own sockets (a benchmark's baseline). */
  forbidWorkers?: boolean;
}

/** Chromium logs every failed WebSocket as a console error; tests that provoke failures expect these. */
const SOCKET_FAILURE_LOG = /^WebSocket connection to '.*' failed/;
/** Chromium's log line for a worker the page's Content-Security-Policy refused (SCRATCH_WS_WORKER=off serves such a page). */
const WORKER_REFUSED_LOG = /^Creating a worker from '.*' violates the following Content Security Policy directive/;

/**
 * One TurboWarp VM in its own page. Everything a test does to the VM goes through the
 * page's `window.harness`; this class gives those calls names and bounded waits with
 * messages that say what was awaited.
 */
export class VmPage {
  /** Uncaught errors and console errors of the page, other than socket failures: a test expects none. */
  readonly pageErrors: string[] = [];
  /** Chromium's own log lines for WebSocket connections that failed. */
  readonly socketFailures: string[] = [];
  /** Sockets of the page or its workers that failed, as Playwright reports them (it sees a worker's too). */
  readonly socketErrors: string[] = [];
  /** Chromium's log lines for workers the page's policy refused: the extension then falls back to the page's own sockets. */
  readonly workersRefused: string[] = [];
  /** URL of every WebSocket the page created, seen through the DevTools protocol (no page patching). */
  readonly socketsCreated: string[] = [];

  private constructor(
    readonly page: Page,
    private readonly server: StaticServer,
  ) {
    page.on('pageerror', (error) => this.pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message: ConsoleMessage): void => {
      if (message.type() !== 'error') return;
      if (SOCKET_FAILURE_LOG.test(message.text())) this.socketFailures.push(message.text());
      else if (WORKER_REFUSED_LOG.test(message.text())) this.workersRefused.push(message.text());
      else this.pageErrors.push(`console.error: ${message.text()}`);
    });
  }

  /**
   * A fresh page with a fresh VM. Pages of one context share only the HTTP cache (so the
   * 1.8 MB scaffolding is compiled once per file, not once per test); nothing of the VM.
   */
  static async open(context: BrowserContext, server: StaticServer, options: OpenVmOptions = {}): Promise<VmPage> {
    const page = await context.newPage();
    const vm = new VmPage(page, server);
    // Playwright's own event, not a DevTools session of the page: that session does not see the
    // sockets the extension opens in its worker (issue 22); Playwright attaches to workers too.
    if (options.watchSockets ?? true) {
      page.on('websocket', (socket) => {
        vm.socketsCreated.push(socket.url());
        socket.on('socketerror', (error) => vm.socketErrors.push(`${socket.url()}: ${error}`));
      });
    }
    await page.goto(`${server.origin}/${options.forbidWorkers === true ? '?no-workers' : ''}`);
    const harnessOptions: HarnessOptions = {
      framerate: options.framerate ?? E2E_FRAMERATE,
      denyFetchPrefixes: options.denyFetchPrefixes ?? [],
      sandboxMode: options.sandboxMode ?? 'unsandboxed',
      compiler: options.compiler ?? true,
    };
    await page.evaluate((opts) => window.harness.setup(opts), harnessOptions);
    return vm;
  }

  /** Loads the built extension (or the script at `url`) directly, as the "custom extension" dialog does. */
  loadExtension(url: string = this.server.extensionURL): Promise<void> {
    return this.page.evaluate((extensionURL) => window.harness.loadExtension(extensionURL), url);
  }

  /** Hands over the page errors so far, for a test that provokes them; the rest still fail it. */
  takePageErrors(): string[] {
    return this.pageErrors.splice(0);
  }

  /** Loads the built extension and says whether it loaded, or the error it failed with. */
  tryLoadExtension(): Promise<{ loaded: true } | { loaded: false; error: string }> {
    return this.page.evaluate((url) => window.harness.tryLoadExtension(url), this.server.extensionURL);
  }

  /** Serves the .sb3 and loads it like a saved project; its extensions load from its own URLs. */
  async loadProject(name: string, sb3: Uint8Array): Promise<void> {
    const url = this.server.addProject(name, sb3);
    await this.page.evaluate((projectURL) => window.harness.loadProject(projectURL), url);
  }

  greenFlag(): Promise<void> {
    return this.page.evaluate(() => window.harness.greenFlag());
  }

  /** Starts the VM's frames without pressing the green flag (the green flag starts them too). */
  startFrames(): Promise<void> {
    return this.page.evaluate(() => window.harness.startFrames());
  }

  /** The stop sign. */
  stopAll(): Promise<void> {
    return this.page.evaluate(() => window.harness.stopAll());
  }

  /** Broadcasts `message`, as Scratch's `broadcast` block does (a running `when I receive` script restarts). */
  broadcast(message: string): Promise<void> {
    return this.page.evaluate((m) => window.harness.broadcast(m), message);
  }

  /** A variable of the stage, or of the original sprite `sprite`. */
  variable(name: string, sprite?: string): Promise<unknown> {
    return this.page.evaluate(([n, s]) => window.harness.variable(n!, s), [name, sprite] as const);
  }

  setVariable(name: string, value: string | number, sprite?: string): Promise<void> {
    return this.page.evaluate(([n, v, s]) => window.harness.setVariable(n as string, v!, s as string | undefined), [name, value, sprite] as const);
  }

  list(name: string, sprite?: string): Promise<unknown[]> {
    return this.page.evaluate(([n, s]) => window.harness.list(n!, s), [name, sprite] as const);
  }

  cloneCount(sprite: string): Promise<number> {
    return this.page.evaluate((s) => window.harness.cloneCount(s), sprite);
  }

  listenerCounts(events: string[]): Promise<Record<string, number>> {
    return this.page.evaluate((names) => window.harness.listenerCounts(names), events);
  }

  /** TurboWarp's default frame rate, read from the VM before the harness set the test's. */
  defaultFramerate(): Promise<number> {
    return this.page.evaluate(() => window.harness.defaultFramerate());
  }

  frame(): Promise<number> {
    return this.page.evaluate(() => window.harness.frame());
  }

  fetchRequests(): Promise<string[]> {
    return this.page.evaluate(() => window.harness.fetchRequests());
  }

  isExtensionLoaded(id: string): Promise<boolean> {
    return this.page.evaluate((extensionId) => window.harness.isExtensionLoaded(extensionId), id);
  }

  loadedExtensionURLs(): Promise<string[]> {
    return this.page.evaluate(() => window.harness.loadedExtensionURLs());
  }

  /** Sets the editor language (`ja`, `pt-br`), as choosing it in TurboWarp's menu does. */
  setLocale(locale: string): Promise<void> {
    return this.page.evaluate((code) => window.harness.setLocale(code), locale);
  }

  extensionInfo(id: string) {
    return this.page.evaluate((extensionId) => window.harness.extensionInfo(extensionId), id);
  }

  /** The palette XML the editor shows for extension `id` (null when it has no category). */
  paletteXml(id: string): Promise<string | null> {
    return this.page.evaluate((extensionId) => window.harness.paletteXml(extensionId), id);
  }

  /**
   * What the stage monitors of `opcode` show, as the player draws them (HTML over the stage):
   * each one's label and value, in the order they are on the page; empty while none is shown.
   */
  monitors(opcode: string): Promise<Array<{ label: string; value: string }>> {
    return this.page.locator(`.sc-monitor-root[data-opcode="${opcode}"]`).evaluateAll((roots) =>
      roots
        .filter((root) => (root as HTMLElement).style.display !== 'none')
        .map((root) => ({
          label: root.querySelector('.sc-monitor-label')?.textContent ?? '',
          value: root.querySelector('.sc-monitor-value')?.textContent ?? '',
        })),
    );
  }

  /** Waits until a variable equals `expected` (compared as text, as Scratch would show it). */
  async waitForVariable(name: string, expected: string | number | boolean, sprite?: string, timeoutMs = DEFAULT_WAIT_MS) {
    await waitFor(
      async () => String(await this.variable(name, sprite)) === String(expected),
      `variable "${name}"${sprite ? ` of ${sprite}` : ''} to be ${JSON.stringify(expected)}`,
      timeoutMs,
      () => this.variable(name, sprite),
    );
  }

  /** Waits until a list has at least `length` items, and returns it. */
  async waitForListLength(name: string, length: number, sprite?: string, timeoutMs = DEFAULT_WAIT_MS) {
    await waitFor(
      async () => (await this.list(name, sprite)).length >= length,
      `list "${name}"${sprite ? ` of ${sprite}` : ''} to hold ${length} items`,
      timeoutMs,
      () => this.list(name, sprite),
    );
    return this.list(name, sprite);
  }

  /** Waits for any condition on this VM, bounded, failing with `what`. */
  waitFor(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    return waitFor(predicate, what, timeoutMs);
  }

  /** Lets `frames` more VM frames run, to show that something does not happen. */
  async runFrames(frames: number): Promise<void> {
    const target = (await this.frame()) + frames;
    await waitFor(async () => (await this.frame()) >= target, `${frames} more VM frames`);
  }

  /** A bare WebSocket in this page counts a burst (src/page/bench-probes.ts), bounded by `timeoutMs` in the page. */
  countBurst(url: string, start: string, expected: number, timeoutMs: number): Promise<BurstCount> {
    return this.page.evaluate(([u, s, e, t]) => window.harness.bench.countBurst(u, s, e, t), [url, start, expected, timeoutMs] as const);
  }

  /** A bare main-thread WebSocket sends `count` messages in one loop: the ms the loop took (src/page/bench-probes.ts). */
  sendLoop(url: string, count: number, timeoutMs: number): Promise<number | null> {
    return this.page.evaluate(([u, c, t]) => window.harness.bench.sendLoop(u, c, t), [url, count, timeoutMs] as const);
  }

  /** The longest time the page was busy with one VM frame over the next `frames` (src/page/bench-probes.ts). */
  longestFrame(frames: number, timeoutMs: number): Promise<number | null> {
    return this.page.evaluate(([f, t]) => window.harness.bench.longestFrame(f, t), [frames, timeoutMs] as const);
  }

  /** The frame each new item of a list appeared in, and when each frame began (src/page/bench-probes.ts). */
  stampList(options: { sprite: string; list: string; targetLength: number; timeoutMs: number }): Promise<StampedList> {
    return this.page.evaluate((o) => window.harness.bench.stampList(o), options);
  }

  /** Watches a sprite's list grow, frame by frame, with the page's clock (src/page/bench-probes.ts). */
  watchList(options: ListWatchOptions): Promise<ListWatch> {
    return this.page.evaluate((o) => window.harness.bench.watchList(o), options);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
