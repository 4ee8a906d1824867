import { MessageQueue } from './message-queue.js';

/**
 * The most messages kept before a connection is open, while connecting or reconnecting
 * (CONTRACT.md, Sending and Staying connected); past it the oldest kept one is dropped. 1,000
 * covers a project sending 60 a second through a 16 s wait, and bounds a send loop run without
 * screen refresh during a handshake that may take the whole timeout.
 */
export const MAX_KEPT_SENDS = 1000;

/** A message the project sent: text, or the bytes of `send binary`. */
export type Outgoing = string | Uint8Array;

/**
 * What the project sent before its connection could send: kept in order, at most
 * `MAX_KEPT_SENDS`, and handed over all at once when a socket opens. One per `connect to`
 * (its `Session`), so what a reconnect kept and what a handshake kept are one buffer.
 */
export class Outbox {
  private readonly kept = new MessageQueue<Outgoing>();

  /** How many messages are kept. */
  get size(): number {
    return this.kept.size;
  }

  /** Keeps `payload`, dropping the oldest kept one at the limit. */
  keep(payload: Outgoing): void {
    if (this.kept.size >= MAX_KEPT_SENDS) this.kept.shift();
    this.kept.push(payload);
  }

  /** The kept messages, oldest first, leaving none. */
  takeAll(): Outgoing[] {
    const all: Outgoing[] = [];
    for (let payload = this.kept.shift(); payload !== undefined; payload = this.kept.shift()) all.push(payload);
    return all;
  }

  /** Drops every kept message (the connection ended, or its reconnect did). */
  clear(): void {
    this.kept.clear();
  }
}
