import { describe, expect, it } from 'vitest';
import { formatProblem, generate } from '../src/index.js';
import { FIXTURE_OUTPUTS, fixtureContext, readFixture } from './support.js';

/**
 * The fixture's `send [PAYLOAD]` becomes `send [PAYLOAD] to [TO]`, with TO declared before
 * PAYLOAD in the arguments map: the text, not the map, decides the order.
 */
const specText = readFixture('minimal.yaml')
  .replace('        text: send [PAYLOAD]\n', '        text: send [PAYLOAD] to [TO]\n')
  .replace('        arguments:\n          PAYLOAD:\n            type: string\n', '        arguments:\n          TO:\n            type: string\n            default: everyone\n          PAYLOAD:\n            type: string\n');
const runtime = readFixture('runtime/runtime.ts');

describe('argument order', () => {
  it('hands the handler its arguments in the order of the text, not of the arguments map', () => {
    const result = generate(fixtureContext('minimal.yaml', { specText, runtimeText: runtime.replace('send(target: Target, payload: string, thread?: Thread)', 'send(target: Target, payload: string, to: string, thread?: Thread)') }));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const extension = result.files.find((file) => file.path === FIXTURE_OUTPUTS.extension)?.text ?? '';
    expect(extension).toContain('    return this.runtime.send(util.target, this.scratch.Cast.toString(args.PAYLOAD), this.scratch.Cast.toString(args.TO), util.thread);\n');
    expect(extension).toContain("            PAYLOAD: { type: this.scratch.ArgumentType.STRING, defaultValue: '' },\n            TO: { type: this.scratch.ArgumentType.STRING, defaultValue: 'everyone' },\n");
  });

  it('reports a handler that takes them in the order of the map', () => {
    const result = generate(fixtureContext('minimal.yaml', { specText, runtimeText: runtime.replace('send(target: Target, payload: string, thread?: Thread)', 'send(target: Target, to: string, payload: string, thread?: Thread)') }));
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      "tools/codegen/test/fixtures/minimal.yaml:42:18 blocks[0].blocks[1].handler: handler 'send' for opcode 'sendIt' takes (target: Target, to: string, payload: string, thread?: Thread), but the spec implies (target: Target, PAYLOAD: string, TO: string, thread?: Thread)",
    ]);
  });
});
