import type { ErrorReason } from './connection-state.js';
import type { ConversationHooks } from './conversation-hooks.js';
import type { HatGate } from './hat-gate.js';
import type { HatRunner } from './hat-runner.js';
import type { Inbox } from './inbox.js';
import type { Timing } from './timing.js';

/** What a connection tells about its life, after its own state has moved (the reconnect scheduler listens). */
export interface ConnectionListener<C> {
  /** Closed or errored for good: `withHat` unless it ended quietly (the stop sign, turning reconnect off). */
  ended(connection: C, withHat: boolean): void;
  /** An automatic reconnect's wait is over: time to ask permission and attach a socket. */
  due(connection: C): void;
  /** An automatic reconnect's try failed (no hat ran): the next one may start. */
  retry(connection: C): void;
}

/** What every connection of one runtime shares; `C` is the connection class (generic so this file imports none). */
export interface ConnectionContext<Target extends object, Thread, C> {
  readonly hats: HatRunner<Target, Thread>;
  readonly timing: Timing;
  readonly listener: ConnectionListener<C>;
  /** The error message of a socket to `url` that failed before it opened (`Opener.failedBeforeOpen`). */
  readonly failedBeforeOpen: (url: string) => ErrorReason;
  /** The conversation blocks' hooks for a new connection (requests, keepalive, pace); none: it claims nothing. */
  readonly conversations?: (connection: C) => ConversationHooks;
}

/**
 * The target a connection belongs to, as the connection sees it (its `Sprite`): the shared
 * receive queue, the gate of its hats, and a way to ask for frames. Given, not imported, so that
 * a connection knows no owner.
 */
export interface ConnectionHome<Target extends object, Thread, C> {
  readonly target: Target;
  readonly inbox: Inbox<Target, Thread>;
  readonly gate: HatGate<Target, Thread>;
  /** `connection`'s close or error waits behind its messages: visit it each frame (`applyWaitingEnding`) until it is applied. */
  endingWaits(connection: C): void;
}
