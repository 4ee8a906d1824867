/**
 * The counters behind `(connection statistic [STAT])` (CONTRACT.md, Knowing what happened):
 * per connection (the queue's two per target), counted since its last `connect to` (an automatic
 * reconnect keeps them).
 */

/** The menu values of `STAT`, plain English (the menu's text is translated, these never are). */
export const STAT_MESSAGES_RECEIVED = 'messages received';
export const STAT_MESSAGES_SENT = 'messages sent';
export const STAT_BYTES_RECEIVED = 'bytes received';
export const STAT_BYTES_SENT = 'bytes sent';
export const STAT_QUEUED_MESSAGES = 'queued messages';
export const STAT_DROPPED_MESSAGES = 'dropped messages';
export const STAT_RECONNECT_ATTEMPTS = 'reconnect attempts';

/** Every `STAT` value, in menu order. */
export const STATISTICS = [
  STAT_MESSAGES_RECEIVED,
  STAT_MESSAGES_SENT,
  STAT_BYTES_RECEIVED,
  STAT_BYTES_SENT,
  STAT_QUEUED_MESSAGES,
  STAT_DROPPED_MESSAGES,
  STAT_RECONNECT_ATTEMPTS,
] as const;

export type Statistic = (typeof STATISTICS)[number];

/**
 * The length in bytes of `text` encoded as UTF-8 (WHATWG Encoding), counted without encoding
 * it: a received message is counted on arrival, and allocating a copy per message would cost
 * the page's ingest rate. A lone surrogate counts 3 bytes, the U+FFFD a WebSocket sends for it.
 */
export function utf8ByteLength(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) {
      bytes += 1;
    } else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair: 2 code units, 4 bytes.
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2;
        i += 1;
      } else {
        bytes += 2;
      }
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

/** The traffic counters of one connection (messages and payload bytes; see `utf8ByteLength`). Only its own methods count. */
export class TrafficCounters {
  private received = 0;
  private sent = 0;
  private receivedBytes = 0;
  private sentBytes = 0;
  private attempts = 0;

  get messagesReceived(): number {
    return this.received;
  }

  get messagesSent(): number {
    return this.sent;
  }

  get bytesReceived(): number {
    return this.receivedBytes;
  }

  get bytesSent(): number {
    return this.sentBytes;
  }

  /** Tries made by automatic reconnect. */
  get reconnectAttempts(): number {
    return this.attempts;
  }

  /** One message handed to the socket: a string is text (its UTF-8 bytes), anything else binary. */
  countSent(payload: string | Uint8Array): void {
    this.sent += 1;
    this.sentBytes += typeof payload === 'string' ? utf8ByteLength(payload) : payload.byteLength;
  }

  /** One message received, of `bytes` payload bytes (a text message's UTF-8 length). */
  countReceived(bytes: number): void {
    this.received += 1;
    this.receivedBytes += bytes;
  }

  /** One try of automatic reconnect. */
  countReconnectAttempt(): void {
    this.attempts += 1;
  }
}

/** What the two queue statistics read: the target's shared queue (`Inbox`). */
export interface QueueCounts {
  readonly size: number;
  readonly dropped: number;
}

/**
 * The value of the statistic named exactly `stat` (one of `STATISTICS`), or undefined for any
 * other value: the queue's two from `queue`, the others from `traffic` (0 without one, a name
 * that never connected).
 */
export function readStatistic(stat: unknown, traffic: TrafficCounters | undefined, queue: QueueCounts): number | undefined {
  switch (stat) {
    case STAT_MESSAGES_RECEIVED:
      return traffic?.messagesReceived ?? 0;
    case STAT_MESSAGES_SENT:
      return traffic?.messagesSent ?? 0;
    case STAT_BYTES_RECEIVED:
      return traffic?.bytesReceived ?? 0;
    case STAT_BYTES_SENT:
      return traffic?.bytesSent ?? 0;
    case STAT_QUEUED_MESSAGES:
      return queue.size;
    case STAT_DROPPED_MESSAGES:
      return queue.dropped;
    case STAT_RECONNECT_ATTEMPTS:
      return traffic?.reconnectAttempts ?? 0;
    default:
      return undefined;
  }
}
