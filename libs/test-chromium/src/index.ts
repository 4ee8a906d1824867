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

/**
 * A fresh Chromium with a throw-away profile, so nothing passes between test files or runs.
 * The launch itself is bounded: a browser that cannot start fails the test within 15 s.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], timeout: 15_000 });
}
