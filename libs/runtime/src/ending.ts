import type { ErrorReason } from './connection-state.js';

/**
 * How a connection ends, the one type for it (what the reporters show and what the reconnect
 * rule reads, `shouldReconnect`):
 * - `close`: a closing handshake, or what stands for one, ended it; `code` and `reason` are what
 *   `closing code` and `closing message` give (RFC 6455 §7.1.5, §7.1.6), and `byProject` whether
 *   a close block of the project asked for it (such a close never reconnects);
 * - `error`: it failed; `reason` is its `error message` text.
 */
export type Ending =
  | { readonly kind: 'close'; readonly code: number; readonly reason: string; readonly byProject: boolean }
  | { readonly kind: 'error'; readonly reason: ErrorReason };

/** A failure for `reason`. */
export function errorEnding(reason: ErrorReason): Ending {
  return { kind: 'error', reason };
}

/** A close with `code` and `reason`; `byProject` when a close block asked for it. */
export function closeEnding(code: number, reason: string, byProject: boolean): Ending {
  return { kind: 'close', code, reason, byProject };
}
