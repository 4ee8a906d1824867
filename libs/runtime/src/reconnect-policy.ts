import {
  ERROR_INSECURE_URL,
  ERROR_INVALID_PROTOCOLS,
  ERROR_LOCAL_NETWORK_BLOCKED,
  ERROR_INVALID_URL,
  ERROR_PERMISSION_DENIED,
  ERROR_TOO_MANY_CONNECTIONS,
} from './connection-state.js';

/**
 * The rules of `set automatic reconnect to [on]`: which endings of a connection are followed
 * by a new attempt, and how long to wait before each one.
 */

/** The wait before the first new attempt, in ms. */
export const RECONNECT_INITIAL_DELAY_MS = 1000;
/** The longest wait between attempts, in ms (the nominal wait from the sixth attempt on). */
export const RECONNECT_MAX_DELAY_MS = 30_000;

/**
 * What the reconnect rule reads of a connection's `Ending` (ending.ts; every `Ending` is one),
 * published so that other hosts can ask the rule:
 * - `error`: it failed; `reason` is its `(error message)` text (`connection failed`, …);
 * - `close`: a close handshake ended it; `code` is the close frame's code (RFC 6455 §7.1.5) and
 *   `byProject` whether a close block of the project asked for it.
 * Quiet endings (stop sign, `connect to` again, a removed sprite) never reconnect, and are not
 * asked about.
 */
export type ConnectionEnding =
  | { kind: 'error'; reason: string }
  | { kind: 'close'; code: number; byProject: boolean };

/**
 * Close codes after which the server can be expected back (RFC 6455 §7.4.1 and the IANA
 * WebSocket Close Code Number Registry): 1001 going away (a server restarting or a page
 * leaving), 1006 closed without a close frame (the network dropped), 1011 internal error,
 * 1012 service restart, 1013 try again later, 1014 bad gateway.
 */
const RECONNECT_CLOSE_CODES: ReadonlySet<number> = new Set([1001, 1006, 1011, 1012, 1013, 1014]);

/** Failures that the same URL will meet again, however long the runtime waits. */
const FINAL_ERRORS: ReadonlySet<string> = new Set([
  ERROR_INVALID_URL,
  ERROR_PERMISSION_DENIED,
  ERROR_INVALID_PROTOCOLS,
  ERROR_TOO_MANY_CONNECTIONS,
  ERROR_LOCAL_NETWORK_BLOCKED,
  ERROR_INSECURE_URL,
]);

/**
 * Whether automatic reconnect starts a new attempt after `ending`.
 *
 * - A failure reconnects (`connection failed`, `connection lost`, `timed out`, and any reason
 *   added later), except `invalid URL`, `permission denied`, `invalid protocols`, `too many
 *   connections`, `local network blocked` (the browser keeps the person's denial) and
 *   `insecure URL`, which no retry can change.
 * - A close the project asked for never reconnects.
 * - A close by the server reconnects only with 1001, 1006, 1011, 1012, 1013 or 1014: a server
 *   restarting, overloaded, behind a failing gateway, or a network drop. Every other code means
 *   the server chose to end this session and a retry would be refused again or unwanted:
 *   1000 normal, 1002 protocol error, 1003 unsupported data, 1005 no code, 1007 bad data,
 *   1008 policy (such as a refused login), 1009 too big, 1010 extension missing, 1015 TLS
 *   failure, 3000–3999 (registered for libraries: unauthorized, forbidden, …), 4000–4999
 *   (private: the server's own meaning), and reserved or unknown codes.
 *
 * Never throws; an ending of another shape, or a code that is not a whole number, gives false.
 */
export function shouldReconnect(ending: ConnectionEnding): boolean {
  if (typeof ending !== 'object' || ending === null) return false;
  if (ending.kind === 'error') return typeof ending.reason === 'string' && !FINAL_ERRORS.has(ending.reason);
  if (ending.kind === 'close') return ending.byProject === false && RECONNECT_CLOSE_CODES.has(ending.code);
  return false;
}

/** Doublings from the first wait to the cap: 1, 2, 4, 8, 16, then 30 s. */
const DOUBLINGS_TO_CAP = Math.ceil(Math.log2(RECONNECT_MAX_DELAY_MS / RECONNECT_INITIAL_DELAY_MS));

/**
 * The wait in whole ms before new attempt number `attempt` (0 for the first after a drop):
 * exponential backoff with "equal jitter". The nominal wait is 1 s doubling per attempt, capped
 * at 30 s (1, 2, 4, 8, 16, 30, 30 … s); the actual wait is its upper half chosen at random,
 * `nominal / 2 + random() × (nominal / 2)`, rounded down, so 500–999 ms, then 1000–1999 ms, …
 * 15000–29999 ms. Half fixed keeps the "1 s doubling" promise (a dropped server is never asked
 * again at once); half random spreads out the many projects that lost the same server at the
 * same moment, so they do not all come back in the same millisecond.
 *
 * `random` gives numbers in [0, 1), like `Math.random` (the default); tests pass their own to
 * get exact waits. Bad input never throws: an `attempt` that is not a whole number ≥ 0 counts
 * as 0; a `random()` result that is not a number in [0, 1) is clamped into it (NaN counts as 0),
 * so the wait always stays within the bounds above.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const step = Number.isInteger(attempt) && attempt > 0 ? Math.min(attempt, DOUBLINGS_TO_CAP) : 0;
  const nominal = Math.min(RECONNECT_INITIAL_DELAY_MS * 2 ** step, RECONNECT_MAX_DELAY_MS);
  const half = nominal / 2;
  // Added after rounding down, and kept below `half`: in floating point, 500 + 0.99…9 × 500
  // rounds up to 1000, past the window.
  return half + Math.min(Math.floor(unitInterval(random()) * half), half - 1);
}

/** `value` clamped into [0, 1); NaN and non-numbers count as 0. */
function unitInterval(value: unknown): number {
  if (typeof value !== 'number' || !(value > 0)) return 0;
  return value < 1 ? value : 1 - Number.EPSILON;
}
