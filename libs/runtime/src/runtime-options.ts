import type { HatOpcodes, Host, WebSocketConstructorLike } from './host.js';
import type { Timing } from './timing.js';

/** What a `WebSocketRuntime` is made from: the WebSocket class, the host, the hat opcodes, and timings for tests. */
export interface WebSocketRuntimeOptions<Target extends object, Thread> {
  /** The WebSocket class: `globalThis.WebSocket` in a browser, `ws`'s class in Node. */
  WebSocket: WebSocketConstructorLike;
  host: Host<Target, Thread>;
  /** The hat opcodes started for each event, e.g. `{ open: 'gsaWebsocket_onOpen', ... }`. */
  hats: HatOpcodes;
  /**
   * The close grace period and the handshake timeout, in ms (`Timing`); each defaults to
   * `DEFAULT_CLOSE_GRACE_PERIOD_MS` (1 s) and `DEFAULT_HANDSHAKE_TIMEOUT_MS` (20 s). Meant for
   * tests; a value that is not a finite number ≥ 0 is replaced by its default.
   */
  timing?: Partial<Timing>;
  /**
   * The wait in ms before automatic reconnect's try number `attempt` (0 for the first after an
   * ending, counting up until a try opens). Defaults to `reconnectDelay` (1 s doubling to 30 s,
   * with jitter); tests pass a short one. A function that throws, or a result that is not a
   * finite number ≥ 0, falls back to the default for that wait.
   */
  reconnectDelay?: (attempt: number) => number;
}
