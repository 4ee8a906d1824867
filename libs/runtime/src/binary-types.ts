/**
 * The menus of the binary message blocks (CONTRACT.md, Building and reading binary messages):
 * plain English values that saved projects keep, never translated. The spec's menus mirror
 * these lists (`mirrors:`), so a menu and the runtime cannot drift apart.
 */

/** Fixed-width numbers: signed and unsigned 8, 16 and 32-bit integers, IEEE 754 binary32 and binary64. */
export const NUMBER_TYPES = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'float32', 'float64'] as const;
export type NumberType = (typeof NUMBER_TYPES)[number];

/** Byte orders. Big endian (most significant byte first) is the network order of most Internet protocols, MQTT's among them. */
export const BYTE_ORDERS = ['big endian', 'little endian'] as const;

/** How a length-prefixed text says its length: a fixed-width unsigned integer, or an unsigned LEB128 varint. */
export const LENGTH_PREFIXES = [
  'uint8',
  'uint16 big endian',
  'uint16 little endian',
  'uint32 big endian',
  'uint32 little endian',
  'varint',
] as const;

/** A length prefix as the writer and reader use it: its width in bytes (0 for a varint) and byte order. */
export interface LengthPrefix {
  /** 1, 2 or 4 for a fixed-width prefix; 0 for an unsigned LEB128 varint. */
  readonly width: 0 | 1 | 2 | 4;
  readonly littleEndian: boolean;
  /** The longest text, in UTF-8 bytes, the prefix can state (2^64 − 1 for a varint, in effect no limit). */
  readonly max: number;
}

/** Bytes each fixed-width type takes. */
export const NUMBER_TYPE_WIDTH: Readonly<Record<NumberType, 1 | 2 | 4 | 8>> = {
  int8: 1,
  uint8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  float32: 4,
  float64: 8,
};

const hasOwn = Object.prototype.hasOwnProperty;

const PREFIXES: Readonly<Record<(typeof LENGTH_PREFIXES)[number], LengthPrefix>> = {
  uint8: { width: 1, littleEndian: false, max: 0xff },
  'uint16 big endian': { width: 2, littleEndian: false, max: 0xffff },
  'uint16 little endian': { width: 2, littleEndian: true, max: 0xffff },
  'uint32 big endian': { width: 4, littleEndian: false, max: 0xffff_ffff },
  'uint32 little endian': { width: 4, littleEndian: true, max: 0xffff_ffff },
  varint: { width: 0, littleEndian: false, max: Number.MAX_VALUE },
};

/**
 * A menu value as given, or trimmed and lower-cased (as `connection statistic` reads its menu): the exact value first, so the hot path allocates nothing.
 * `hasOwnProperty.call`, not `Object.hasOwn`: the gallery's lint refuses that as too new for the browsers it supports.
 */
function menuValue<T extends string>(value: unknown, known: Readonly<Record<T, unknown>>): T | null {
  if (typeof value !== 'string') return null;
  if (hasOwn.call(known, value)) return value as T;
  const tidy = value.trim().toLowerCase();
  return hasOwn.call(known, tidy) ? (tidy as T) : null;
}

/** The type a `[TYPE]` menu value names; null for anything else (the block then writes nothing, or reads an empty value). */
export function numberTypeOf(value: unknown): NumberType | null {
  // The menu's exact values first, by a switch: a project may add or read millions a second.
  switch (value) {
    case 'int8': case 'uint8': case 'int16': case 'uint16': case 'int32': case 'uint32': case 'float32': case 'float64':
      return value;
  }
  return menuValue(value, NUMBER_TYPE_WIDTH);
}

/** Whether a `[ORDER]` menu value is `little endian`; anything else is big endian, the network byte order. */
export function isLittleEndian(order: unknown): boolean {
  // The menu's two values first: tidying the text allocates, and this runs for every value.
  if (order === 'big endian') return false;
  return order === 'little endian' || (typeof order === 'string' && order.trim().toLowerCase() === 'little endian');
}

/** The length prefix a `[PREFIX]` menu value names; null for anything else. */
export function lengthPrefixOf(value: unknown): LengthPrefix | null {
  const name = menuValue(value, PREFIXES);
  return name === null ? null : PREFIXES[name];
}

/**
 * A value as Scratch's `Cast.toNumber` makes it a number, for callers that pass something
 * other than a number (the extension has cast already): `Number(value)`, with NaN, and
 * anything `Number` throws on (a Symbol, a throwing `valueOf`), giving 0. A number is kept as
 * it is, NaN included: what a number writes is then `DataView`'s rule.
 */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  try {
    const number = Number(value);
    return Number.isNaN(number) ? 0 : number;
  } catch {
    // Nothing numeric in it: Scratch reads such a value as 0.
    return 0;
  }
}
