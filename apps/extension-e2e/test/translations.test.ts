import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allBlocks, readSpecModel, runsSomething } from '@scratch-websocket/codegen';
import { EXTENSION_ID } from '../src/sb3/websocket';
import type { VmPage } from '../src/browser/vm-page';
import { useE2e } from './fixture';

/** The Japanese texts of the spec, by stable id (`extension.name`, `block.<opcode>`). */
const JA_FILE = fileURLToPath(new URL('../../../specs/l10n/ja.yaml', import.meta.url));
const japanese = (parse(readFileSync(JA_FILE, 'utf8')) as { texts: Record<string, { text: string }> }).texts;

/** The ids of the texts the palette shows: the extension's name and each block of the spec (labels have no opcode in the VM). */
const PALETTE_IDS = ['extension.name', ...allBlocks(readSpecModel()).filter(runsSomething).map((block) => `block.${block.opcode}`)];

/** The extension's name and each block's text by opcode, as the VM registered them. */
async function paletteTexts(vm: VmPage): Promise<Record<string, string>> {
  const info = await vm.extensionInfo(EXTENSION_ID);
  if (info === null) throw new Error('the extension did not register');
  const texts: Record<string, string> = { 'extension.name': info.name };
  for (const { info: block } of info.blocks) {
    if (typeof block !== 'string' && typeof block.opcode === 'string') texts[`block.${block.opcode}`] = String(block.text);
  }
  return texts;
}

describe('translations in the TurboWarp VM', () => {
  const e2e = useE2e();

  it('shows the palette in Japanese when the editor language is Japanese (English where a text has no translation)', async () => {
    const inEnglish = await e2e.openVm();
    await inEnglish.loadExtension();
    const english = await paletteTexts(inEnglish);

    const inJapanese = await e2e.openVm();
    await inJapanese.setLocale('ja');
    await inJapanese.loadExtension();
    const shown = await paletteTexts(inJapanese);

    const expected = Object.fromEntries(Object.entries(english).map(([id, text]) => [id, japanese[id]?.text ?? text]));
    expect(shown).toEqual(expected);
    expect(Object.keys(shown), 'the VM registered the name and every block of specs/websocket.yaml, in order').toEqual(PALETTE_IDS);
    // Every block text has a Japanese translation that differs from the English (the name stays WebSocket).
    for (const id of Object.keys(shown).filter((id) => id !== 'extension.name')) {
      expect(shown[id], `${id}: its text in specs/l10n/ja.yaml must be a translation, not the English`).not.toBe(english[id]);
    }
  });

  it('shows ja-Hira users the Japanese texts: TurboWarp falls back from ja-Hira to ja (specs/l10n has no ja-hira file)', async () => {
    const inJapanese = await e2e.openVm();
    await inJapanese.setLocale('ja');
    await inJapanese.loadExtension();
    const inHiragana = await e2e.openVm();
    await inHiragana.setLocale('ja-Hira');
    await inHiragana.loadExtension();
    expect(await paletteTexts(inHiragana)).toEqual(await paletteTexts(inJapanese));
  });

  it('follows a change of language after loading, as the editor menu does', async () => {
    const vm = await e2e.openVm();
    await vm.loadExtension();
    const english = await paletteTexts(vm);
    await vm.setLocale('ja');
    const shown = await paletteTexts(vm);
    expect(shown).toEqual(Object.fromEntries(Object.entries(english).map(([id, text]) => [id, japanese[id]?.text ?? text])));
    await vm.setLocale('en');
    expect(await paletteTexts(vm)).toEqual(english);
  });
});
