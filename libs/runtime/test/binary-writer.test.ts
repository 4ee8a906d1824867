import { describe, expect, it } from 'vitest';
import {
  BinaryReader,
  BinaryWriter,
  BYTE_ORDERS,
  isLittleEndian,
  lengthPrefixOf,
  LENGTH_PREFIXES,
  MAX_BUILT_MESSAGE_BYTES,
  NUMBER_TYPES,
  numberTypeOf,
  PAST_END,
  varintValue,
  type NumberType,
} from '../src/index.js';

// Rules: CONTRACT.md, Building and reading binary messages. The oracle for every fixed-width
// type is Node's DataView (what the rule says we do) and, for values in range, Buffer's own
// writers, which throw outside the range and so check the table's min and max themselves.

const SETTERS: Record<NumberType, (view: DataView, value: number, little: boolean) => void> = {
  int8: (view, value) => view.setInt8(0, value),
  uint8: (view, value) => view.setUint8(0, value),
  int16: (view, value, little) => view.setInt16(0, value, little),
  uint16: (view, value, little) => view.setUint16(0, value, little),
  int32: (view, value, little) => view.setInt32(0, value, little),
  uint32: (view, value, little) => view.setUint32(0, value, little),
  float32: (view, value, little) => view.setFloat32(0, value, little),
  float64: (view, value, little) => view.setFloat64(0, value, little),
};

const BUFFER_WRITERS: Record<NumberType, (buffer: Buffer, value: number, little: boolean) => void> = {
  int8: (b, v) => b.writeInt8(v),
  uint8: (b, v) => b.writeUInt8(v),
  int16: (b, v, l) => (l ? b.writeInt16LE(v) : b.writeInt16BE(v)),
  uint16: (b, v, l) => (l ? b.writeUInt16LE(v) : b.writeUInt16BE(v)),
  int32: (b, v, l) => (l ? b.writeInt32LE(v) : b.writeInt32BE(v)),
  uint32: (b, v, l) => (l ? b.writeUInt32LE(v) : b.writeUInt32BE(v)),
  float32: (b, v, l) => (l ? b.writeFloatLE(v) : b.writeFloatBE(v)),
  float64: (b, v, l) => (l ? b.writeDoubleLE(v) : b.writeDoubleBE(v)),
};

const RANGE: Record<NumberType, [number, number] | null> = {
  int8: [-(2 ** 7), 2 ** 7 - 1],
  uint8: [0, 2 ** 8 - 1],
  int16: [-(2 ** 15), 2 ** 15 - 1],
  uint16: [0, 2 ** 16 - 1],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
  float32: null,
  float64: null,
};

const WIDTH = (type: NumberType) => ({ int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, float32: 4, float64: 8 })[type];

/** The edge values of the issue, for `type`: 0, −1, min, max, max + 1, ±0, NaN, ±Infinity, subnormals, 2^53, fractions. */
function edgeValues(type: NumberType): number[] {
  const range = RANGE[type];
  const common = [0, -0, -1, 1, 0.5, -0.5, 1.9999, -1.9999, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53), 2 ** 53 + 2, 5e-324, -5e-324, 1.4e-45, 1e-40, 2.2250738585072014e-308, Number.MAX_VALUE, 3.5e38];
  if (range === null) return [...common, 3.4028234663852886e38, 16777217, 0.1];
  const [min, max] = range;
  return [...common, min, max, max + 1, min - 1, 2 * max + 2, max + 0.7, min - 0.7];
}

function dataViewBytes(type: NumberType, value: number, little: boolean): number[] {
  const view = new DataView(new ArrayBuffer(WIDTH(type)));
  SETTERS[type](view, value, little);
  return [...new Uint8Array(view.buffer)];
}

