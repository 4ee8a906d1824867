import { NODE_AND_TESTS } from './platform.js';
import { asciiDecoder, BASE64_ALPHABET } from './text-codecs.js';

/** CONTRACT.md, Receiving: a binary message's data, as a Scratch project can hold it. */
export const BINARY_DATA_URL_PREFIX = 'data:application/octet-stream;base64,';

const PAD = 61; // '='

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Every 12-bit value as its two base64 characters, laid out so that OR-ing a FIRST and a
 * SECOND entry and storing the 32-bit word writes four ASCII bytes in reading order on this
 * machine. Three input bytes then cost two look-ups and one store, with no string building.
 */
const FIRST_PAIR = new Uint32Array(4096);
const SECOND_PAIR = new Uint32Array(4096);
for (let i = 0; i < 4096; i += 1) {
  const a = BASE64_ALPHABET.charCodeAt(i >> 6);
  const b = BASE64_ALPHABET.charCodeAt(i & 63);
  const inMemoryOrder = littleEndian ? a | (b << 8) : (a << 8) | b;
  FIRST_PAIR[i] = littleEndian ? inMemoryOrder : (inMemoryOrder << 16) >>> 0;
  SECOND_PAIR[i] = littleEndian ? (inMemoryOrder << 16) >>> 0 : inMemoryOrder;
}

/**
 * Output buffer reused across calls (the decoder copies out of it), with its word view made
 * once: for a message of a few hundred bytes, allocating them would cost more than encoding.
 * Outputs larger than the limit get their own buffer, so no big one is kept.
 */
const SCRATCH_LIMIT = 1 << 16;
const scratch = new Uint8Array(SCRATCH_LIMIT);
const scratchWords = new Uint32Array(scratch.buffer);

/**
 * Standard base64 (RFC 4648 §4, with padding) of `bytes`, in plain JavaScript, for platforms
 * with no native encoder (browsers without `Uint8Array.prototype.toBase64`). Reads 24 bytes
 * at a time as six big-endian words (DataView allows any alignment) and writes 32
 * characters; the rest goes 3 bytes at a time, then the padding.
 */
export function portableBase64(bytes: Uint8Array): string {
  const length = bytes.length;
  const outLength = Math.ceil(length / 3) * 4;
  const own = outLength > SCRATCH_LIMIT;
  const out = own ? new Uint8Array(outLength) : scratch;
  const words = own ? new Uint32Array(out.buffer) : scratchWords;
  const view = new DataView(bytes.buffer, bytes.byteOffset, length);

  let w = 0;
  let i = 0;
  const blocksEnd = length - (length % 24);
  for (; i < blocksEnd; i += 24) {
    const a = view.getUint32(i);
    const b = view.getUint32(i + 4);
    const c = view.getUint32(i + 8);
    const d = view.getUint32(i + 12);
    const e = view.getUint32(i + 16);
    const f = view.getUint32(i + 20);
    words[w] = FIRST_PAIR[a >>> 20]! | SECOND_PAIR[(a >>> 8) & 4095]!;
    words[w + 1] = FIRST_PAIR[((a & 255) << 4) | (b >>> 28)]! | SECOND_PAIR[(b >>> 16) & 4095]!;
    words[w + 2] = FIRST_PAIR[(b >>> 4) & 4095]! | SECOND_PAIR[((b & 15) << 8) | (c >>> 24)]!;
    words[w + 3] = FIRST_PAIR[(c >>> 12) & 4095]! | SECOND_PAIR[c & 4095]!;
    words[w + 4] = FIRST_PAIR[d >>> 20]! | SECOND_PAIR[(d >>> 8) & 4095]!;
    words[w + 5] = FIRST_PAIR[((d & 255) << 4) | (e >>> 28)]! | SECOND_PAIR[(e >>> 16) & 4095]!;
    words[w + 6] = FIRST_PAIR[(e >>> 4) & 4095]! | SECOND_PAIR[((e & 15) << 8) | (f >>> 24)]!;
    words[w + 7] = FIRST_PAIR[(f >>> 12) & 4095]! | SECOND_PAIR[f & 4095]!;
    w += 8;
  }
  const triplesEnd = length - (length % 3);
  for (; i < triplesEnd; i += 3) {
    const t = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    words[w] = FIRST_PAIR[t >> 12]! | SECOND_PAIR[t & 4095]!;
    w += 1;
  }

  const rest = length - triplesEnd;
  if (rest > 0) {
    const o = w * 4;
    const a = bytes[triplesEnd]!;
    const b = rest === 2 ? bytes[triplesEnd + 1]! : 0;
    out[o] = BASE64_ALPHABET.charCodeAt(a >> 2);
    out[o + 1] = BASE64_ALPHABET.charCodeAt(((a & 3) << 4) | (b >> 4));
    out[o + 2] = rest === 2 ? BASE64_ALPHABET.charCodeAt((b & 15) << 2) : PAD;
    out[o + 3] = PAD;
  }
  return asciiDecoder.decode(out.subarray(0, outLength));
}

type NativeEncoder = (bytes: Uint8Array) => string;

/**
 * The platform's own encoder when it has one: `Uint8Array.prototype.toBase64` in current
 * browsers, including TurboWarp's Chromium. Native code is several times faster than any
 * JavaScript loop on messages of a few kilobytes, and it is synchronous, so arrival order
 * still holds. Chosen once, at load.
 */
function nativeEncoder(): NativeEncoder | null {
  // Read through Reflect.get: the method is newer than TypeScript's ES2022 library, and a plain
  // property read would be a type warning in the built script (TurboWarp's gallery type-checks it).
  const toBase64: unknown = Reflect.get(Uint8Array.prototype, 'toBase64');
  if (typeof toBase64 === 'function') return (bytes) => toBase64.call(bytes) as string;
  if (!NODE_AND_TESTS) return null;
  // Node before 25 has no toBase64; its Buffer encodes natively too.
  const NodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBufferLike, o: number, l: number): { toString(e: string): string } } }).Buffer;
  if (typeof NodeBuffer?.from === 'function') {
    return (bytes) => NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  }
  return null;
}

/** Standard base64 of `bytes`, with the fastest encoder this platform has. */
export const bytesToBase64: NativeEncoder = nativeEncoder() ?? portableBase64;

/** `data:application/octet-stream;base64,…` for a binary message's bytes. */
export function bytesToDataUrl(bytes: Uint8Array): string {
  return BINARY_DATA_URL_PREFIX + bytesToBase64(bytes);
}

/**
 * The bytes of a binary message as a WebSocket hands it over: an ArrayBuffer (binaryType
 * 'arraybuffer', as the socket is set) or a view over one. Null for anything else.
 */
export function binaryBytes(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}
