import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleGalleryExtension, GALLERY_OUTPUT, galleryPrettierOptions } from '../build';
import { readSpecModel, translatableTexts } from '@scratch-websocket/codegen';
import { extensionInfo } from './support/block-info';
import { expectedHeader, loadScript, sendThroughRealServer } from './support/load-script';
import { sourceProblems } from './support/reads-as-source';

const ESLINT_CONFIG = fileURLToPath(new URL('../gallery.eslint.config.mjs', import.meta.url));

/** Every text the gallery must find to translate: each block's and label's text, and each static menu item's text (the name stays in English). */
function textsToTranslate(): string[] {
  const info = extensionInfo();
  const blocks = info.blocks.filter((block) => typeof block === 'object');
  const menuItems = Object.values(info.menus ?? {}).flatMap((menu) => (!Array.isArray(menu) && Array.isArray(menu.items) ? menu.items : []));
  return [
    ...blocks.flatMap((block) => (typeof block.text === 'string' ? [block.text] : [])),
    ...menuItems.flatMap((item) => (typeof item === 'object' && typeof item.text === 'string' ? [item.text] : [])),
  ];
}

/** The note for translators the spec gives the block or menu item whose English text is `english`, or ''. */
function noteOf(english: string): string {
  const spec = readSpecModel();
  const block = spec.groups.flatMap((group) => group.blocks).find((candidate) => candidate.text === english && candidate.translatorNote !== '');
  const item = spec.menus.flatMap((menu) => (menu.items.kind === 'static' ? menu.items.items : [])).find((candidate) => candidate.text === english && candidate.translatorNote !== '');
  return block?.translatorNote ?? item?.translatorNote ?? '';
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('dist/gallery/ws.js, the file for TurboWarp\'s extension gallery', () => {
  let script = '';
  beforeAll(async () => {
    script = await bundleGalleryExtension();
  }, 120_000);

  it('starts with the gallery header, crediting the author of the blocks it replaces', () => {
    expect(script.split('\n').slice(0, 8)).toEqual(expectedHeader());
    expect(script.endsWith('})(Scratch);\n')).toBe(true);
  });

  it("is formatted as prettier formats it with the gallery's settings (prettier --check passes)", async () => {
    expect(await prettier.check(script, { ...(await galleryPrettierOptions()), filepath: GALLERY_OUTPUT })).toBe(true);
  });

  it("has no error and no warning from ESLint with the gallery's core rules", async () => {
    const eslint = new ESLint({ overrideConfigFile: ESLINT_CONFIG, cwd: fileURLToPath(new URL('..', import.meta.url)) });
    const [result] = await eslint.lintText(script, { filePath: GALLERY_OUTPUT });
    const messages = (result?.messages ?? []).map((message) => `${message.line}:${message.column} ${message.ruleId ?? ''} ${message.message}`);
    expect(messages).toEqual([]);
  });

  it('calls Scratch.translate with a literal for every block, label and menu item text, so the gallery finds them, with a note for translators where the spec has one', () => {
    const texts = textsToTranslate();
    // The texts the locale files translate (extension.name, block.*, label.*, menu.*): if getInfo()
    // lost one, the loop below would not notice.
    const fromSpec = translatableTexts(readSpecModel()).map((text) => text.english);
    expect(texts, 'getInfo() shows exactly the texts of specs/websocket.yaml that the locale files translate').toEqual(fromSpec);
    const notes = new Map(translatableTexts(readSpecModel()).map((text) => [text.english, noteOf(text.english)]));
    for (const text of texts) {
      const literal = escapeRegExp(JSON.stringify(text));
      const note = notes.get(text) ?? '';
      const call = note === '' ? `Scratch\\.translate\\(\\s*${literal}\\s*\\)` : `Scratch\\.translate\\(\\{\\s*default: ${literal},\\s*description:\\s*${escapeRegExp(JSON.stringify(note))},?\\s*\\}\\)`;
      expect(script, text).toMatch(new RegExp(call));
    }
  });

  it('keeps the name in English, as the gallery file always had it, in a constant that says why, with no lint directive', () => {
    expect(script).toMatch(/\n {2}const EXTENSION_NAME = "WebSocket";\n/);
    expect(script).toMatch(/\n\s*name: EXTENSION_NAME,\n/);
    expect(loadScript(script, true).registered[0]?.getInfo().name).toBe(readSpecModel().extension.name);
  });

  it('is ES2022 as written: class fields stay fields, with no helper', () => {
    expect(script).not.toMatch(/__publicField|__defNormalProp|__async|__classPrivateField/);
    // A class whose body starts with a field keeps it as a field (no constructor assignment).
    expect(script).toMatch(/^ {2}class \w+ \{\n {4}\w+ = /m);
  });

  it('constructs a socket only on the line after Scratch.canFetch allowed its URL, and hands the runtime the page\'s own WebSocket', () => {
    const code = script.split('\n').filter((line) => !/^\s*(\/\/|\/?\*)/.test(line));
    // No `new WebSocket(` of its own: the page's class goes to the runtime, which constructs it.
    expect(code.filter((line) => /\bnew WebSocket\(/.test(line))).toEqual([]);
    expect(script).toMatch(/function canFetch\(url\) \{\n\s*return Scratch\.canFetch\(url\);\n\s*\}/);
    expect(script).toMatch(/pageWebSocket: WebSocket,/);
    // The opener: permission (which calls host.canFetch), the check that the connection is still wanted, then the socket.
    expect(script).toMatch(
      /const allowed = await this\.askPermission\(url\);\n\s*if \(!stillWanted\(\)\) return;\n\s*if \(!allowed\) \{\n[^\n]*\n\s*return;\n\s*\}\n\s*const socket = this\.construct\(url, protocols\);/,
    );
    expect(script).toMatch(/return \(await this\.host\.canFetch\(url\)\) === true;/);
  });

  it('reads as source: no bundler output, no file the gallery lacks, no Node-only code or test hook', () => {
    expect(sourceProblems(script)).toEqual([]);
  });

  it('links Open Documentation to the gallery page for these blocks', () => {
    const { registered } = loadScript(script, true);
    expect(registered[0]?.getInfo().docsURI).toBe('https://extensions.turbowarp.org/godslayerakp/ws');
  });

  it('ships no translations of its own: it never calls Scratch.translate.setup', () => {
    const { translationSetups } = loadScript(script, true);
    expect(translationSetups).toEqual([]);
    expect(script).not.toMatch(/translate\.setup/);
  });

  it('refuses to load sandboxed', () => {
    expect(() => loadScript(script, false)).toThrow(/must be loaded unsandboxed/);
  });

  it('registers the blocks unsandboxed, and they reach a real server', async () => {
    const sent = await sendThroughRealServer(script, 'from the gallery file');
    expect(sent).toMatchObject({ received: 'from the gallery file', connected: true, hatsStarted: ['gsaWebsocket_onOpen'] });
  });
});
