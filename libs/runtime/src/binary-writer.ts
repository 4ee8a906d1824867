import type { LengthPrefix, NumberType } from './binary-types.js';
import { isContinuationByte, utf8Encoder } from './text-codecs.js';

/**
 * The most bytes one message under construction may hold: 64 MiB, the size of the largest
 * data: URL the blocks read (`MAX_DATA_URL_LENGTH` is 64 Mi characters). A value that would
 * take a message past it is not added, so a loop that adds without sending cannot take all of
 * the page's memory, and no allocation can throw into the VM.
 */
export const MAX_BUILT_MESSAGE_BYTES = 2 ** 26;

// Texts up to this many UTF-16 code units are encoded straight into the buffer (encodeInto),
// reserving 3 bytes per code unit, the most UTF-8 needs; longer ones are encoded first, so a
// long text never makes the buffer grow past what it needs.
const ENCODE_INTO_LIMIT = 4096;

/**
 * The unsigned 64-bit integer a varint writes for `value` (CONTRACT.md, Building and reading
 * binary messages), as `DataView.setBigUint64` would store `BigInt(Math.trunc(value))`:
 * truncated toward zero, wrapped modulo 2^64 (so −1 is 2^64 − 1, as protobuf writes a
 * negative int64); NaN and ±Infinity write 0, as `DataView` writes them into an integer.
 * Returns a number while that is exact (0 ≤ result < 2^53), else a bigint.
 */
export function varintValue(value: number): number | bigint {
  if (!Number.isFinite(value)) return 0;
  const whole = Math.trunc(value);
  if (whole >= 0 && whole <= Number.MAX_SAFE_INTEGER) return whole === 0 ? 0 : whole; // −0 is 0
  return BigInt.asUintN(64, BigInt(whole));
}

/**
 * One binary message being built value by value: a growable byte buffer (doubling, so
 * building n bytes costs O(n)) with a `DataView` over it. Every write adds a whole value or
 * nothing (past {@link MAX_BUILT_MESSAGE_BYTES}), and never throws.
 */
export class BinaryWriter {
  private buffer = new Uint8Array(64);
  private view = new DataView(this.buffer.buffer);
  private used = 0;

  /** Bytes written so far. */
  get length(): number {
    return this.used;
  }

  /**
   * Adds `value` as a fixed-width number of `type`, in big or little endian order, as
   * `DataView`'s setters store it (ECMAScript ToInt8 … ToUint32, ToFloat32): integers are
   * truncated toward zero and wrapped modulo 2^bits (so 256 as uint8 is 0 and −1 is 255),
   * NaN and ±Infinity write 0; floats are rounded to the nearest float32 (too large → ±Infinity),
   * NaN writes a NaN. Returns whether `type` is one of `NUMBER_TYPES` as spelled there (else nothing is written).
   */
  writeNumber(type: NumberType | string, value: number, littleEndian: boolean): boolean {
    // Each case claims its own width: a table looked up by the type name would be a keyed
    // load with a changing key, the slowest part of a write.
    let at: number;
    switch (type) {
      case 'int8': if ((at = this.claim(1)) >= 0) this.view.setInt8(at, value); return true;
      case 'uint8': if ((at = this.claim(1)) >= 0) this.view.setUint8(at, value); return true;
      case 'int16': if ((at = this.claim(2)) >= 0) this.view.setInt16(at, value, littleEndian); return true;
      case 'uint16': if ((at = this.claim(2)) >= 0) this.view.setUint16(at, value, littleEndian); return true;
      case 'int32': if ((at = this.claim(4)) >= 0) this.view.setInt32(at, value, littleEndian); return true;
      case 'uint32': if ((at = this.claim(4)) >= 0) this.view.setUint32(at, value, littleEndian); return true;
      case 'float32': if ((at = this.claim(4)) >= 0) this.view.setFloat32(at, value, littleEndian); return true;
      case 'float64': if ((at = this.claim(8)) >= 0) this.view.setFloat64(at, value, littleEndian); return true;
    }
    return false;
  }

