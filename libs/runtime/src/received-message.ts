import { binaryBytes, bytesToDataUrl } from './data-url.js';
import { utf8ByteLength } from './statistics.js';

/**
 * The most messages one target keeps waiting (CONTRACT.md, Receiving): for `take next message`
 * or for its `when message received` script. Past it, or past `MAX_QUEUED_DATA_LENGTH`, the
 * oldest waiting message is dropped and counted (`dropped messages`), so memory stays bounded
 * even under a message script that never finishes.
 *
 * Why 100,000: while a server sends a burst, Chromium runs the page's socket tasks ahead of the
 * VM's frames, and in the real VM at 60 fps a burst of 8,000 messages a second left gaps of
 * 2 s between frames (apps/extension-e2e's bench). A project that takes every message each
 * frame must find all of them still there, so the limit has to hold several seconds of the
 * fastest burst a page can receive. 100,000 short messages take about 15 MB.
 */
export const MAX_QUEUED_MESSAGES = 100_000;

/**
 * The most message data one target keeps waiting, in UTF-16 code units of `received message
 * data` (a binary message counts as its base64 `data:` URL): 2^25, 32 Mi characters, at most
 * 64 MB of memory. Past it the oldest waiting messages are dropped as at `MAX_QUEUED_MESSAGES`;
 * the newest is always kept, however long, as the WebSocket has already received it.
 */
export const MAX_QUEUED_DATA_LENGTH = 2 ** 25;

/**
 * A received binary message: its data (a base64 `data:` URL) and its bytes beside it, so that
 * `send binary (received message data)` sends them back without decoding, however long (a data
 * URL past `MAX_DATA_URL_LENGTH` could not be parsed). Text messages are queued as plain
 * strings, so the common case allocates nothing beyond the queue slot.
 */
export class BinaryMessage {
  constructor(
    readonly data: string,
    readonly bytes: Uint8Array,
  ) {}
}

/** A received message as the queue holds it: text as itself, binary wrapped. */
export type ReceivedMessage = string | BinaryMessage;

/**
 * The data of a WebSocket `message` event as the queue holds it, with its payload length in
 * bytes for the statistics: text as itself (its UTF-8 length, counted without encoding it),
 * an ArrayBuffer or view as a binary message (converted at once, so a text message that arrives
 * later can never overtake it). Anything else is turned into text and counts no bytes.
 */
export function readReceived(data: unknown): { message: ReceivedMessage; bytes: number } {
  if (typeof data === 'string') return { message: data, bytes: utf8ByteLength(data) };
  const bytes = binaryBytes(data);
  if (bytes === null) return { message: String(data), bytes: 0 };
  return { message: new BinaryMessage(bytesToDataUrl(bytes), bytes), bytes: bytes.byteLength };
}

/** A message's data length in UTF-16 code units (what `MAX_QUEUED_DATA_LENGTH` bounds). */
export function dataLength(message: ReceivedMessage): number {
  return typeof message === 'string' ? message.length : message.data.length;
}
