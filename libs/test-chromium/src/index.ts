import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: playwright-core cannot download its own browser on these machines. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags that keep Chromium headless, rootable and off the internet: without the
 * background-networking ones it keeps trying to reach the internet and is refused.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // No name lookups leave the machine: every host but localhost and loopback resolves to "not found",
  // so even a test that provokes a connection to a typed-in name stays on 127.0.0.1.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]',
  // The VM's frame loop is a timer: a page nobody looks at must not have it throttled.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/** What a test may add to the launch. */
export interface LaunchOptions {
  /**
   * Flags after `CHROMIUM_ARGS`, for a test that needs the browser to behave as in another
   * setting, e.g. `--ip-address-space-overrides=127.0.0.1:PORT=public` to treat a local page
   * as one on the internet (Local Network Access).
   */
  extraArgs?: readonly string[];
}

/**
 * A fresh Chromium with a throw-away profile, so nothing passes between test files or runs.
 * The launch itself is bounded: a browser that cannot start fails the test within 15 s.
 */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const args = [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])];
  return chromium.launch({ executablePath: CHROMIUM_PATH, args, timeout: 15_000 });
}