describe('BinaryWriter.writeNumber and BinaryReader.readNumber', () => {
  for (const type of NUMBER_TYPES) {
    for (const order of BYTE_ORDERS) {
      const little = isLittleEndian(order);
      it(`${type} ${order}: writes every edge value as DataView does, and Buffer agrees in range`, () => {
        for (const value of edgeValues(type)) {
          const writer = new BinaryWriter();
          writer.writeNumber(type, value, little);
          const expected = dataViewBytes(type, value, little);
          expect([...writer.bytes()], `${type} ${order} ${value}`).toEqual(expected);
          const range = RANGE[type];
          if (range === null || (Number.isInteger(value) && value >= range[0] && value <= range[1])) {
            const buffer = Buffer.alloc(WIDTH(type));
            BUFFER_WRITERS[type](buffer, value, little);
            expect([...writer.bytes()], `Buffer ${type} ${order} ${value}`).toEqual([...buffer]);
          }
        }
      });

      it(`${type} ${order}: reads back what DataView reads from the same bytes, then is past the end`, () => {
        for (const value of edgeValues(type)) {
          const bytes = Uint8Array.from(dataViewBytes(type, value, little));
          const reader = new BinaryReader(bytes);
          const view = new DataView(bytes.buffer);
          const getter = `get${type[0]!.toUpperCase()}${type.slice(1)}` as 'getInt8';
          expect(reader.readNumber(type, little)).toBe((view[getter] as (at: number, little: boolean) => number).call(view, 0, little));
          expect(reader.position).toBe(WIDTH(type));
          expect(reader.readNumber(type, little)).toBe(PAST_END);
          expect(reader.position).toBe(WIDTH(type));
        }
      });
    }
  }

  it('orders bytes as asked: 0x0102 as int16 is 01 02 big endian and 02 01 little endian', () => {
    const writer = new BinaryWriter();
    writer.writeNumber('int16', 0x0102, false);
    writer.writeNumber('int16', 0x0102, true);
    expect([...writer.bytes()]).toEqual([1, 2, 2, 1]);
  });
});

describe('the menus', () => {
  it('read each value the lists name, ignoring case and spaces around it; anything else is unknown', () => {
    for (const type of NUMBER_TYPES) expect(numberTypeOf(` ${type.toUpperCase()} `)).toBe(type);
    for (const bad of ['int64', '', 'float', 7, null, Symbol('int8')]) expect(numberTypeOf(bad)).toBeNull();
    expect(isLittleEndian('little endian')).toBe(true);
    expect(isLittleEndian(' Little Endian')).toBe(true);
    for (const other of ['big endian', 'little', '', undefined]) expect(isLittleEndian(other)).toBe(false);
    for (const prefix of LENGTH_PREFIXES) expect(lengthPrefixOf(prefix)).not.toBeNull();
    expect(lengthPrefixOf('uint64')).toBeNull();
  });
});

describe('varints (unsigned LEB128)', () => {
  /** LEB128 of a bigint, written out from its definition: 7 bits a byte, low first, high bit on all but the last. */
  function leb128(value: bigint): number[] {
    const out: number[] = [];
    let rest = value;
    do {
      const group = Number(rest & 0x7fn);
      rest >>= 7n;
      out.push(rest > 0n ? group | 0x80 : group);
    } while (rest > 0n);
    return out;
  }

  const cases: [number, bigint][] = [
    [0, 0n], [-0, 0n], [1, 1n], [127, 127n], [128, 128n], [300, 300n], [16383, 16383n], [16384, 16384n],
    [268_435_455, 268_435_455n], [2 ** 32, 2n ** 32n], [2 ** 53 - 1, 2n ** 53n - 1n], [2 ** 53, 2n ** 53n],
    [2 ** 64, 0n], [2 ** 64 + 2 ** 12, 2n ** 12n], [-1, 2n ** 64n - 1n], [-128, 2n ** 64n - 128n],
    [1.9, 1n], [-1.9, 2n ** 64n - 1n], [NaN, 0n], [Infinity, 0n], [-Infinity, 0n], [5e-324, 0n],
  ];

  it('writes a whole number truncated toward zero and wrapped modulo 2^64; NaN and ±Infinity as 0', () => {
    for (const [value, wrapped] of cases) {
      const writer = new BinaryWriter();
      writer.writeVarint(value);
      expect([...writer.bytes()], `${value}`).toEqual(leb128(wrapped));
      expect(BigInt(varintValue(value))).toBe(wrapped);
    }
  });

  it('MQTT 3.1.1 §2.2.3: remaining length 321 is C1 02, 268,435,455 is FF FF FF 7F', () => {
    const writer = new BinaryWriter();
    writer.writeVarint(321);
    writer.writeVarint(268_435_455);
    expect([...writer.bytes()]).toEqual([0xc1, 0x02, 0xff, 0xff, 0xff, 0x7f]);
  });

  it('reads back every value below 2^53 exactly, and larger ones as the nearest number', () => {
    for (const [, wrapped] of cases) {
      const reader = new BinaryReader(Uint8Array.from(leb128(wrapped)));
      expect(reader.readVarint()).toBe(Number(wrapped));
      expect(reader.left).toBe(0);
    }
  });

  it('reads a cut-off varint, or one of more than 10 bytes, as the empty value without moving', () => {
    for (const bytes of [[0x80], [0xff, 0xff], Array(11).fill(0x80).concat([1])]) {
      const reader = new BinaryReader(Uint8Array.from(bytes));
      expect(reader.readVarint()).toBe(PAST_END);
      expect(reader.position).toBe(0);
    }
  });
});

