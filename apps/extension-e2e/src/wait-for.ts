/** How often a condition is checked again while waiting. */
const POLL_INTERVAL_MS = 20;
/** The default bound for one wait: a real VM reaches every awaited state in well under a second, but the machine is shared. */
export const DEFAULT_WAIT_MS = 15_000;

/**
 * Polls `predicate` (in Node, or through the page) until it returns true, at most
 * `timeoutMs`. On timeout it fails with what was awaited and the last value seen, so a
 * broken behaviour reads as "waited 10000 ms for …" instead of a bare test timeout.
 * `describeLast` turns the last state into words for that message.
 */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs: number = DEFAULT_WAIT_MS,
  describeLast?: () => unknown | Promise<unknown>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() >= deadline) {
      const last = describeLast ? ` (last seen: ${JSON.stringify(await describeLast())})` : '';
      throw new Error(`Waited ${timeoutMs} ms for ${what}${last}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
