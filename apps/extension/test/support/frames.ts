import type { MemoryHost } from './memory-host';

/**
 * Runs VM frames, as TurboWarp does about 30 times a second, until `done()` holds; the host
 * and the network get a turn between frames. Fails with what was awaited after `ms`.
 */
export async function runFramesUntil(host: MemoryHost, done: () => boolean, what: string, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms of frames waiting for ${what}`);
    host.frame();
    await new Promise((resolve) => setImmediate(resolve));
  }
}
