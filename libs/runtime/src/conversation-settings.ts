import type { KeepaliveSettings } from './keepalive.js';
import { safeText } from './safe-text.js';

/** 10 s: the reply timeout until `set reply timeout` says otherwise (Snap's MQTT request waits 3 s; a server doing real work may need more). */
export const DEFAULT_REPLY_TIMEOUT_MS = 10_000;

/** The longest wait a timer can hold (ms): setTimeout treats anything above 2^31 − 1 as 1 ms (HTML, timer initialisation steps). */
export const MAX_WAIT_MS = 2 ** 31 - 1;

/**
 * Seconds, as a Scratch number input gives them, in ms: a finite number > 0, capped at
 * `MAX_WAIT_MS` (about 24.8 days); anything else (0, negative, NaN, not a number) is null.
 */
export function secondsToMs(seconds: unknown): number | null {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return null;
  return Math.min(Math.max(1, Math.round(seconds * 1000)), MAX_WAIT_MS);
}

/**
 * The conversation settings of one of a target's connection names (CONTRACT.md, Replies,
 * Keepalive and Pace): how replies are matched, how long a request waits, the keepalive and the
 * connect timeout. They belong to the name, not to one socket: set before `connect to`, they
 * apply to it, and they last across `connect to` and automatic reconnect, until the target goes
 * away (a deleted clone, another project). Only its own methods change them.
 */
export class ConversationSettings {
  private field: string | null = null;
  private replyMs = DEFAULT_REPLY_TIMEOUT_MS;
  private alive: KeepaliveSettings | null = null;
  private connectMs: number | null = null;

  /** The JSON field replies are matched by, or null when they are matched in order (the default). */
  get matchField(): string | null {
    return this.field;
  }

  get replyTimeoutMs(): number {
    return this.replyMs;
  }

  get keepalive(): KeepaliveSettings | null {
    return this.alive;
  }

  /** The handshake timeout (ms) the project set, or null for the runtime's (`Timing.handshakeTimeoutMs`). */
  get connectTimeoutMs(): number | null {
    return this.connectMs;
  }

  /** `match replies in order`. */
  matchInOrder(): void {
    this.field = null;
  }

  /** `match replies by JSON field [FIELD]`: any text, compared exactly; what cannot be turned into text is ''. */
  matchBy(field: unknown): void {
    this.field = safeText(field);
  }

  /** `set reply timeout to [SECONDS]`: a number > 0; anything else goes back to the default. */
  setReplyTimeout(seconds: unknown): void {
    this.replyMs = secondsToMs(seconds) ?? DEFAULT_REPLY_TIMEOUT_MS;
  }

  /** `set connect timeout to [SECONDS]`: a number > 0; anything else goes back to the runtime's. */
  setConnectTimeout(seconds: unknown): void {
    this.connectMs = secondsToMs(seconds);
  }

  /** The keepalive block: on with an interval and a timeout > 0; an interval or timeout that is not (0 included) turns it off. */
  setKeepalive(intervalSeconds: unknown, ping: unknown, pong: unknown, timeoutSeconds: unknown): void {
    const intervalMs = secondsToMs(intervalSeconds);
    const timeoutMs = secondsToMs(timeoutSeconds);
    this.alive = intervalMs === null || timeoutMs === null ? null : { ping: safeText(ping), intervalMs, pong: safeText(pong), timeoutMs };
  }
}
