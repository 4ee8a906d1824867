import { describe, expect, it } from 'vitest';
import { formatProblem, generate } from '../src/index.js';
import { fixtureContext, readFixture } from './support.js';

/**
 * `usesTarget: false`: a block whose handler needs no sprite (a pure conversion) calls it with
 * its arguments only. full.yaml's `textOf` is one; the golden tests show the emitted method.
 */
const SPEC = 'tools/codegen/test/fixtures/full.yaml';
const RUNTIME = 'tools/codegen/test/fixtures/runtime/runtime.ts';
const full = readFixture('full.yaml');
const runtime = readFixture('runtime/runtime.ts');

function edited(text: string, from: string, to: string): string {
  if (text.split(from).length !== 2) throw new Error(`fixture edit '${from}' must match exactly once`);
  return text.replace(from, to);
}

function problems(overrides: { specText?: string; runtimeText?: string }): string[] {
  const result = generate(fixtureContext('full.yaml', overrides));
  if (result.ok) throw new Error('expected the spec to be rejected');
  return result.problems.map(formatProblem);
}

describe('pure handlers (usesTarget: false)', () => {
  it('accepts a pure handler that takes the arguments only', () => {
    expect(generate(fixtureContext('full.yaml')).ok).toBe(true);
  });

  it('reports a pure handler that still takes a target, saying the spec implies none', () => {
    const withTarget = edited(runtime, 'textOfDataUrl(data: string)', 'textOfDataUrl(target: Target, data: string)');
    expect(problems({ runtimeText: withTarget })).toEqual([
      `${SPEC}:106:18 blocks[2].blocks[3].handler: handler 'textOfDataUrl' for opcode 'textOf' takes (target: Target, data: string), but the spec implies (DATA: string) (usesTarget: false: no target, no thread)`,
    ]);
  });

  it('reports a pure handler that takes the thread, which it has no use for', () => {
    const withThread = edited(runtime, 'textOfDataUrl(data: string)', 'textOfDataUrl(data: string, thread?: Thread)');
    expect(problems({ runtimeText: withThread })).toEqual([
      `${SPEC}:106:18 blocks[2].blocks[3].handler: handler 'textOfDataUrl' for opcode 'textOf' takes (data: string, thread?: Thread), but the spec implies (DATA: string) (usesTarget: false: no target, no thread)`,
    ]);
  });

  it('reports a handler without a target when the block does not say usesTarget: false', () => {
    const specText = edited(full, '        usesTarget: false\n', '');
    expect(problems({ specText })).toEqual([
      `${SPEC}:106:18 blocks[2].blocks[3].handler: handler 'textOfDataUrl' for opcode 'textOf' takes (data: string), but the spec implies (target: Target, DATA: string, thread?: Thread)`,
    ]);
  });

  it('reports usesTarget on a hat, which has no handler, at the key', () => {
    const specText = edited(full, '        text: when open\n', '        text: when open\n        usesTarget: false\n');
    expect(problems({ specText })).toEqual([
      `${SPEC}:63:9 blocks[1].blocks[0].usesTarget: a event block has no handler, so it has no usesTarget: the runtime starts it for a sprite`,
    ]);
  });

  it('reports usesTarget on a label as a key labels do not have', () => {
    const specText = edited(full, '        text: Closing\n', '        text: Closing\n        usesTarget: false\n');
    expect(problems({ specText })).toEqual([`${SPEC}:84:9 blocks[2].blocks[0].usesTarget: unknown key 'usesTarget'`]);
  });

  it('reports a usesTarget that is not true or false', () => {
    const specText = edited(full, '        usesTarget: false\n', '        usesTarget: no\n');
    expect(problems({ specText })).toEqual([`${SPEC}:107:21 blocks[2].blocks[3].usesTarget: expected boolean, received string`]);
  });

  it(`names the handler check's file when the runtime lacks the pure handler`, () => {
    const without = edited(runtime, '  textOfDataUrl(data: string): string { return data; }\n', '');
    expect(problems({ runtimeText: without })).toEqual([
      `${SPEC}:106:18 blocks[2].blocks[3].handler: runtime has no handler 'textOfDataUrl' for opcode 'textOf' (WebSocketRuntime in ${RUNTIME})`,
    ]);
  });
});
