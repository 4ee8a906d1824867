import { z } from 'zod';
import type { SourceText } from './context.js';
import { loadSpec } from './load.js';
import { allBlocks, shape, type SpecLocation, type SpecModel } from './model.js';
import { placeholders } from './placeholders.js';
import { locate, ProblemSink, type Problem } from './problems.js';
import { reportSchemaIssue } from './validate.js';

/**
 * Translations live beside the spec, one file per locale (`specs/l10n/ja.yaml`), keyed by
 * stable ids rather than by English text, so that editing an English text does not orphan
 * its translations:
 *
 * - `extension.name`: the extension's name;
 * - `block.<opcode>`: a block's text;
 * - `menu.<menu>.<value>`: a static menu item's text;
 * - `label.<id>`: a palette label's text.
 *
 * Each entry records the English it was made from (`source`), so a changed English text shows
 * its translations as stale.
 */

/** One text the spec shows in the editor, by its stable id. */
export interface TranslatableText {
  id: string;
  english: string;
  location: SpecLocation;
}

export interface LocaleTranslations {
  locale: string;
  /** Stable id → translated text, for the ids the locale translates (stale ones included). */
  texts: Map<string, string>;
  missing: number;
  stale: number;
}

export type TranslationsResult = { ok: true; locales: LocaleTranslations[] } | { ok: false; problems: Problem[] };

/** The locales Scratch's editor names (`ja`, `pt-br`, `zh-cn`): lower case, as `vm.getLocale()` gives them. */
const localeCode = z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, 'expected a locale code in lower case, like ja, pt-br or zh-cn');
/** TurboWarp passes texts through format-message, which would read braces as its own placeholders. */
const translatedText = z
  .string()
  .min(1)
  .regex(/^[^\p{Cc}\u2028\u2029{}]*$/u, 'expected one line of text without { or } (no line breaks or control characters)');
const localeFileSchema = z.strictObject({
  locale: localeCode,
  texts: z.record(z.string(), z.strictObject({ source: z.string(), text: translatedText })),
});

/** Every text of the spec a locale can translate, in the order the spec shows them. */
export function translatableTexts(spec: SpecModel): TranslatableText[] {
  const texts: TranslatableText[] = spec.extension.translateName ? [{ id: 'extension.name', english: spec.extension.name, location: spec.extension.nameLocation }] : [];
  for (const block of allBlocks(spec)) {
    const prefix = shape(block).runs === 'nothing' ? 'label' : 'block';
    texts.push({ id: `${prefix}.${block.opcode}`, english: block.text, location: block.location });
  }
  for (const menu of spec.menus) {
    if (menu.items.kind !== 'static') continue;
    for (const item of menu.items.items) texts.push({ id: `menu.${menu.name}.${item.value}`, english: item.text, location: item.location });
  }
  return texts;
}

/**
 * Reads and checks every locale file against the spec. Errors (each located in its file): a
 * file that is not a locale file, a `locale` that is not the file's name, an id the spec does
 * not have, a translation whose `[PLACEHOLDERS]` differ from the English text's. Missing and
 * stale translations are not errors: they are counted per locale.
 */
export function readTranslations(spec: SpecModel, files: readonly SourceText[]): TranslationsResult {
  const wanted = new Map(translatableTexts(spec).map((text) => [text.id, text]));
  const problems: Problem[] = [];
  const locales: LocaleTranslations[] = [];
  for (const file of files) {
    const loaded = loadSpec(file.text, file.displayPath);
    if (loaded.problems.length > 0) {
      problems.push(...loaded.problems);
      continue;
    }
    const sink = new ProblemSink(file.displayPath, (path, atKey) => locate(loaded.document, loaded.lineCounter, path, atKey));
    const parsed = localeFileSchema.safeParse(loaded.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) reportSchemaIssue(issue, sink, loaded.data);
      problems.push(...sink.problems());
      continue;
    }
    const expectedLocale = localeOfFile(file.path);
    if (parsed.data.locale !== expectedLocale) sink.report(['locale'], `locale '${parsed.data.locale}' does not match the file name (${expectedLocale}.yaml)`);
    const texts = new Map<string, string>();
    // TurboWarp looks a text up by its English (see emit-translations.ts): two ids with the
    // same English text must then have the same translation.
    const byEnglish = new Map<string, { id: string; text: string }>();
    let stale = 0;
    for (const [id, entry] of Object.entries(parsed.data.texts)) {
      const english = wanted.get(id);
      if (english === undefined) {
        sink.report(['texts', id], `unknown id '${id}': the spec has no such text (ids are extension.name, block.<opcode>, menu.<menu>.<value>, label.<id>)`, { atKey: true });
        continue;
      }
      const expected = sortedPlaceholders(english.english);
      const actual = sortedPlaceholders(entry.text);
      if (expected.join() !== actual.join()) {
        sink.report(['texts', id, 'text'], `placeholders [${actual.join('], [')}] differ from the English text's [${expected.join('], [')}] ('${english.english}')`);
        continue;
      }
      const same = byEnglish.get(english.english);
      if (same !== undefined && same.text !== entry.text) {
        sink.report(['texts', id, 'text'], `'${id}' and '${same.id}' have the same English text ('${english.english}'), so TurboWarp can show only one translation for both: make them equal`);
        continue;
      }
      byEnglish.set(english.english, { id, text: entry.text });
      if (entry.source !== english.english) stale += 1;
      texts.set(id, entry.text);
    }
    problems.push(...sink.problems());
    locales.push({ locale: parsed.data.locale, texts, missing: wanted.size - texts.size, stale });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, locales: locales.sort((a, b) => a.locale.localeCompare(b.locale)) };
}

/** `specs/l10n/pt-br.yaml` → `pt-br`. */
function localeOfFile(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.ya?ml$/, '');
}

/** Placeholders compared as a set with repeats: a translation may reorder them, not rename or drop them. */
function sortedPlaceholders(text: string): string[] {
  return placeholders(text).sort();
}

/** `ja: 0 missing, 2 stale`: what the generator prints for each locale. */
export function translationSummary(locale: LocaleTranslations): string {
  return `${locale.locale}: ${locale.missing} missing, ${locale.stale} stale`;
}
