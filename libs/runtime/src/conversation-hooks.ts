import type { ReceivedMessage } from './received-message.js';

/** What the conversation blocks may read of an open socket: the bytes it has not yet handed to the network (0 once let go of). */
export interface SocketBuffer {
  readonly bufferedAmount: number;
}

/**
 * What a connection tells the conversation blocks (requests and replies, keepalive, pace;
 * CONTRACT.md, Replies, Keepalive and Pace) and the one thing it asks them: whether a message
 * that arrived is theirs. One object per connection, made by the runtime's facet when the
 * connection is made (`ConnectionContext.conversations`), so the connection imports nothing of
 * the facet and the facet changes no connection state except through the connection's methods.
 */
export interface ConversationHooks {
  /** The handshake timeout (ms) for this connection's socket: the project's `set connect timeout` or `fallback`. */
  handshakeTimeoutMs(fallback: number): number;
  /** The socket opened; what was kept has been handed to it. `socket` tells the bytes it still holds, for as long as it is the connection's. */
  opened(socket: SocketBuffer): void;
  /**
   * A message arrived while open: true when it answers a waiting request or a keepalive ping,
   * so it is handed to no hat and enters no queue (CONTRACT.md, Replies). Called for every
   * message: it must answer in O(1) when nothing waits.
   */
  claims(message: ReceivedMessage): boolean;
  /** The connection ended, or its ending is known and only waits for earlier messages: waiting requests end now. Called more than once is harmless. */
  ended(): void;
}

/** Hooks that claim nothing and keep the default timeout (for connections made without the facet). */
export const NO_CONVERSATION: ConversationHooks = {
  handshakeTimeoutMs: (fallback) => fallback,
  opened: () => {},
  claims: () => false,
  ended: () => {},
};
