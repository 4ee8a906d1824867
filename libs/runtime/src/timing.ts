/**
 * How long the runtime waits for a server before it stops waiting. Both bound a wait that
 * the WebSocket API itself leaves far too long for a Scratch project (Chromium: 60 s for a
 * close, 240 s for a handshake; `ws` in Node: for ever for a handshake).
 */
export interface Timing {
  /**
   * After a close block, how long (ms) to wait for the server's closing handshake
   * (RFC 6455 §7.1.2). When it is over the connection reports closed anyway, with the code
   * and reason the project sent, and the socket is left to the WebSocket implementation to
   * finish (`ws`'s `terminate()` is called where it exists).
   */
  closeGracePeriodMs: number;
  /**
   * How long (ms) the opening handshake may take, counted from the moment the socket is
   * created (after permission). Past it the connection errors with `timed out` and the
   * socket is closed. A connection name whose project ran `set connect timeout` uses that
   * instead (`ConversationSettings.connectTimeoutMs`).
   */
  handshakeTimeoutMs: number;
}

/** 1 s: a server that answers a close at all answers well within it, and a user notices 2 s. */
export const DEFAULT_CLOSE_GRACE_PERIOD_MS = 1000;
/** 20 s: slow mobile networks and Chromium's throttling of many pending handshakes fit; a user waits no longer. */
export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 20_000;

/** The timing a runtime has unless a test gives another. */
export const DEFAULT_TIMING: Timing = {
  closeGracePeriodMs: DEFAULT_CLOSE_GRACE_PERIOD_MS,
  handshakeTimeoutMs: DEFAULT_HANDSHAKE_TIMEOUT_MS,
};

/** Fills in the defaults. A value that is not a finite number ≥ 0 is replaced by its default. */
export function resolveTiming(given: Partial<Timing> | undefined): Timing {
  return {
    closeGracePeriodMs: validMs(given?.closeGracePeriodMs, DEFAULT_CLOSE_GRACE_PERIOD_MS),
    handshakeTimeoutMs: validMs(given?.handshakeTimeoutMs, DEFAULT_HANDSHAKE_TIMEOUT_MS),
  };
}

function validMs(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}
