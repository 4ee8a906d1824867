import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { describe, expect, it } from 'vitest';
import { formatProblem, generate, type GenerateContext } from '../src/index.js';
import { undeclaredMarkup } from './gallery-markdown.js';
import { FIXTURE_OUTPUTS, fixtureContext, readFixture } from './support.js';

// Issue 21: the docs pages can be navigated. A table of contents links every group and block,
// every heading has an anchor, "see NAME" links NAME, and no heading says the same twice.

type Pages = Record<'websocket.md' | 'gallery/ws.md' | 'websocket.html', string>;

function pages(context: GenerateContext): Pages {
  const result = generate(context);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  const page = (path: string): string => result.files.find((file) => file.path === path)?.text ?? '';
  return {
    'websocket.md': page(FIXTURE_OUTPUTS.docsMarkdown),
    'gallery/ws.md': page(FIXTURE_OUTPUTS.docsGalleryMarkdown),
    'websocket.html': page(FIXTURE_OUTPUTS.docsHtml),
  };
}

const full = pages(fixtureContext('full.yaml'));
const markdown = new MarkdownIt({ html: true, linkify: true, breaks: true });

/** Every token of a Markdown page, inline ones included, in order. */
function tokens(page: string): Token[] {
  return markdown.parse(page, {}).flatMap((token) => [token, ...(token.children ?? [])]);
}

/** The `#fragment` links of a page and the ids it declares, Markdown or HTML. */
function linksAndIds(name: keyof Pages, page: string): { links: string[]; ids: string[] } {
  if (name === 'websocket.html') {
    return { links: [...page.matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]!), ids: [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!) };
  }
  const all = tokens(page);
  return {
    links: all.filter((t) => t.type === 'link_open').map((t) => (t.attrGet('href') ?? '').replace(/^#/, '')),
    ids: all.flatMap((t) => (t.type === 'html_inline' ? [/^<a id="([^"]+)">$/.exec(t.content)?.[1]] : [])).filter((id): id is string => id !== undefined),
  };
}

/** The text of every heading of a Markdown page, as the reader sees it. */
function headings(page: string): string[] {
  const all = markdown.parse(page, {});
  return all.flatMap((token, index) => (token.type === 'heading_open' ? [all[index + 1]!.children!.filter((t) => t.type === 'text').map((t) => t.content).join('')] : []));
}

describe('the docs pages can be navigated', () => {
  it.each(Object.keys(full) as Array<keyof Pages>)('%s links every group and shown block from its table of contents, each to an anchor it declares', (name) => {
    const { links, ids } = linksAndIds(name, full[name]);
    for (const target of ['talking', 'listening', 'closing', 'block-connectTo', 'block-sendIt', 'block-whenOpen', 'block-closeWith', 'block-talkingLabel']) {
      expect(links).toContain(target);
      expect(ids).toContain(target);
    }
    // The hidden block is kept only so old projects load: the page neither offers nor links it.
    expect(links).not.toContain('block-closeOld');
    expect(links.filter((link) => !ids.includes(link))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(['websocket.md', 'gallery/ws.md'] as const)('%s repeats no heading: a label with its group\'s name is not a heading of its own', (name) => {
    const texts = headings(full[name]);
    expect(texts.filter((text) => text === 'Closing')).toEqual(['Closing']);
    // A label that says something else stays, under its group.
    expect(texts).toContain('Talking to the server');
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('gives the HTML page no heading twice either', () => {
    const texts = [...full['websocket.html'].matchAll(/<h[1-4][^>]*>(?:<a [^>]*>)?([^<]*)/g)].map((m) => m[1]!);
    expect(texts.filter((text) => text === 'Closing')).toEqual(['Closing']);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('makes "see NAME" in prose a link to the group NAME on every page, also when it wraps, and declares no other link', () => {
    const minimal = readFixture('minimal.yaml');
    const intro = '      A second paragraph with `code`.\n';
    if (minimal.split(intro).length !== 2) throw new Error('fixture edit must match exactly once');
    const specText = minimal.replace(intro, `${intro}\n      For closing, see Closing; for the rest, see\n      Talking. A group is not linked without see: Listening.\n`);
    const linked = pages(fixtureContext('minimal.yaml', { specText }));
    expect(linked['websocket.md']).toContain('see [Closing](#closing); for the rest, see\n[Talking](#talking). A group is not linked without see: Listening.');
    expect(linked['gallery/ws.md']).toContain('see [Closing](#closing); for the rest, see [Talking](#talking). A group');
    expect(linked['websocket.html']).toContain('see <a href="#closing">Closing</a>; for the rest, see <a href="#talking">Talking</a>. A group');
    expect([undeclaredMarkup(linked['websocket.md']), undeclaredMarkup(linked['gallery/ws.md'])]).toEqual([[], []]);
  });

  it('makes an anchor of letters, digits and dashes only, whatever a group is called, and numbers a repeated one', () => {
    const minimal = readFixture('minimal.yaml');
    const specText = minimal.replace('  - group: Talking\n', '  - group: \'Talking "<x>" & more\'\n').replace('  - group: Closing\n', '  - group: Blocks\n');
    const { ids } = linksAndIds('websocket.html', pages(fixtureContext('minimal.yaml', { specText }))['websocket.html']);
    expect(ids).toContain('talking-x-more');
    // "Blocks" is already the heading over all groups: the group gets the next free id.
    expect(ids).toContain('blocks-2');
    expect(ids.every((id) => /^[A-Za-z0-9_-]+$/.test(id))).toBe(true);
  });
});
