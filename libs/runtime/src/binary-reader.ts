import type { LengthPrefix, NumberType } from './binary-types.js';
import { utf8LenientDecoder } from './text-codecs.js';

/** What a read past the end gives (CONTRACT.md, Building and reading binary messages): Scratch's empty value, which `= []` finds. */
export const PAST_END = '';

/** The most bytes an unsigned LEB128 varint of 64 bits takes: ⌈64 / 7⌉. */
const MAX_VARINT_BYTES = 10;


/**
 * Reads one message's bytes value by value from a read position (the bytes read so far, 0
 * at the start). Every read either reads a whole value and moves past it, or gives
 * {@link PAST_END} and does not move (the value would end past the last byte). Never throws.
 */
export class BinaryReader {
  private readonly view: DataView;
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The message's length in bytes. */
  get length(): number {
    return this.bytes.length;
  }

  /** Bytes read so far: 0 at the start, `length` at the end. */
  get position(): number {
    return this.at;
  }

  /** Bytes after the read position. */
  get left(): number {
    return this.bytes.length - this.at;
  }

  /**
   * Moves the read position to `position` bytes from the start: truncated toward zero, and
   * kept within the message (below 0, NaN → 0; past the end → the end), so the position is
   * always one a read can start from.
   */
  seek(position: number): void {
    const whole = Math.trunc(position);
    this.at = whole > 0 ? Math.min(whole, this.bytes.length) : 0;
  }

  /**
   * A number of `type` in the given order, as `DataView`'s getters read it; {@link PAST_END}
   * when fewer bytes are left; null (no move) when `type` is not one of `NUMBER_TYPES` as spelled there.
   */
  readNumber(type: NumberType | string, littleEndian: boolean): number | typeof PAST_END | null {
    // Each case takes its own width (see BinaryWriter.writeNumber: no keyed table look-up).
    let at: number;
    switch (type) {
      case 'int8': return (at = this.take(1)) < 0 ? PAST_END : this.view.getInt8(at);
      case 'uint8': return (at = this.take(1)) < 0 ? PAST_END : this.view.getUint8(at);
      case 'int16': return (at = this.take(2)) < 0 ? PAST_END : this.view.getInt16(at, littleEndian);
      case 'uint16': return (at = this.take(2)) < 0 ? PAST_END : this.view.getUint16(at, littleEndian);
      case 'int32': return (at = this.take(4)) < 0 ? PAST_END : this.view.getInt32(at, littleEndian);
      case 'uint32': return (at = this.take(4)) < 0 ? PAST_END : this.view.getUint32(at, littleEndian);
      case 'float32': return (at = this.take(4)) < 0 ? PAST_END : this.view.getFloat32(at, littleEndian);
      case 'float64': return (at = this.take(8)) < 0 ? PAST_END : this.view.getFloat64(at, littleEndian);
    }
    return null;
  }

  /** Moves past `count` bytes and gives where they start; −1 (no move) when fewer are left. */
  private take(count: number): number {
    const at = this.at;
    if (at + count > this.bytes.length) return -1;
    this.at = at + count;
    return at;
  }

  /**
   * An unsigned LEB128 varint (protobuf, MQTT 3.1.1 §2.2.3) as a number: exact below 2^53,
   * the nearest number above (JavaScript numbers have 53 bits). {@link PAST_END} when its last
   * byte (the first without the high bit) is missing, or it runs past 10 bytes, the most 64
   * bits take; either way the position stays.
   */
  readVarint(): number | typeof PAST_END {
    const bytes = this.bytes;
    let value = 0;
    let scale = 1;
    for (let index = this.at; index < bytes.length && index - this.at < MAX_VARINT_BYTES; index += 1) {
      const byte = bytes[index]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        this.at = index + 1;
        return value;
      }
      scale *= 0x80;
    }
    return PAST_END;
  }

  /**
   * The next `count` bytes read as UTF-8 text (bad sequences become U+FFFD). `count` is
   * truncated toward zero; a negative or NaN count, or more bytes than are left, reads nothing
   * ({@link PAST_END}, no move). Text may be cut inside a character: those bytes read as U+FFFD.
   */
  readText(count: number): string {
    const bytes = this.readBytes(count);
    return bytes === null ? PAST_END : utf8LenientDecoder.decode(bytes);
  }

  /**
   * A text written after its length: the length as `prefix` says, then that many bytes of
   * UTF-8. {@link PAST_END} and no move when the length or the text runs past the end.
   */
  readTextWithLength(prefix: LengthPrefix): string {
    const start = this.at;
    const length =
      prefix.width === 0 ? this.readVarint()
      : prefix.width === 1 ? this.readNumber('uint8', false)
      : this.readNumber(prefix.width === 2 ? 'uint16' : 'uint32', prefix.littleEndian);
    if (length === PAST_END || length === null) return PAST_END;
    const bytes = this.readBytes(length);
    if (bytes === null) {
      this.at = start;
      return PAST_END;
    }
    return utf8LenientDecoder.decode(bytes);
  }

  /**
   * The next `count` bytes (a view, not a copy), moving past them. `count` is truncated toward
   * zero; null and no move when it is negative or NaN, or more bytes than are left.
   */
  readBytes(count: number): Uint8Array | null {
    const whole = Math.trunc(count);
    if (!(whole >= 0) || whole > this.bytes.length - this.at) return null;
    const start = this.at;
    this.at = start + whole;
    return this.bytes.subarray(start, this.at);
  }
}
