import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allBlocks, readSpecModel } from '../src/index.js';

const L10N = fileURLToPath(new URL('../../../specs/l10n/', import.meta.url));

/**
 * How Scratch's own boolean blocks read in each language (the `scratch-l10n` package, editor/blocks:
 * SENSING_MOUSEDOWN, the example given), so ours read the same: a question mark or none, and which one.
 * A new locale says its convention here, or the test below fails.
 */
const CONVENTIONS: Record<string, { rule: RegExp; scratch: string; says: string }> = {
  de: { rule: /^(?!¿).*[^\s?]\?$/, scratch: 'Maustaste gedrückt?', says: 'ends with "?"' },
  es: { rule: /^¿.*[^\s?]\?$/, scratch: '¿ratón presionado?', says: 'is between "¿" and "?"' },
  fi: { rule: /^(?!¿).*[^\s?]\?$/, scratch: 'onko hiiren nappi painettu?', says: 'ends with "?"' },
  fr: { rule: /^(?!¿).*[^\s?] \?$/, scratch: 'souris pressée ?', says: 'ends with " ?" (a space before it)' },
  it: { rule: /^[^?？]*$/, scratch: 'pulsante del mouse premuto', says: 'has no "?"' },
  ja: { rule: /^[^?？]*$/, scratch: 'マウスが押された', says: 'has no "?"' },
  ko: { rule: /^(?!¿).*[^\s?]\?$/, scratch: '마우스를 클릭했는가?', says: 'ends with "?"' },
  'pt-br': { rule: /^(?!¿).*[^\s?]\?$/, scratch: 'mouse pressionado?', says: 'ends with "?"' },
  ru: { rule: /^(?!¿).*[^\s?]\?$/, scratch: 'мышь нажата?', says: 'ends with "?"' },
  'zh-cn': { rule: /^(?!¿).*[^\s?]\?$/, scratch: '按下鼠标?', says: 'ends with the half-width "?"' },
  'zh-tw': { rule: /^(?!¿).*[^\s？]？$/, scratch: '滑鼠鍵被按下？', says: 'ends with the full-width "？"' },
};

const locales = readdirSync(L10N).filter((file) => file.endsWith('.yaml')).map((file) => file.slice(0, -'.yaml'.length));
const booleans = allBlocks(readSpecModel()).filter((block) => block.blockType === 'boolean');

function textsOf(locale: string): Record<string, { text: string }> {
  return (parse(readFileSync(`${L10N}${locale}.yaml`, 'utf8')) as { texts: Record<string, { text: string }> }).texts;
}

describe("boolean blocks read as Scratch's own do in each language", () => {
  it('knows the convention of every locale file', () => {
    expect(locales.filter((locale) => CONVENTIONS[locale] === undefined)).toEqual([]);
  });

  it.each(Object.entries(CONVENTIONS))("%s: the rule accepts Scratch's own boolean and rejects the other forms", (_locale, { rule, scratch }) => {
    expect(scratch).toMatch(rule);
    const bare = scratch.replace(/^¿|\s?[?？]$/g, '');
    const others = [bare, `${bare}?`, `${bare} ?`, `${bare}？`, `¿${bare}?`].filter((form) => form !== scratch);
    for (const other of others) expect(other).not.toMatch(rule);
  });

  it.each(locales)('%s: every boolean block follows it', (locale) => {
    const texts = textsOf(locale);
    const convention = CONVENTIONS[locale]!;
    const wrong = booleans.flatMap((block) => {
      const text = texts[`block.${block.opcode}`]?.text;
      return text === undefined || convention.rule.test(text) ? [] : [`block.${block.opcode}: "${text}" (Scratch's ${convention.says})`];
    });
    expect(booleans.length).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});
