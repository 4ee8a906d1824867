import { CodeBlockWriter } from 'ts-morph';
import { lineCommentBanner } from './banner.js';
import { literal } from './literal.js';
import type { SpecModel } from './model.js';
import { translatableTexts, type LocaleTranslations } from './translations.js';

/**
 * Emits apps/extension/src/generated/translations.ts: the object the standalone extension
 * hands to `Scratch.translate.setup()` before it registers. A separate module, so a build
 * that must not carry our translations (the gallery's) simply does not import it.
 *
 * TurboWarp's `Scratch.translate('connect to [URL]')` looks the text up through
 * format-message, in `translations[locale]` under the id `_` + the English text (its
 * generateId), with the locale the editor reports (`vm.getLocale()`: `ja`, `pt-br`, `zh-cn`).
 * So each stable id of our locale files is written under the current English text it
 * stands for; a missing one falls back to English.
 */
export function emitTranslations(spec: SpecModel, locales: readonly LocaleTranslations[], specFile: string): string {
  const english = new Map(translatableTexts(spec).map((text) => [text.id, text.english]));
  const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2, useSingleQuote: true });
  writer.writeLine(lineCommentBanner(specFile));
  writer.writeLine('/** Per locale, `_` + English text → translated text, as `Scratch.translate.setup()` takes them. */');
  writer.write('export const TRANSLATIONS: Record<string, Record<string, string>> = {').newLine();
  writer.indent(() => {
    for (const locale of locales) {
      writer.write(`${literal(locale.locale)}: {`).newLine();
      writer.indent(() => {
        // Two ids with one English text share a key (translations.ts makes them agree): write it once.
        const written = new Set<string>();
        for (const [id, source] of english) {
          const text = locale.texts.get(id);
          if (text === undefined || written.has(source)) continue;
          written.add(source);
          writer.writeLine(`${literal(`_${source}`)}: ${literal(text)},`);
        }
      });
      writer.writeLine('},');
    }
  });
  writer.writeLine('};');
  return writer.toString();
}
