import { describe, expect, it } from 'vitest';
import { formatProblem, generate } from '../src/index.js';
import { fixtureContext, localeFixture, readFixture } from './support.js';

const JA = 'tools/codegen/test/fixtures/l10n/ja.yaml';
const ja = readFixture('l10n/ja.yaml');

/** The ja fixture with `from` replaced by `to` (which must occur exactly once). */
function editedJa(from: string, to: string): string {
  if (ja.split(from).length !== 2) throw new Error(`fixture edit '${from}' must match exactly once`);
  return ja.replace(from, to);
}

function problems(...locales: Array<ReturnType<typeof localeFixture>>): string[] {
  const result = generate(fixtureContext('full.yaml', { translations: locales }));
  if (result.ok) throw new Error('expected the translations to be rejected');
  return result.problems.map(formatProblem);
}

describe('checking translations against the spec', () => {
  it('reports an id the spec does not have, at the id', () => {
    expect(problems(localeFixture('ja', `${ja}  block.noSuchBlock:\n    source: x\n    text: y\n`))).toEqual([
      `${JA}:25:3 texts.block.noSuchBlock: unknown id 'block.noSuchBlock': the spec has no such text (ids are extension.name, block.<opcode>, menu.<menu>.<value>, label.<id>)`,
    ]);
  });

  it('reports a translation whose placeholders differ from the English', () => {
    expect(problems(localeFixture('ja', editedJa('text: "[URL] に接続する"', 'text: "[ADDRESS] に接続する"')))).toEqual([
      `${JA}:9:11 texts.block.connectTo.text: placeholders [ADDRESS] differ from the English text's [URL] ('connect to [URL]')`,
    ]);
  });

  it('reports a translation that drops a placeholder', () => {
    expect(problems(localeFixture('ja', editedJa('text: コード [CODE] で閉じる', 'text: 閉じる')))).toEqual([
      `${JA}:15:11 texts.block.closeWith.text: placeholders [] differ from the English text's [CODE] ('close with code [CODE]')`,
    ]);
  });

  it('reports a locale that is not the file name', () => {
    expect(problems(localeFixture('ja', editedJa('locale: ja', 'locale: ko')))).toEqual([`${JA}:2:9 locale: locale 'ko' does not match the file name (ja.yaml)`]);
  });

  it('reports a file that is not a locale file, with the YAML problem located', () => {
    expect(problems(localeFixture('ja', 'locale: ja\ntexts: [\n'))).toHaveLength(1);
    expect(problems(localeFixture('ja', 'locale: ja\ntexts:\n  extension.name:\n    text: x\n'))).toEqual([`${JA}:4:5 texts.extension.name.source: missing key 'source' (expected string)`]);
  });

  it('refuses braces in a translation, which TurboWarp would read as placeholders', () => {
    expect(problems(localeFixture('ja', editedJa('text: フルソケット', 'text: "{name}"')))).toEqual([
      `${JA}:6:11 texts.extension.name.text: expected one line of text without { or } (no line breaks or control characters)`,
    ]);
  });

  it('counts missing and stale translations per locale, in locale order', () => {
    const de = localeFixture('de', 'locale: de\ntexts:\n  extension.name:\n    source: Full Socket\n    text: Voller Sockel\n');
    const result = generate(fixtureContext('full.yaml', { translations: [localeFixture('ja'), { ...de, path: de.path, displayPath: de.displayPath }] }));
    expect(result.ok && result.translationSummary).toEqual(['de: 15 missing, 0 stale', 'ja: 9 missing, 1 stale']);
  });

  it('writes each translation under `_` + its English text, the id TurboWarp looks it up by', () => {
    const result = generate(fixtureContext('full.yaml', { translations: [localeFixture('ja')] }));
    const text = result.ok ? (result.files.find((file) => file.path.endsWith('translations.ts'))?.text ?? '') : '';
    expect(text).toContain("    '_connect to [URL]': '[URL] に接続する',\n");
    // A stale translation is still shown (its placeholders match), under the current English.
    expect(text).toContain("    '_close with code [CODE]': 'コード [CODE] で閉じる',\n");
  });
});
