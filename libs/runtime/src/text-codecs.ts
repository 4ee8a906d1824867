/**
 * Encoders and the base64 alphabet that several files use, made once. A TextEncoder and a
 * default TextDecoder keep no state between calls, so sharing them is safe.
 */

/** UTF-8, as the WebSocket API encodes text (a lone surrogate becomes U+FFFD). */
export const utf8Encoder = new TextEncoder();

/** For base64 and percent-encoded output, which is pure ASCII: the decoder makes the string natively. */
export const asciiDecoder = new TextDecoder();

/** RFC 4648 §4, the standard base64 alphabet. */
export const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
