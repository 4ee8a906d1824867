import { WebSocket } from 'ws';
import { ALL_FACETS, BinaryReader, type BinaryBlocks, BinaryWriter, WebSocketRuntime, type NumberType, type WebSocketConstructorLike } from '../src/index.js';
import { MemoryHost, MemoryThread, target } from '@scratch-websocket/test-support';
import { median, time, type Row } from './bench-kit.js';

/**
 * Binary building and reading (CONTRACT.md, Building and reading binary messages): the blocks'
 * own entry points (`runtime.binary`, as the extension calls them, with a thread) against
 * `DataView` used directly, and how building a message grows with its size.
 */

/** The mixed values of both figures: each type and order a protocol might use, in turn. */
const MIX: readonly { type: NumberType; order: string; little: boolean; width: number }[] = [
  { type: 'uint8', order: 'big endian', little: false, width: 1 },
  { type: 'int16', order: 'big endian', little: false, width: 2 },
  { type: 'uint16', order: 'little endian', little: true, width: 2 },
  { type: 'int32', order: 'big endian', little: false, width: 4 },
  { type: 'float32', order: 'little endian', little: true, width: 4 },
  { type: 'float64', order: 'big endian', little: false, width: 8 },
];

function blocks() {
  const runtime = new WebSocketRuntime<{ name: string }, MemoryThread>({
    WebSocket: WebSocket as unknown as WebSocketConstructorLike,
    host: new MemoryHost(),
    hats: { open: 'b_open', message: 'b_message', error: 'b_error', close: 'b_close' },
    facets: ALL_FACETS,
  });
  const sprite = target('binary');
  // Built with ALL_FACETS, so `binary` is there.
  return { runtime: runtime as typeof runtime & { binary: BinaryBlocks<{ name: string }, MemoryThread> }, sprite, thread: new MemoryThread('script', sprite, Infinity) };
}

/**
 * Writes then reads `count` mixed values with DataView, into a buffer sized beforehand, taking
 * each type and order from the same table as the blocks do (a program that speaks a protocol
 * switches on the field's type the same way); returns a checksum.
 */
function withDataView(count: number): number {
  let size = 0;
  for (let i = 0; i < count; i += 1) size += MIX[i % MIX.length]!.width;
  const view = new DataView(new ArrayBuffer(size));
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    const kind = MIX[i % MIX.length]!;
    const value = i - 500;
    switch (kind.type) {
      case 'uint8': view.setUint8(at, value); break;
      case 'int16': view.setInt16(at, value, kind.little); break;
      case 'uint16': view.setUint16(at, value, kind.little); break;
      case 'int32': view.setInt32(at, value, kind.little); break;
      case 'float32': view.setFloat32(at, value, kind.little); break;
      default: view.setFloat64(at, value, kind.little);
    }
    at += kind.width;
  }
  let sum = 0;
  at = 0;
  for (let i = 0; i < count; i += 1) {
    const kind = MIX[i % MIX.length]!;
    switch (kind.type) {
      case 'uint8': sum += view.getUint8(at); break;
      case 'int16': sum += view.getInt16(at, kind.little); break;
      case 'uint16': sum += view.getUint16(at, kind.little); break;
      case 'int32': sum += view.getInt32(at, kind.little); break;
      case 'float32': sum += view.getFloat32(at, kind.little); break;
      default: sum += view.getFloat64(at, kind.little);
    }
    at += kind.width;
  }
  return sum;
}

/** The same through the blocks' methods: add each value to the script's message, then read it back from the start. */
function withBlocks(count: number, { runtime, sprite, thread }: ReturnType<typeof blocks>): { ms: number; sum: number } {
  let sum = 0;
  runtime.binary.start(sprite, thread);
  const writeMs = time(() => {
    for (let i = 0; i < count; i += 1) {
      const kind = MIX[i % MIX.length]!;
      runtime.binary.addNumber(sprite, i - 500, kind.type, kind.order, thread);
    }
  });
  // Not timed: handing the built message to the reader goes through a data: URL once.
  runtime.binary.readFrom(sprite, runtime.binary.dataUrl(sprite, thread), thread);
  const readMs = time(() => {
    for (let i = 0; i < count; i += 1) {
      const kind = MIX[i % MIX.length]!;
      const value = runtime.binary.read(sprite, kind.type, kind.order, thread);
      if (typeof value === "number") sum += value;
    }
  });
  return { ms: writeMs + readMs, sum };
}

