import { describe, expect, it } from 'vitest';
import { formatProblem, generate, type GenerateContext } from '../src/index.js';
import { fixtureContext, loadExtension, localeFixture, readFixture, FIXTURE_OUTPUTS } from './support.js';

// Issue 20, G5–G7: what the loader makes of keys JavaScript treats specially, aliases without
// an anchor, old Mac line endings, and characters a terminal would obey.

const SPEC = 'tools/codegen/test/fixtures/minimal.yaml';
const JA = 'tools/codegen/test/fixtures/l10n/ja.yaml';
const minimal = readFixture('minimal.yaml');
const PROTO = "key '__proto__' is not allowed: JavaScript takes it for an object's prototype, so its value would be lost";

function edited(from: string, to: string): string {
  if (minimal.split(from).length !== 2) throw new Error(`fixture edit '${from}' must match exactly once`);
  return minimal.replace(from, to);
}

function problems(context: GenerateContext): string[] {
  const result = generate(context);
  if (result.ok) throw new Error('expected the spec to be rejected');
  return result.problems.map(formatProblem);
}

const specProblems = (specText: string): string[] => problems(fixtureContext('minimal.yaml', { specText }));

describe('loading a spec', () => {
  it('refuses a menu named __proto__ at its key, instead of generating a getInfo() without it (G5)', () => {
    const spec = edited('          PAYLOAD:\n            type: string\n', '          PAYLOAD:\n            type: string\n            menu: __proto__\n').replace(
      '\nblocks:\n',
      '\nmenus:\n  __proto__:\n    acceptReporters: true\n    items:\n      - { value: a, text: A }\nblocks:\n',
    );
    expect(specProblems(spec)).toEqual([`${SPEC}:19:3: YAML: ${PROTO}`]);
  });

  it('refuses a translation id __proto__ at its key, instead of ignoring it (G6)', () => {
    const ja = `${readFixture('l10n/ja.yaml')}  __proto__:\n    source: x\n    text: y\n`;
    expect(problems(fixtureContext('full.yaml', { translations: [localeFixture('ja', ja)] }))).toEqual([`${JA}:25:3: YAML: ${PROTO}`]);
  });

  it('reports an alias whose anchor is not defined before it as such, at the alias (G7)', () => {
    expect(specProblems(edited('  by: codegen tests\n', '  by: *nope\n'))).toEqual([
      `${SPEC}:8:7: YAML: alias *nope has no anchor &nope before it (an alias repeats a value marked with its anchor earlier in the file)`,
    ]);
  });

  it('reads a file with old Mac line endings (CR alone) as YAML 1.2 does: the same outputs, problems on the same lines (G7)', () => {
    const asCr = (text: string): string => text.replace(/\n/g, '\r');
    const lf = generate(fixtureContext('minimal.yaml'));
    const cr = generate(fixtureContext('minimal.yaml', { specText: asCr(minimal) }));
    expect(cr.ok ? cr.files : cr.problems.map(formatProblem)).toEqual(lf.ok ? lf.files : []);
    expect(specProblems(asCr(edited('  color1: "#123abc"', '  color1: red')))).toEqual([`${SPEC}:5:11 extension.color1: expected a colour written #rrggbb`]);
  });

  it('prints escape, bell and other control characters of a key as escapes, never raw to the terminal (G7)', () => {
    const found = specProblems(edited('  by: codegen tests\n', '  by: codegen tests\n  "\\e]0;pwned\\a\\e[2J\\u202eX\\u0085": 1\n'));
    expect(found).toEqual([`${SPEC}:9:3 extension.\\x1b]0;pwned\\x07\\x1b[2J\\u202eX\\x85: unknown key '\\x1b]0;pwned\\x07\\x1b[2J\\u202eX\\x85'`]);
  });

  it('still generates a spec whose menu is named like an Object member other than __proto__', () => {
    const spec = edited('          PAYLOAD:\n            type: string\n', '          PAYLOAD:\n            type: string\n            menu: toString\n').replace(
      '\nblocks:\n',
      '\nmenus:\n  toString:\n    acceptReporters: true\n    items:\n      - { value: a, text: A }\nblocks:\n',
    );
    const result = generate(fixtureContext('minimal.yaml', { specText: spec }));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const source = result.files.find((file) => file.path === FIXTURE_OUTPUTS.extension)?.text ?? '';
    const info = loadExtension(source).getInfo() as { menus?: Record<string, unknown> };
    expect(Object.keys(info.menus ?? {})).toEqual(['toString']);
  });
});
