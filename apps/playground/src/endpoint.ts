import type { WebSocket } from 'ws';

/**
 * What an endpoint (`/echo`, `/broadcast`) gets with each accepted socket: the limit on bytes
 * held unsent for it, and how to report what it does about a client past that limit.
 */
export interface ConnectionContext {
  /** Unsent bytes (as `countUnsent` counts them) past which the client is paused or dropped. */
  maxUnsentBytes: number;
  /** Milliseconds a dropped client gets to finish the closing handshake before it is cut. */
  closeGraceMs: number;
  /** Reading from the client stopped, with its unsent bytes (as counted) then. */
  paused(unsentBytes: number): void;
  resumed(): void;
  /** The client is being closed with 1008, with its unsent bytes (as counted) then. */
  dropped(unsentBytes: number): void;
}

export type Endpoint = (socket: WebSocket, context: ConnectionContext) => void;
