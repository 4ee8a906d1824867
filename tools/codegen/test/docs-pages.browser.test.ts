import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@scratch-websocket/test-chromium';
import { formatProblem, generate } from '../src/index.js';
import { renderAsGallery } from './gallery-markdown.js';
import { FIXTURE_OUTPUTS, fixtureContext, readFixture } from './support.js';

// Issue 20: what an attacker put into a spec and its path, opened in Chromium: our HTML page
// as it is served (scratchblocks drawing the blocks), and both Markdown pages as the gallery
// renders them. Each payload would set window.pwned if any of it ran.

const PAYLOAD = '<img src=x onerror=window.pwned=1>';
const ORIGIN = 'http://docs.test';
const SCRATCHBLOCKS = readFileSync(createRequire(import.meta.url).resolve('@turbowarp/scratchblocks/build/scratchblocks.min.js'), 'utf8');

function hostileSpec(): string {
  const edits: Array<[string, string]> = [
    // G1: a default that closes the block picture's fence.
    ["default: ws://localhost:8000/it's", `default: ${JSON.stringify(`wss://x/\n\`\`\`\n\n${PAYLOAD}\n\n\`\`\`scratch`)}`],
    // G2, G3 and the code span holes: prose.
    ['        docs: |\n          Runs on open.\n', `        docs: ${JSON.stringify(`\`\`\`scratch\nwhen open\n\`\`\`\`\n${PAYLOAD}\n\`\`\`\nSee https://evil.example/ or mail me@evil.com. a \`\`\`${PAYLOAD}\` b \`c\n<div onmouseover=window.pwned=1>\``)}\n`],
  ];
  return edits.reduce((spec, [from, to]) => {
    if (spec.split(from).length !== 2) throw new Error(`fixture edit '${from}' must match exactly once`);
    return spec.replace(from, to);
  }, readFixture('minimal.yaml'));
}

/** The three pages, from the hostile spec at a path that closes an HTML comment (G4). */
function pages(): Record<string, string> {
  const context = fixtureContext('minimal.yaml', { specText: hostileSpec() });
  const result = generate({ ...context, spec: { ...context.spec, path: `specs/-->${PAYLOAD}<!--/spec.yaml` } });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  const page = (path: string): string => result.files.find((file) => file.path === path)?.text ?? '';
  const asGalleryPage = (markdown: string): string => `<!DOCTYPE html><html><body>${renderAsGallery(markdown)}</body></html>`;
  return {
    'websocket.html': page(FIXTURE_OUTPUTS.docsHtml),
    'websocket.md': asGalleryPage(page(FIXTURE_OUTPUTS.docsMarkdown)),
    'gallery/ws.md': asGalleryPage(page(FIXTURE_OUTPUTS.docsGalleryMarkdown)),
  };
}

let browser: Browser;
let rendered: Record<string, string>;
beforeAll(async () => {
  rendered = pages();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens `html` at http://docs.test/page.html, serving scratchblocks and nothing else; returns what the page did. */
async function open(html: string) {
  const page: Page = await browser.newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url === `${ORIGIN}/page.html`) return route.fulfill({ contentType: 'text/html', body: html });
    if (url === `${ORIGIN}/vendor/scratchblocks.min.js`) return route.fulfill({ contentType: 'text/javascript', body: SCRATCHBLOCKS });
    return route.abort();
  });
  await page.goto(`${ORIGIN}/page.html`, { waitUntil: 'load' });
  const found = await page.evaluate(() => ({
    pwned: (window as { pwned?: unknown }).pwned ?? null,
    scripts: Array.from(document.querySelectorAll('script')).map((script) => script.src || script.textContent?.trim() || ''),
    handlers: Array.from(document.querySelectorAll('*')).flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on')).map((name) => `${element.localName}[${name}]`)),
    // The generator's own anchors and its links to them (issue 21) stay in the page: an `a` with an
    // id and no href, or an href `#ID` whose element exists. Anything else is embedded or leads away.
    embedded: Array.from(document.querySelectorAll('a, area, img, iframe, frame, object, embed, form, base, meta[http-equiv], link'))
      .filter((element) => {
        if (element.localName !== 'a' || element.attributes.length !== 1) return true;
        const href = element.getAttribute('href');
        if (href === null) return !/^[A-Za-z0-9_-]+$/.test(element.id);
        return !/^#[A-Za-z0-9_-]+$/.test(href) || document.getElementById(href.slice(1)) === null;
      })
      .map((element) => element.outerHTML.slice(0, 80)),
    javascriptUrls: Array.from(document.querySelectorAll('[href], [src], [action]')).filter((element) => /^\s*javascript:/i.test(element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action') ?? '')).length,
  }));
  await page.close();
  return { ...found, dialogs, requests };
}

describe('the docs pages of a hostile spec, in Chromium', () => {
  it('the HTML page runs only scratchblocks and loads nothing else', async () => {
    const result = await open(rendered['websocket.html']!);
    expect(result).toEqual({
      pwned: null,
      scripts: [`${ORIGIN}/vendor/scratchblocks.min.js`, "scratchblocks.renderMatching('pre.blocks', { style: 'scratch3' });"],
      handlers: [],
      embedded: [],
      javascriptUrls: 0,
      dialogs: [],
      requests: [`${ORIGIN}/page.html`, `${ORIGIN}/vendor/scratchblocks.min.js`],
    });
  });

  it.each(['websocket.md', 'gallery/ws.md'])('%s, rendered as the gallery renders it, runs nothing, links nothing and loads nothing', async (name) => {
    const result = await open(rendered[name]!);
    expect(result).toEqual({ pwned: null, scripts: [], handlers: [], embedded: [], javascriptUrls: 0, dialogs: [], requests: [`${ORIGIN}/page.html`] });
  });
});