describe('text', () => {
  it('writes UTF-8 with no length, a lone surrogate as U+FFFD, and reads it back with the byte count', () => {
    const writer = new BinaryWriter();
    writer.writeText('é😀\uFEFFx');
    writer.writeText('\uD83D');
    const bytes = writer.bytes();
    expect([...bytes]).toEqual([...Buffer.from('é😀\uFEFFx\uFFFD')]);
    const reader = new BinaryReader(bytes);
    expect(reader.readText(10)).toBe('é😀\uFEFFx');
    expect(reader.readText(4)).toBe(PAST_END);
    expect(reader.readText(3)).toBe('\uFFFD');
    expect(reader.readText(0)).toBe('');
  });

  it('reads a negative, NaN or too large count as the empty value without moving; a fraction is truncated', () => {
    const reader = new BinaryReader(Uint8Array.from(Buffer.from('abc')));
    for (const count of [-1, NaN, 4, Infinity]) expect(reader.readText(count)).toBe(PAST_END);
    expect(reader.position).toBe(0);
    expect(reader.readText(2.9)).toBe('ab');
  });

  it('writes each length prefix as its type, then the text, and reads it back', () => {
    const text = 'héllo';
    const body = [...Buffer.from(text)];
    const expected: Record<string, number[]> = {
      uint8: [6],
      'uint16 big endian': [0, 6],
      'uint16 little endian': [6, 0],
      'uint32 big endian': [0, 0, 0, 6],
      'uint32 little endian': [6, 0, 0, 0],
      varint: [6],
    };
    expect(Object.keys(expected)).toEqual([...LENGTH_PREFIXES]);
    for (const name of LENGTH_PREFIXES) {
      const writer = new BinaryWriter();
      writer.writeTextWithLength(text, lengthPrefixOf(name)!);
      expect([...writer.bytes()], name).toEqual([...expected[name]!, ...body]);
      const reader = new BinaryReader(writer.bytes());
      expect(reader.readTextWithLength(lengthPrefixOf(name)!)).toBe(text);
      expect(reader.left).toBe(0);
    }
  });

  it('cuts a text too long for its prefix at the last whole character that fits', () => {
    const writer = new BinaryWriter();
    writer.writeTextWithLength('a'.repeat(254) + 'é', lengthPrefixOf('uint8')!);
    const bytes = writer.bytes();
    expect(bytes[0]).toBe(254);
    expect(bytes.length).toBe(255);
    const long = 'ab'.repeat(40_000);
    writer.clear();
    writer.writeTextWithLength(long, lengthPrefixOf('uint16 big endian')!);
    expect(new BinaryReader(writer.bytes()).readTextWithLength(lengthPrefixOf('uint16 big endian')!)).toBe(long.slice(0, 65_535));
  });

  it('reads a length-prefixed text that runs past the end as the empty value, and does not move', () => {
    const reader = new BinaryReader(Uint8Array.from([0, 5, 104, 105]));
    expect(reader.readTextWithLength(lengthPrefixOf('uint16 big endian')!)).toBe(PAST_END);
    expect(reader.position).toBe(0);
    expect(new BinaryReader(Uint8Array.from([0])).readTextWithLength(lengthPrefixOf('uint16 little endian')!)).toBe(PAST_END);
  });
});

describe('the read position', () => {
  it('is kept within the message: truncated, below 0 or NaN is 0, past the end is the end', () => {
    const reader = new BinaryReader(new Uint8Array(10));
    const cases: [number, number][] = [[3, 3], [3.9, 3], [-1, 0], [NaN, 0], [11, 10], [Infinity, 10], [-Infinity, 0], [10, 10]];
    for (const [to, at] of cases) {
      reader.seek(to);
      expect(reader.position, `${to}`).toBe(at);
      expect(reader.left).toBe(10 - at);
    }
  });
});

describe('the size limit', () => {
  it('adds a value only if the whole of it fits within MAX_BUILT_MESSAGE_BYTES', () => {
    const writer = new BinaryWriter();
    writer.writeBytes(new Uint8Array(MAX_BUILT_MESSAGE_BYTES - 3));
    writer.writeNumber('int32', 1, false);
    writer.writeTextWithLength('abc', lengthPrefixOf('uint8')!);
    expect(writer.length).toBe(MAX_BUILT_MESSAGE_BYTES - 3);
    writer.writeText('abc');
    expect(writer.length).toBe(MAX_BUILT_MESSAGE_BYTES);
    writer.writeNumber('uint8', 1, false);
    writer.writeVarint(2 ** 60);
    expect(writer.length).toBe(MAX_BUILT_MESSAGE_BYTES);
  });
});
