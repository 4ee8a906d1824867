import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, generate, readWorkspaceContext, REPO_ROOT, type GenerateContext, type GeneratedFile } from '../src/index.js';
import { undeclaredMarkup } from './gallery-markdown.js';
import { FIXTURE_OUTPUTS, fixtureContext, loadExtension, readFixture } from './support.js';

// Issue 20, G4: line 1 of every output names the spec's path, which the spec's author (or
// whoever named its folder) chose: no path may end that line or its comment.

function files(context: GenerateContext): GeneratedFile[] {
  const result = generate(context);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.files;
}

/** The minimal fixture's outputs, as if the spec were at `path` (from the repository root). */
function filesForSpecAt(path: string): GeneratedFile[] {
  const context = fixtureContext('minimal.yaml');
  return files({ ...context, spec: { ...context.spec, path } });
}

const text = (outputs: GeneratedFile[], path: string): string => outputs.find((file) => file.path === path)?.text ?? '';

const CODE_IN_PATH = 'x\nglobalThis.pwned = "from the path";/*/spec.yaml';
const MARKUP_IN_PATH = 'specs/--><img src=x onerror=alert(1)><!--/spec.yaml';
const scratch = mkdtempSync(join(tmpdir(), 'codegen-banner-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the banner on line 1 of every output', () => {
  it.each([
    { kind: 'a line break and code', path: CODE_IN_PATH },
    { kind: 'a carriage return, U+2028 and U+2029', path: 'a\rb\u2028c\u2029d/spec.yaml' },
    { kind: 'the end of an HTML comment', path: MARKUP_IN_PATH },
  ])('stays line 1 alone for a spec path with $kind, every other line as for a plain path', ({ path }) => {
    const plain = filesForSpecAt('specs/spec.yaml');
    const hostile = filesForSpecAt(path);
    expect(hostile.map((file) => file.path)).toEqual(plain.map((file) => file.path));
    for (const [index, file] of hostile.entries()) {
      expect(file.text.split(/\r\n?|[\n\u2028\u2029]/).slice(1)).toEqual(plain[index]!.text.split('\n').slice(1));
    }
  });

  it('lets no code in the spec path run when the extension loads', () => {
    const sandbox: Record<string, unknown> = {};
    loadExtension(text(filesForSpecAt(CODE_IN_PATH), FIXTURE_OUTPUTS.extension), sandbox);
    expect(sandbox.pwned).toBeUndefined();
  });

  it('lets no markup in the spec path into the Markdown pages', () => {
    const outputs = filesForSpecAt(MARKUP_IN_PATH);
    expect([FIXTURE_OUTPUTS.docsMarkdown, FIXTURE_OUTPUTS.docsGalleryMarkdown].map((path) => undeclaredMarkup(text(outputs, path)))).toEqual([[], []]);
  });

  it('ends its HTML comment only at the end of line 1 of the HTML page', () => {
    const firstLine = text(filesForSpecAt(MARKUP_IN_PATH), FIXTURE_OUTPUTS.docsHtml).split('\n')[0]!;
    expect(firstLine.indexOf('-->')).toBe(firstLine.length - '-->'.length);
    expect(firstLine).not.toMatch(/<img/);
  });

  it('names a spec read from a folder whose name holds a line break and code, without running the code', async () => {
    const folder = join(scratch, 'x\nglobalThis.pwned = "from the folder";', '*');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'spec.yaml'), readFixture('minimal.yaml'));
    const read = await readWorkspaceContext(relative(REPO_ROOT, join(folder, 'spec.yaml')), REPO_ROOT);
    // The fixture's runtime: the real one has handlers the fixture does not name.
    const context = { ...fixtureContext('minimal.yaml'), spec: read.spec };
    const sandbox: Record<string, unknown> = {};
    loadExtension(text(files(context), FIXTURE_OUTPUTS.extension), sandbox);
    expect(sandbox.pwned).toBeUndefined();
  });
});
