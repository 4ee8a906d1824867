import { MessageQueue } from './message-queue.js';
import { utf8ByteLength } from './statistics.js';

/**
 * The most messages kept before a connection is open, while connecting or reconnecting
 * (CONTRACT.md, Sending and Staying connected); past it the oldest kept one is dropped. 1,000
 * covers a project sending 60 a second through a 16 s wait, and bounds a send loop run without
 * screen refresh during a handshake that may take the whole timeout.
 */
export const MAX_KEPT_SENDS = 1000;

/**
 * The most memory the kept messages of one connection may take, in bytes: 2^24, 16 MiB. A text
 * counts 2 bytes per UTF-16 code unit (as a JavaScript string holds it), a binary message its
 * bytes. Past it the oldest kept messages are dropped; the newest is always kept, however long.
 * Without it 1,000 binary messages of 1 MiB kept while reconnecting took over 1 GiB.
 */
export const MAX_KEPT_SEND_BYTES = 2 ** 24;

/** A message the project sent: text, or the bytes of `send binary`. */
export type Outgoing = string | Uint8Array;

/** The bytes `payload` will take on the wire (its payload: UTF-8 for text), as `bufferedAmount` counts them. */
function wireSize(payload: Outgoing): number {
  return typeof payload === 'string' ? utf8ByteLength(payload) : payload.byteLength;
}

/** The memory `payload` takes while kept, in bytes (see `MAX_KEPT_SEND_BYTES`). */
function keptSize(payload: Outgoing): number {
  return typeof payload === 'string' ? payload.length * 2 : payload.byteLength;
}

/**
 * What the project sent before its connection could send: kept in order, at most
 * `MAX_KEPT_SENDS` messages and `MAX_KEPT_SEND_BYTES`, and handed over all at once when a socket opens. One per `connect to`
 * (its `Session`), so what a reconnect kept and what a handshake kept are one buffer.
 */
export class Outbox {
  private readonly kept = new MessageQueue<Outgoing>();
  private bytes = 0;
  private wire = 0;

  /** How many messages are kept. */
  get size(): number {
    return this.kept.size;
  }

  /** The payload bytes of the kept messages (UTF-8 for text): what `bytes waiting to be sent` adds to the socket's own. */
  get waitingBytes(): number {
    return this.wire;
  }

  /** Keeps `payload`, dropping the oldest kept ones past either limit. */
  keep(payload: Outgoing): void {
    if (this.kept.size >= MAX_KEPT_SENDS) this.dropOldest();
    this.kept.push(payload);
    this.bytes += keptSize(payload);
    this.wire += wireSize(payload);
    while (this.bytes > MAX_KEPT_SEND_BYTES && this.kept.size > 1) this.dropOldest();
  }

  /** The kept messages, oldest first, leaving none. */
  takeAll(): Outgoing[] {
    const all: Outgoing[] = [];
    for (let payload = this.kept.shift(); payload !== undefined; payload = this.kept.shift()) all.push(payload);
    this.bytes = 0;
    this.wire = 0;
    return all;
  }

  /** Drops every kept message (the connection ended, or its reconnect did). */
  clear(): void {
    this.kept.clear();
    this.bytes = 0;
    this.wire = 0;
  }

  private dropOldest(): void {
    const dropped = this.kept.shift();
    if (dropped === undefined) return;
    this.bytes -= keptSize(dropped);
    this.wire -= wireSize(dropped);
  }
}
