import { isContinuationByte, utf8Encoder } from './text-codecs.js';

/** RFC 6455 §5.5: a control frame's payload is at most 125 bytes, 2 of which are the code. */
export const MAX_CLOSE_REASON_BYTES = 123;

// fatal: a cut in the middle of a character must be a bug we hear about, never a U+FFFD.
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The longest whole-character start of `reason` that fits in 123 bytes of UTF-8
 * (CONTRACT.md, Closing). The gallery extension decoded a byte-cut reason leniently, so a
 * cut character became U+FFFD (3 bytes) and pushed the reason past the limit.
 *
 * A lone surrogate (Scratch's `letter (1) of [😀]` makes one) has no UTF-8 form: like every
 * WebSocket implementation, the encoder sends it as U+FFFD, and it is counted as such.
 */
export function truncateCloseReason(reason: string): string {
  const bytes = utf8Encoder.encode(reason);
  if (bytes.length <= MAX_CLOSE_REASON_BYTES) return strictDecoder.decode(bytes);
  let end = MAX_CLOSE_REASON_BYTES;
  // bytes[end] is the first byte left out: if it continues a character, that character
  // started inside the kept part, so step back to its first byte and leave it out whole.
  while (end > 0 && isContinuationByte(bytes[end]!)) end -= 1;
  return strictDecoder.decode(bytes.subarray(0, end));
}
