import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../src/index.js';
import { FIXTURE_OUTPUTS, fixtureContext, readFixture } from './support.js';

const scratch = mkdtempSync(join(tmpdir(), 'codegen-add-block-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const NEW_BLOCK = `
      - opcode: lastError
        blockType: reporter
        text: last error of [KIND]
        arguments:
          KIND:
            type: string
            default: any
        disableMonitor: true
        handler: errorMessage
        docs: |
          Why the connection last failed.
`;

describe('adding a block to a copy of a fixture', () => {
  // The workflow the README describes: edit the YAML, add the handler, regenerate.
  const specPath = join(scratch, 'spec.yaml');
  const runtimePath = join(scratch, 'runtime.ts');
  writeFileSync(specPath, readFixture('minimal.yaml').replace('        handler: closeCode\n', `        handler: closeCode\n${NEW_BLOCK.slice(1)}`));
  writeFileSync(
    runtimePath,
    readFixture('runtime/runtime.ts').replace('  close(target: Target, thread?: Thread): void {}', "  close(target: Target, thread?: Thread): void {}\n  errorMessage(target: Target, kind: string, thread?: Thread): string { return ''; }"),
  );

  it('fails the handler check until the runtime has the handler', () => {
    const result = generate(fixtureContext('minimal.yaml', { specText: readFileSync(specPath, 'utf8') }));
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual([
      "runtime has no handler 'errorMessage' for opcode 'lastError' (WebSocketRuntime in tools/codegen/test/fixtures/runtime/runtime.ts)",
    ]);
  });

  it('builds once the handler exists, with a method, a docs section and a skeleton for the block', () => {
    const result = generate(fixtureContext('minimal.yaml', { specText: readFileSync(specPath, 'utf8'), runtimeText: readFileSync(runtimePath, 'utf8') }));
    if (!result.ok) throw new Error(`expected success, got ${result.problems.map((problem) => problem.message).join('; ')}`);
    const output = new Map(result.files.map((file) => [file.path, file.text]));
    expect(output.get(FIXTURE_OUTPUTS.extension)).toContain(
      '  lastError(args: { KIND: unknown }, util: BlockUtility<Target, Thread>) {\n' +
        '    return this.runtime.errorMessage(util.target, this.scratch.Cast.toString(args.KIND), util.thread);\n',
    );
    expect(output.get(FIXTURE_OUTPUTS.docsMarkdown)).toContain('```scratch\n(last error of [any] :: #123abc)\n```\n\nWhy the connection last failed.\n');
    expect(output.get(FIXTURE_OUTPUTS.docsHtml)).toContain('<pre class="blocks">(last error of [any] :: #123abc)</pre>\n<p>Why the connection last failed.</p>');
    const skeleton = output.get(`${FIXTURE_OUTPUTS.blockTests}/lastError.test.ts`);
    expect(skeleton).toContain("    expect(blockInfo('lastError')).toEqual({");
    expect(skeleton).toContain("        KIND: { type: 'string', defaultValue: 'any' },");
    expect(skeleton).toContain("    expect.fail('describe how lastError behaves');");
  });
});
