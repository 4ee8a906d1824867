/**
 * The binary blocks in the real VM (CONTRACT.md, Building and reading binary messages):
 * writing and reading 100,000 mixed values (uint8, uint16 big endian, int16 little endian,
 * uint32 big endian, in turn) in one loop run without screen refresh, side by side in one
 * project with the same values written and read today's way: bytes worked out with `mod` and
 * `floor`, joined into text for `data URL of bytes`, and read back from `bytes of data URL`
 * letter by letter. Goal: the binary blocks at least 20× as fast. Both loops sum what they
 * read, and the sums must be the values written, or the run is a failure. A third loop makes
 * as many calls of `connection name`, which does next to nothing: the cost of calling any
 * extension block in TurboWarp (its compatibility layer), the floor under the first figure.
 */
import type { BrowserContext } from 'playwright-core';
import { within } from '@scratch-websocket/test-support';
import { VmPage } from '../src/browser/vm-page';
import { block, list, variable, type BlockNode, type InputValue } from '../src/sb3/blocks';
import { addToList, callProcedure, changeVariable, defineProcedure, deleteAllOfList, equals, ifThen, itemOfList, join, letterOf, lengthOf, repeat, setVariable, whenFlagClicked } from '../src/sb3/core';
import { ProjectBuilder } from '../src/sb3/project';
import { toSb3 } from '../src/sb3/sb3-file';
import { EXTENSION_ID, specHasBlock, websocket } from '../src/sb3/websocket';
import type { StaticServer } from '../src/server/static-server';

/** Loop turns; each writes (then reads) 4 values. */
const TURNS = 25_000;
const VALUES = 4 * TURNS;
const SPRITE = 'Bench';
const BLOCKS = ['addNumber', 'readNumber', 'readFrom', 'binaryMessageDataUrl', 'startBinaryMessage'] as const;
/** Both loops run without screen refresh, so the page is blocked until they end. */
const RUN_TIMEOUT_MS = 180_000;

const v = variable;
const times = (a: InputValue, b: InputValue): BlockNode => block('operator_multiply', { inputs: { NUM1: a, NUM2: b } });
const plus = (a: InputValue, b: InputValue): BlockNode => block('operator_add', { inputs: { NUM1: a, NUM2: b } });
const minus = (a: InputValue, b: InputValue): BlockNode => block('operator_subtract', { inputs: { NUM1: a, NUM2: b } });
const divide = (a: InputValue, b: InputValue): BlockNode => block('operator_divide', { inputs: { NUM1: a, NUM2: b } });
const mod = (a: InputValue, b: InputValue): BlockNode => block('operator_mod', { inputs: { NUM1: a, NUM2: b } });
const floor = (a: InputValue): BlockNode => block('operator_mathop', { fields: { OPERATOR: 'floor' }, inputs: { NUM: a } });
/** Byte `n` (0 = lowest) of the whole number in `i`, today's way. */
const byteOf = (n: number): BlockNode => mod(n === 0 ? v('i') : floor(divide(v('i'), 256 ** n)), 256);
const withSpace = (value: InputValue): BlockNode => join(value, ' ');
const appendBytes = (...bytes: BlockNode[]): BlockNode =>
  setVariable('text', join(v('text'), bytes.map(withSpace).reduce((all, next) => join(all, next))));
const item = (offset: number): BlockNode => itemOfList(offset === 0 ? v('k') : plus(v('k'), offset), 'bytes');
/**
 * `days since 2000`, read live from the clock: the `timer` block gives the time of the frame's
 * start in TurboWarp, so it does not move within a loop without screen refresh.
 */
const now = (): BlockNode => block('sensing_dayssince2000');
const elapsedMs = (): BlockNode => times(minus(now(), v('t0')), 86_400_000);

const MIX = [
  ['uint8', 'big endian'],
  ['uint16', 'big endian'],
  ['int16', 'little endian'],
  ['uint32', 'big endian'],
] as const;

