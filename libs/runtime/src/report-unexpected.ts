/**
 * A failure that is not the project's fault (a host or socket that broke): kept visible for
 * developers in the console, never thrown, because a block must never throw into the VM.
 */
export function reportUnexpected(error: unknown): void {
  console.warn('[scratch-websocket] unexpected error:', error);
}
