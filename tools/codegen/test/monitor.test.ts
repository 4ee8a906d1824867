import { describe, expect, it } from 'vitest';
import { formatProblem, generate } from '../src/index.js';
import { FIXTURE_OUTPUTS, fixtureContext, loadExtension, readFixture } from './support.js';

const SPEC = 'tools/codegen/test/fixtures/full.yaml';

/** A reporter with one dropdown field (the fixture's messageKinds menu: text, binary). */
const countBlock = (extra: string): string => `
      - opcode: countOf
        blockType: reporter
        text: count of [KIND] messages
        arguments:
          KIND:
            type: string
            menu: messageKinds
${extra}        handler: countOf
`;

/** The full fixture with `block` added at the end of its last group, and a runtime with its handler. */
function withBlock(block: string) {
  const runtimeText = readFixture('runtime/runtime.ts').replace(
    '  recentMessages(): string[]',
    '  countOf(target: Target, kind: string, thread?: Thread): number { return 0; }\n  recentMessages(): string[]',
  );
  return generate(fixtureContext('full.yaml', { specText: readFixture('full.yaml') + block.slice(1), runtimeText }));
}

function countInfo(block: string): Record<string, unknown> {
  const result = withBlock(block);
  if (!result.ok) throw new Error(`expected the spec to generate, got:\n${result.problems.map(formatProblem).join('\n')}`);
  const extension = result.files.find((file) => file.path === FIXTURE_OUTPUTS.extension)?.text ?? '';
  const info = loadExtension(extension).getInfo().blocks.find((entry) => typeof entry === 'object' && entry.opcode === 'countOf');
  return info as Record<string, unknown>;
}

describe('a reporter whose only arguments are dropdowns', () => {
  it('gets no default for its dropdown when it offers a monitor checkbox, as the VM offers none to a block given one', () => {
    for (const block of [countBlock(''), countBlock('            default: text\n')]) {
      const info = countInfo(block);
      expect(info.arguments).toEqual({ KIND: { type: 'string', menu: 'messageKinds' } });
      expect(info.disableMonitor).toBe(false);
    }
  });

  it('keeps its default when disableMonitor is true', () => {
    expect(countInfo(countBlock('').replace('        handler: countOf\n', '        disableMonitor: true\n        handler: countOf\n'))).toMatchObject({
      arguments: { KIND: { type: 'string', menu: 'messageKinds', defaultValue: 'text' } },
      disableMonitor: true,
    });
  });

  it('writes the same arguments into its test skeleton', () => {
    const result = withBlock(countBlock(''));
    const skeleton = result.ok ? result.files.find((file) => file.path === `${FIXTURE_OUTPUTS.blockTests}/countOf.test.ts`)?.text : undefined;
    expect(skeleton).toContain("        KIND: { type: 'string', menu: 'messageKinds' },\n");
    expect(skeleton).toContain('      disableMonitor: false,\n');
  });

  it("is an error, with its line and column, when it offers a monitor and its dropdown's default is not the menu's first item", () => {
    const result = withBlock(countBlock('            default: binary\n'));
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      `${SPEC}:118:22 blocks[2].blocks[4].arguments.KIND.default: this block offers a monitor checkbox, so its dropdown shows the menu's first item ('text'), not 'binary': ` +
        'the VM offers no checkbox to a block whose dropdown is given a default (put that item first, or set disableMonitor: true)',
    ]);
  });
});

describe('a reporter with a slot for a value', () => {
  it('keeps its default whatever disableMonitor says (the VM offers it no checkbox anyway)', () => {
    const block = countBlock('').replace('            menu: messageKinds\n', '            default: text\n');
    expect(countInfo(block)).toMatchObject({ arguments: { KIND: { type: 'string', defaultValue: 'text' } }, disableMonitor: false });
  });
});