/** The same with the runtime's writer and reader alone (BinaryWriter, BinaryReader): the rules without the blocks' look-up of the script. */
function withWriterAndReader(count: number): { ms: number; sum: number } {
  let sum = 0;
  const writer = new BinaryWriter();
  const writeMs = time(() => {
    for (let i = 0; i < count; i += 1) {
      const kind = MIX[i % MIX.length]!;
      writer.writeNumber(kind.type, i - 500, kind.little);
    }
  });
  const reader = new BinaryReader(writer.bytes());
  const readMs = time(() => {
    for (let i = 0; i < count; i += 1) {
      const kind = MIX[i % MIX.length]!;
      const value = reader.readNumber(kind.type, kind.little);
      if (typeof value === 'number') sum += value;
    }
  });
  return { ms: writeMs + readMs, sum };
}

/**
 * Writing and reading 1,000,000 mixed values vs DataView directly (goal ≥ 0.3×): with the
 * runtime's writer and reader, and through the blocks' methods (`runtime.binary`, each call
 * also finding the running script's message), timed in alternating rounds beside DataView.
 */
export function binaryValuesSpeed(): Row[] {
  const COUNT = 1_000_000;
  const setup = blocks();
  const rules: number[] = [];
  const facet: number[] = [];
  const direct: number[] = [];
  let agree = true;
  for (let round = 0; round < 9; round += 1) {
    let expected = 0;
    direct.push(time(() => (expected = withDataView(COUNT))));
    const pure = withWriterAndReader(COUNT);
    const through = withBlocks(COUNT, setup);
    agree &&= pure.sum === expected && through.sum === expected;
    rules.push(pure.ms);
    facet.push(through.ms);
  }
  setup.runtime.dispose();
  const rate = (ms: number) => `${((2 * COUNT) / (ms / 1000) / 1e6).toFixed(1)} M`;
  const row = (name: string, times: number[]): Row => {
    const ratio = median(direct.map((ms, i) => ms / times[i]!));
    return {
      figure: `${name}: write+read of 1,000,000 mixed values vs DataView directly${agree ? '' : ' (VALUES DIFFER)'}`,
      value: `${ratio.toFixed(2)}× (${rate(median(times))} vs ${rate(median(direct))} values/s)`,
      target: '≥ 0.3×',
      met: agree && ratio >= 0.3,
    };
  };
  return [row('binary writer and reader', rules), row('binary blocks (runtime.binary)', facet)];
}

/**
 * Building a message of 64 KiB, 256 KiB and 1 MiB value by value (uint32s), each by a new
 * script (a fresh message, grown from empty): time per KiB at each size. The sizes are timed
 * in turn within each round, so drift on a shared machine falls on all alike; the figure is
 * the ratio of each size's fastest round, 1 MiB to 64 KiB.
 */
export function buildingGrowth(): Row {
  const { runtime, sprite } = blocks();
  const sizes = [64 * 1024, 256 * 1024, 1024 * 1024];
  const perKiB: number[][] = sizes.map(() => []);
  const build = (size: number) => {
    const thread = new MemoryThread('script', sprite, Infinity);
    const ms = time(() => {
      for (let i = 0; i < size / 4; i += 1) runtime.binary.addNumber(sprite, i, 'uint32', 'big endian', thread);
    });
    if (runtime.binary.length(sprite, thread) !== size) throw new Error(`built ${runtime.binary.length(sprite, thread)} bytes, not ${size}`);
    return ms / (size / 1024);
  };
  for (let round = 0; round < 15; round += 1) sizes.forEach((size, i) => perKiB[i]!.push(build(size)));
  runtime.dispose();
  // The fastest round of each size: a 1 MiB build takes 16 times as long as a 64 KiB one, so
  // it meets 16 times as many pauses of a loaded machine (and of the collector for the rest
  // of the process); the fastest round is the build's own cost.
  const fastest = perKiB.map((times) => Math.min(...times));
  const ratio = fastest[2]! / fastest[0]!;
  return {
    figure: 'building 64 KiB, 256 KiB, 1 MiB value by value: time per KiB (fastest of 15), 1 MiB vs 64 KiB',
    value: `${ratio.toFixed(2)}× (${fastest.map((ms) => (ms * 1000).toFixed(1)).join(', ')} µs per KiB)`,
    target: '≤ 1.5× (linear)',
    met: ratio <= 1.5,
  };
}
