import type { BinaryBlocks } from './binary-blocks.js';
import type { ConversationBlocks } from './conversation-blocks.js';
import type { HatOpcodes, Host, WebSocketConstructorLike } from './host.js';
import type { Timing } from './timing.js';

/**
 * The facets (groups of blocks with state of their own) a runtime builds, as their classes: the
 * runtime imports them only as types, so a bundle that passes none leaves their code out. A
 * facet not given is `undefined` on the runtime (`ALL_FACETS` gives every one).
 */
export interface RuntimeFacets {
  /** `runtime.binary`: building and reading binary messages value by value. */
  binary?: typeof BinaryBlocks;
  /** `runtime.conversation`: requests and replies, keepalive, pace, connect timeout. */
  conversation?: typeof ConversationBlocks;
}

/** What a `WebSocketRuntime` is made from: the WebSocket class, the host, the hat opcodes, the facets, and timings for tests. */
export interface WebSocketRuntimeOptions<Target extends object, Thread> {
  /** The WebSocket class: `globalThis.WebSocket` in a browser, `ws`'s class in Node. */
  WebSocket: WebSocketConstructorLike;
  host: Host<Target, Thread>;
  /** The hat opcodes started for each event, e.g. `{ open: 'gsaWebsocket_onOpen', ... }`. */
  hats: HatOpcodes;
  /** The facets to build (`RuntimeFacets`); none when left out. */
  facets?: RuntimeFacets;
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