function project(extensionURL: string): ProjectBuilder {
  const builder = new ProjectBuilder({ [EXTENSION_ID]: extensionURL });
  const sprite = builder.sprite(SPRITE).list('bytes');
  for (const name of ['i', 'k', 'sum', 'text', 'bytes text', 'num', 'c', 't0', 'binary ms', 'today ms', 'binary sum', 'today sum', 'calls ms', 'done']) sprite.variable(name, 0);
  sprite.script(
    ...defineProcedure('binary way', { warp: true }, [
      setVariable('t0', now()),
      websocket('startBinaryMessage'),
      setVariable('i', 0),
      repeat(TURNS, [...MIX.map(([type, order]) => websocket('addNumber', v('i'), type, order)), changeVariable('i', 1)]),
      websocket('readFrom', websocket('binaryMessageDataUrl')),
      websocket('startBinaryMessage'),
      setVariable('sum', 0),
      repeat(TURNS, MIX.map(([type, order]) => changeVariable('sum', websocket('readNumber', type, order)))),
      setVariable('binary ms', elapsedMs()),
      setVariable('binary sum', v('sum')),
    ]),
  );
  sprite.script(
    ...defineProcedure("today's way", { warp: true }, [
      setVariable('t0', now()),
      setVariable('text', ''),
      setVariable('i', 0),
      repeat(TURNS, [
        appendBytes(byteOf(0)),
        appendBytes(byteOf(1), byteOf(0)),
        appendBytes(byteOf(0), byteOf(1)),
        appendBytes(byteOf(3), byteOf(2), byteOf(1), byteOf(0)),
        changeVariable('i', 1),
      ]),
      setVariable('bytes text', websocket('bytesOfDataUrl', websocket('dataUrlOfBytes', v('text')))),
      deleteAllOfList('bytes'),
      setVariable('num', ''),
      setVariable('k', 1),
      repeat(lengthOf(v('bytes text')), [
        setVariable('c', letterOf(v('k'), v('bytes text'))),
        block('control_if_else', {
          inputs: { CONDITION: equals(v('c'), ' ') },
          substacks: { SUBSTACK: [addToList('bytes', v('num')), setVariable('num', '')], SUBSTACK2: [setVariable('num', join(v('num'), v('c')))] },
        }),
        changeVariable('k', 1),
      ]),
      ifThen(block('operator_not', { inputs: { OPERAND: equals(v('num'), '') } }), [addToList('bytes', v('num'))]),
      setVariable('sum', 0),
      setVariable('k', 1),
      repeat(TURNS, [
        changeVariable('sum', item(0)),
        changeVariable('sum', plus(times(item(1), 256), item(2))),
        changeVariable('sum', plus(item(3), times(item(4), 256))),
        changeVariable('sum', plus(times(plus(times(plus(times(item(5), 256), item(6)), 256), item(7)), 256), item(8))),
        changeVariable('k', 9),
      ]),
      setVariable('today ms', elapsedMs()),
      setVariable('today sum', v('sum')),
    ]),
  );
  // The floor: the same number of calls of an extension reporter that does next to nothing.
  sprite.script(
    ...defineProcedure('extension calls', { warp: true }, [
      setVariable('t0', now()),
      setVariable('sum', 0),
      repeat(2 * VALUES, [changeVariable('sum', lengthOf(websocket('connectionName')))]),
      setVariable('calls ms', elapsedMs()),
    ]),
  );
  sprite.script(
    whenFlagClicked(),
    callProcedure('binary way', { warp: true }),
    callProcedure("today's way", { warp: true }),
    callProcedure('extension calls', { warp: true }),
    setVariable('done', 1),
  );
  return builder;
}

/** The sum both loops must read: each turn's four values. */
function expectedSum(): number {
  let sum = 0;
  for (let i = 0; i < TURNS; i += 1) sum += (i % 256) + i + i + i;
  return sum;
}

