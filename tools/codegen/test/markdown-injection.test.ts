import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitDocsMarkdown, emitGalleryDocsMarkdown, formatProblem, generate, type SpecModel } from '../src/index.js';
import { renderAsGallery, undeclaredMarkup } from './gallery-markdown.js';
import { FIXTURE_OUTPUTS, fixtureContext, readFixture } from './support.js';

// Issue 20, G1–G3: the Markdown pages go to TurboWarp's gallery, which renders them with
// markdown-it {html, linkify, breaks}. Whatever the spec says, they must render to no raw HTML
// and no link (the spec declares none).

const minimal = readFixture('minimal.yaml');
const INTRO = '    intro: |\n      Blocks for testing the generator. Text with <angle brackets> & "quotes" is escaped.\n\n      A second paragraph with `code`.\n';

function edited(from: string, to: string): string {
  if (minimal.split(from).length !== 2) throw new Error(`fixture edit '${from}' must match exactly once`);
  return minimal.replace(from, to);
}

/** The minimal fixture with this intro, written as a YAML double-quoted string (JSON's escapes are YAML's). */
const withIntro = (prose: string): string => edited(INTRO, `    intro: ${JSON.stringify(prose)}\n`);

/** Both Markdown pages of a spec: ours and the gallery's. */
function markdownPages(specText: string): Record<'websocket.md' | 'gallery/ws.md', string> {
  const result = generate(fixtureContext('minimal.yaml', { specText }));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  const page = (path: string): string => result.files.find((file) => file.path === path)?.text ?? '';
  return { 'websocket.md': page(FIXTURE_OUTPUTS.docsMarkdown), 'gallery/ws.md': page(FIXTURE_OUTPUTS.docsGalleryMarkdown) };
}

function markupOfEachPage(specText: string): Record<string, string[]> {
  return Object.fromEntries(Object.entries(markdownPages(specText)).map(([name, page]) => [name, undeclaredMarkup(page)]));
}

const NONE = { 'websocket.md': [], 'gallery/ws.md': [] };
const SCRIPT = '<img src=x onerror=alert(1)>';

describe('the Markdown pages in the gallery renderer', () => {
  it('keep an argument default with line breaks and a fence inside the block picture (G1)', () => {
    const spec = edited("default: ws://localhost:8000/it's", `default: ${JSON.stringify(`wss://x/\n\`\`\`\n\n${SCRIPT}\n\n\`\`\`scratch`)}`);
    expect(markupOfEachPage(spec)).toEqual(NONE);
  });

  it('end a prose example where CommonMark ends it, at a longer line of backticks, and escape what follows (G2)', () => {
    const pages = markdownPages(withIntro(`\`\`\`scratch\nwhen open\n\`\`\`\`\n${SCRIPT}\n\`\`\``));
    expect(Object.values(pages).map(undeclaredMarkup)).toEqual([[], []]);
    // The text after the example is prose: shown, as text.
    expect(renderAsGallery(pages['gallery/ws.md'])).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('show bare URLs, www. hosts, domains and e-mail addresses in prose as text, not links (G3)', () => {
    const prose = 'Visit https://evil.example/x, www.evil.example, evil.com, //localhost:8000/x or mail me@evil.com.';
    const pages = markdownPages(withIntro(prose));
    expect(Object.values(pages).map(undeclaredMarkup)).toEqual([[], []]);
    expect(renderAsGallery(pages['gallery/ws.md'])).toContain(`<p>${prose}</p>`);
  });

  it('show them as text in headings too (G3)', () => {
    expect(markupOfEachPage(edited('  - group: Talking\n', '  - group: Talking at https://evil.example and www.evil.example\n'))).toEqual(NONE);
  });

  it('keep raw HTML and links out of a section title and its prose', () => {
    const section = `    sections:\n      - title: ${JSON.stringify(`On ${SCRIPT} at https://evil.example`)}\n        text: ${JSON.stringify(`${SCRIPT} www.evil.example`)}\n`;
    expect(markupOfEachPage(edited(INTRO, `${INTRO}${section}`))).toEqual(NONE);
  });

  it.each([
    { kind: 'three backticks that CommonMark cannot close', prose: `a \`\`\`${SCRIPT}\` b` },
    { kind: 'a code span whose second line starts an HTML block', prose: 'a `code\n<div onmouseover=alert(1)>`' },
    { kind: 'a code span whose second line starts a script', prose: '`a\n<script>alert(1)</script>`' },
    { kind: 'a backslash before a code span', prose: `\\\`${SCRIPT}\`` },
    { kind: 'a code span broken by a carriage return, a line ending in CommonMark', prose: '`a\r<div onmouseover=alert(1)>`' },
    { kind: 'a NUL, which markdown-it reads as U+FFFD, before a domain', prose: '\0.com' },
  ])('keep raw HTML and links out of prose with $kind', ({ prose }) => {
    expect(markupOfEachPage(withIntro(prose))).toEqual(NONE);
  });

  it('render any prose made of Markdown, HTML and URL fragments without raw HTML or links', () => {
    const result = generate(fixtureContext('minimal.yaml'));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const model = result.model;
    // The emitters straight from the model: a whole generate() per prose would take minutes.
    const withProse = (prose: string): SpecModel => ({ ...model, extension: { ...model.extension, docs: { ...model.extension.docs, intro: prose } } });
    const fragment = fc.constantFrom(
      '`', '``', '```', '````', '```scratch', '\\', '\n', '\n\n', '\r', '\r\n', '\0', ' ', '    ', '<', '>', '&', '[', ']', '(', ')', '!', '*', '_', '~~~', '|', '-', '#', ':', '.', '/', '@',
      'x', 'when open', SCRIPT, '<script>', '<div onclick=x>', '<!--', '-->', 'https://a.example/b', 'www.a.example', 'a.com', 'me@a.com', '//localhost:1',
      'javascript:alert(1)', 'mailto:', '&#x3C;', '](x)', '<https://a.example>', 'https://', '`@`', 'ftp://a.example', 'HTTP://A.COM', '\t', '"', "'", '=', 'onerror=alert(1)',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 24 }), (parts) => {
        const spec = withProse(parts.join(''));
        expect([emitDocsMarkdown(spec, 'spec.yaml'), emitGalleryDocsMarkdown(spec)].map(undeclaredMarkup)).toEqual([[], []]);
      }),
      { seed: 20, numRuns: 1000 },
    );
  });
});
