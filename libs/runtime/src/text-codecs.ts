/**
 * Encoders and the base64 alphabet that several files use, made once. A TextEncoder and a
 * default TextDecoder keep no state between calls, so sharing them is safe.
 */

/** UTF-8, as the WebSocket API encodes text (a lone surrogate becomes U+FFFD). */
export const utf8Encoder = new TextEncoder();

/**
 * UTF-8 text of bytes that may not be valid UTF-8 (what a server or a data: URL sent): each bad
 * sequence becomes U+FFFD, never a throw. ignoreBOM keeps a leading U+FEFF, which the default
 * decoder would drop, so text → bytes → text is exact.
 */
export const utf8LenientDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** UTF-8 continuation bytes look like 10xxxxxx; a character never starts with one (RFC 3629 §3). */
export function isContinuationByte(byte: number): boolean {
  return (byte & 0b1100_0000) === 0b1000_0000;
}

/** For base64 and percent-encoded output, which is pure ASCII: the decoder makes the string natively. */
export const asciiDecoder = new TextDecoder();

/** RFC 4648 §4, the standard base64 alphabet. */
export const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
