import { describe, expect, it } from 'vitest';
import { formatProblem, generate, type GenerateResult } from '../src/index.js';
import { FIXTURE_OUTPUTS, fixtureContext, loadExtension, readFixture } from './support.js';

const SPEC = 'tools/codegen/test/fixtures/minimal.yaml';
const minimal = readFixture('minimal.yaml');

/** The minimal fixture with `from` replaced by `to` (which must occur exactly once). */
function edited(from: string, to: string): string {
  if (minimal.split(from).length !== 2) throw new Error(`fixture edit '${from}' must match exactly once`);
  return minimal.replace(from, to);
}

function run(specText: string): GenerateResult {
  return generate(fixtureContext('minimal.yaml', { specText }));
}

function problems(specText: string): string[] {
  const result = run(specText);
  if (result.ok) throw new Error('expected the spec to be rejected');
  return result.problems.map(formatProblem);
}

function output(specText: string, path: string): string {
  const result = run(specText);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.files.find((file) => file.path === path)?.text ?? '';
}

const HIJACK = '*/ globalThis.hijacked = true; /*';

describe('a spec cannot break or hijack the generated extension', () => {
  it('keeps a block text that closes a comment and adds code inside the comment: the code never runs, getInfo shows the text', () => {
    const text = `send ${HIJACK} [PAYLOAD]`;
    const source = output(edited('        text: send [PAYLOAD]\n', `        text: "${text}"\n`), FIXTURE_OUTPUTS.extension);
    const sandbox: Record<string, unknown> = {};
    const info = loadExtension(source, sandbox).getInfo();
    expect(sandbox.hijacked).toBeUndefined();
    expect(info.blocks.find((block) => typeof block === 'object' && block.opcode === 'sendIt')).toMatchObject({ text });
  });

  it('does the same for the extension name, which is in the class comment', () => {
    const name = `Fixture ${HIJACK}`;
    const source = output(edited('  name: Fixture Socket\n', `  name: "${name}"\n`), FIXTURE_OUTPUTS.extension);
    const sandbox: Record<string, unknown> = {};
    expect(loadExtension(source, sandbox).getInfo().name).toBe(name);
    expect(sandbox.hijacked).toBeUndefined();
  });

  it.each([
    { kind: 'two lines', yaml: '"two\\nlines"' },
    { kind: 'a carriage return', yaml: '"two\\rlines"' },
    { kind: 'U+2028', yaml: '"two\\u2028lines"' },
    { kind: 'U+2029', yaml: '"two\\u2029lines"' },
  ])('refuses a description with $kind, which would end the bundle header comment', ({ yaml }) => {
    expect(problems(edited("  description: A fixture for the generator's golden tests.\n", `  description: ${yaml}\n`))).toEqual([
      `${SPEC}:7:16 extension.description: expected one line of text (no line breaks or control characters)`,
    ]);
  });

  it('refuses a block text of two lines', () => {
    expect(problems(edited('        text: when closed\n', '        text: "when\\nclosed"\n'))).toEqual([
      `${SPEC}:61:15 blocks[1].blocks[3].text: expected one line of text (no line breaks or control characters)`,
    ]);
  });

  it.each(['{URL}', 'a } b'])('refuses a block text with braces (%s), which Scratch.translate would read as its own placeholders', (text) => {
    expect(problems(edited('        text: when closed\n', `        text: "${text}"\n`))).toEqual([
      `${SPEC}:61:15 blocks[1].blocks[3].text: expected no { or }: Scratch.translate would read them as placeholders`,
    ]);
  });

  it('refuses an argument named 1, which is no property name in generated code', () => {
    expect(problems(edited('send [PAYLOAD]\n        arguments:\n          PAYLOAD:', 'send [1]\n        arguments:\n          "1":'))).toEqual([
      `${SPEC}:37:11 blocks[0].blocks[1].arguments.1: expected an argument name: a letter, then letters, digits and _`,
    ]);
  });

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])('refuses a placeholder [%s] that names no argument', (name) => {
    expect(problems(edited('        text: when closed\n', `        text: when closed [${name}]\n`))).toEqual([
      `${SPEC}:61:15 blocks[1].blocks[3].text: argument [${name}] is used in the text but not defined in arguments`,
    ]);
  });

  it.each(['constructor', 'getInfo', 'toString', 'runtime'])('refuses an opcode %s, which would replace a member of the extension class', (opcode) => {
    expect(problems(edited('      - opcode: code\n', `      - opcode: ${opcode}\n`))).toEqual([
      `${SPEC}:68:17 blocks[1].blocks[5].opcode: opcode '${opcode}' is taken: the extension class or every JavaScript object already has a member of that name`,
    ]);
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd'])('refuses docsURI %s: only a web page may open', (uri) => {
    expect(problems(edited('  docsURI: https://example.com/fixture-socket\n', `  docsURI: "${uri}"\n`))).toEqual([
      `${SPEC}:10:12 extension.docsURI: expected an http(s) URL`,
    ]);
  });
});

describe('a spec that cannot be read gets a located message, never a stack trace', () => {
  it('refuses an alias bomb, pointing at the first alias', () => {
    // Eight levels of ten aliases each: 10^8 strings once expanded.
    const levels = ['&a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 8; level += 1) levels.push(`&a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
    const bomb = edited('  by: codegen tests\n', `  by: [${levels.join(', ')}]\n`);
    expect(problems(bomb)).toEqual([
      `${SPEC}:8:49: YAML: aliases expand to too much data (more than 100 copies); write the values out (Excessive alias count indicates a resource exhaustion attack)`,
    ]);
  });

  it('refuses a tag the YAML core schema does not know, instead of taking it as a string', () => {
    expect(problems(edited('  name: Fixture Socket\n', '  name: !evil Fixture Socket\n'))).toEqual([
      `${SPEC}:4:9: YAML: Unresolved tag: !evil (the spec uses plain YAML values only)`,
    ]);
  });

  it('refuses nesting 10,000 deep with a message that says so', () => {
    const deep = edited('  by: codegen tests\n', `  by: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    const found = problems(deep);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${SPEC.replace(/\./g, '\\.')}:8:\\d+: YAML: nested too deeply to read; a spec needs only a few levels$`));
  });
});

describe('docs prose cannot put markup into the pages', () => {
  const prose = 'Click <img src=x onerror=alert(1)> or [here](javascript:alert(1)) & see `<b>code</b>`.';
  const spec = edited('          Runs on open.\n', `          ${prose}\n`);

  it('escapes raw HTML and links in the Markdown page, leaving code spans as written', () => {
    expect(output(spec, FIXTURE_OUTPUTS.docsMarkdown)).toContain(
      'Click \\<img src=x onerror=alert(1)\\> or \\[here\\](javascript:alert(1)) \\& see `<b>code</b>`.\n',
    );
  });

  it('escapes them in the HTML page', () => {
    expect(output(spec, FIXTURE_OUTPUTS.docsHtml)).toContain(
      '<p>Click &lt;img src=x onerror=alert(1)&gt; or [here](javascript:alert(1)) &amp; see <code>&lt;b&gt;code&lt;/b&gt;</code>.</p>',
    );
  });
});