export interface BinaryBenchResult {
  /** Why it could not be measured, or null. */
  failure: string | null;
  binaryMs?: number;
  todayMs?: number;
  /** The same number of block calls (2 per value) of `connection name`: what TurboWarp's call of any extension block costs. */
  callsMs?: number;
}

/** Runs the project in its own page at `framerate`; bounded throughout. */
export async function measureBinary(context: BrowserContext, server: StaticServer, framerate: number): Promise<BinaryBenchResult> {
  const missing = BLOCKS.filter((opcode) => !specHasBlock(opcode));
  if (missing.length > 0) return { failure: `not run: specs/websocket.yaml has no ${missing.join(', ')}` };
  let vm: VmPage | undefined;
  try {
    vm = await within(VmPage.open(context, server, { framerate, watchSockets: false }), 'the VM page to open', 30_000);
    await within(vm.loadProject('bench-binary', await toSb3(project(server.extensionURL))), 'the binary project to load', 30_000);
    const registered = new Set(((await vm.extensionInfo(EXTENSION_ID))?.blocks ?? []).map(({ info }) => (typeof info === 'string' ? info : String(info.opcode))));
    const unbuilt = BLOCKS.filter((opcode) => !registered.has(opcode));
    if (unbuilt.length > 0) return { failure: `not run: the built extension has no ${unbuilt.join(', ')} (rebuild it)` };
    await vm.startFrames();
    await vm.greenFlag();
    await vm.waitForVariable('done', 1, SPRITE, RUN_TIMEOUT_MS);
    const read = async (name: string) => Number(await vm!.variable(name, SPRITE));
    const [binarySum, todaySum, binaryMs, todayMs, callsMs] = await Promise.all(['binary sum', 'today sum', 'binary ms', 'today ms', 'calls ms'].map(read));
    const expected = expectedSum();
    if (binarySum !== expected || todaySum !== expected) return { failure: `sums read back: binary ${binarySum}, today ${todaySum}, written ${expected}` };
    if (vm.pageErrors.length > 0) return { failure: `the page reported: ${vm.pageErrors.join('; ')}` };
    return { failure: null, binaryMs: binaryMs!, todayMs: todayMs!, callsMs: callsMs! };
  } catch (error) {
    return { failure: error instanceof Error ? error.message : String(error) };
  } finally {
    await within(vm?.close() ?? Promise.resolve(), 'the page to close', 5_000).catch(() => undefined);
  }
}

/** Prints the comparison and its verdict; returns whether the run could not be measured. */
export function printBinary(result: BinaryBenchResult): boolean {
  console.log(`\nIn the real VM: ${VALUES.toLocaleString('en')} mixed values written and read back in one loop without screen refresh.\n`);
  if (result.failure !== null) {
    console.log(`binary blocks vs today's way: FAILED: ${result.failure}`);
    return true;
  }
  const rate = (ms: number) => Math.round((VALUES * 1000) / Math.max(ms, 1)).toLocaleString('en');
  const ratio = result.todayMs! / Math.max(result.binaryMs!, 1);
  const rows = [
    ['run', 'time', 'values/s', 'vs today', 'goal'],
    ['binary blocks (add … to binary message, read …)', `${result.binaryMs!.toFixed(0)} ms`, rate(result.binaryMs!), `${ratio.toFixed(1)}×`, `≥ 20×: ${ratio >= 20 ? 'met' : 'NOT met'}`],
    ["today's way (mod/floor + join, data URL of bytes, letters)", `${result.todayMs!.toFixed(0)} ms`, rate(result.todayMs!), '1.0×', ''],
    [`floor: ${(2 * VALUES).toLocaleString('en')} calls of (connection name)`, `${result.callsMs!.toFixed(0)} ms`, rate(result.callsMs!), `${(result.todayMs! / Math.max(result.callsMs!, 1)).toFixed(1)}×`, 'report'],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ').trimEnd());
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  }
  return false;
}