  /**
   * Adds `value` as an unsigned LEB128 varint (7 bits a byte, least significant group first,
   * the high bit set on every byte but the last): 1 to 10 bytes. The value is {@link varintValue}'s.
   * Source: the protobuf encoding guide ("Base 128 Varints"), MQTT 3.1.1 §2.2.3.
   */
  writeVarint(value: number): void {
    let rest = varintValue(value);
    if (typeof rest === 'bigint') return this.writeBigVarint(rest);
    const at = this.used;
    if (!this.reserve(varintLength(rest))) return;
    let index = at;
    while (rest >= 0x80) {
      // % and / are exact on doubles below 2^53, where bit operators would cut at 32 bits. The
      // low seven bits get a name of their own: prettier 3.6 and 3.7+ format `a % b | c`
      // differently, and the gallery's file must pass whichever one its check runs.
      const low = rest % 0x80;
      this.buffer[index++] = low | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[index] = rest;
  }

  /** Adds `bytes` as they are. */
  writeBytes(bytes: Uint8Array): void {
    const at = this.used;
    if (this.reserve(bytes.length)) this.buffer.set(bytes, at);
  }

  /** Adds `text` in UTF-8, with no length. A lone surrogate (half of an emoji) has no UTF-8 form and becomes U+FFFD, as in a text message. */
  writeText(text: string): void {
    if (text.length <= ENCODE_INTO_LIMIT && this.used + 3 * text.length <= MAX_BUILT_MESSAGE_BYTES) {
      this.ensureCapacity(this.used + 3 * text.length);
      this.used += utf8Encoder.encodeInto(text, this.buffer.subarray(this.used)).written;
      return;
    }
    this.writeBytes(utf8Encoder.encode(text));
  }

  /**
   * Adds the UTF-8 length of `text` as `prefix` says, then `text` in UTF-8. A text longer than
   * the prefix can state (255 bytes for uint8, 65,535 for uint16) is cut at the last whole
   * character that fits, never inside one, so the message stays readable; all of it or
   * nothing is added.
   */
  writeTextWithLength(text: string, prefix: LengthPrefix): void {
    let bytes = utf8Encoder.encode(text);
    if (bytes.length > prefix.max) {
      let end = prefix.max;
      // bytes[end] is the first byte left out: step back to the start of its character.
      while (end > 0 && isContinuationByte(bytes[end]!)) end -= 1;
      bytes = bytes.subarray(0, end);
    }
    const width = prefix.width === 0 ? varintLength(bytes.length) : prefix.width;
    if (this.used + width + bytes.length > MAX_BUILT_MESSAGE_BYTES) return;
    if (prefix.width === 0) this.writeVarint(bytes.length);
    else if (prefix.width === 1) this.writeNumber('uint8', bytes.length, false);
    else this.writeNumber(prefix.width === 2 ? 'uint16' : 'uint32', bytes.length, prefix.littleEndian);
    this.writeBytes(bytes);
  }

  /** A copy of the bytes written so far. */
  bytes(): Uint8Array {
    return this.buffer.slice(0, this.used);
  }

  /** Empties the message; a large buffer is let go of, so a finished big message holds no memory. */
  clear(): void {
    this.used = 0;
    if (this.buffer.length > 1 << 16) {
      this.buffer = new Uint8Array(64);
      this.view = new DataView(this.buffer.buffer);
    }
  }

  private writeBigVarint(value: bigint): void {
    const groups: number[] = [];
    let rest = value;
    while (rest >= 0x80n) {
      groups.push(Number(rest & 0x7fn) | 0x80);
      rest >>= 7n;
    }
    groups.push(Number(rest));
    this.writeBytes(Uint8Array.from(groups));
  }

  /** Makes room for `count` more bytes and counts them as written: where they start, or −1 (nothing changes) past the limit. */
  private claim(count: number): number {
    const at = this.used;
    if (at + count > this.buffer.length && !this.reserveFrom(at, count)) return -1;
    this.used = at + count;
    return at;
  }

  /** Makes room for `count` more bytes and counts them as written; false (nothing changes) past the limit. */
  private reserve(count: number): boolean {
    return this.claim(count) >= 0;
  }

  /** Grows the buffer for `count` bytes from `at`; false past the limit. */
  private reserveFrom(at: number, count: number): boolean {
    if (at + count > MAX_BUILT_MESSAGE_BYTES) return false;
    this.ensureCapacity(at + count);
    return true;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < size) capacity *= 2;
    const grown = new Uint8Array(Math.min(capacity, MAX_BUILT_MESSAGE_BYTES));
    grown.set(this.buffer.subarray(0, this.used));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }
}

/** Bytes of the LEB128 form of `value`, a whole number 0 ≤ value < 2^53. */
function varintLength(value: number): number {
  let length = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) length += 1;
  return length;
}
