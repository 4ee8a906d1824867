import { isUtf8 } from 'node:buffer';
import type { Problem } from './problems.js';

export type Decoded = { ok: true; text: string } | { ok: false; problem: Problem };

/**
 * The text of a spec or locale file, from its bytes, as YAML 1.2 (5.2) reads a file: UTF-16
 * when it starts with a UTF-16 byte order mark, else UTF-8 (a UTF-8 byte order mark is
 * dropped). Bytes that are no character of that encoding are a problem located at the first
 * of them (issue 20, G7: Latin-1 bytes used to become U+FFFD without a word); a U+FFFD
 * written in the file is kept.
 */
export function decodeText(bytes: Uint8Array, file: string): Decoded {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16 !== undefined) {
    try {
      return { ok: true, text: new TextDecoder(utf16, { fatal: true }).decode(bytes) };
    } catch (error) {
      // TextDecoder does not say where: UTF-16 files are rare enough not to search for it.
      const message = `not ${utf16.toUpperCase()} text, as its byte order mark says (${(error as Error).message}); save the file as UTF-8`;
      return { ok: false, problem: { file, line: 1, col: 1, path: '', message } };
    }
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  if (isUtf8(bytes)) return { ok: true, text };
  return { ok: false, problem: firstInvalidByte(bytes, text, file) };
}

/**
 * Where the first byte that is no UTF-8 character is. The lenient decoding gives U+FFFD for
 * it; a U+FFFD before it is one written in the file (the bytes EF BF BD), so the text before
 * each one is exactly the file's, and its length in UTF-8 is the byte's offset.
 */
function firstInvalidByte(bytes: Uint8Array, text: string, file: string): Problem {
  const encoder = new TextEncoder();
  // A byte order mark counts as a byte but, dropped by the decoder, not as a character.
  const skipped = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let index = text.indexOf('\uFFFD'); index !== -1; index = text.indexOf('\uFFFD', index + 1)) {
    const before = text.slice(0, index);
    const offset = skipped + encoder.encode(before).length;
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) continue;
    // Lines as the loader counts them: LF, CR LF, or a CR alone.
    const lines = before.split(/\r\n?|\n/);
    const byte = (bytes[offset] ?? 0).toString(16).padStart(2, '0');
    return { file, line: lines.length, col: (lines.at(-1)?.length ?? 0) + 1, path: '', message: `not UTF-8 text: byte 0x${byte} is not part of a UTF-8 character; save the file as UTF-8` };
  }
  return { file, line: 1, col: 1, path: '', message: 'not UTF-8 text; save the file as UTF-8' };
}
