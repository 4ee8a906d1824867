import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@scratch-websocket/test-chromium';
import { contractIdentity } from '@scratch-websocket/test-support';
import { realFiles, startPlayground, type RunningPlayground } from './support/playground.js';
import { specBlocks, specLabelsUnlikeTheirGroup } from './support/spec.js';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));

let running: RunningPlayground;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const requestedUrls: string[] = [];

beforeAll(async () => {
  running = await startPlayground(realFiles());
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 900, height: 800 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => requestedUrls.push(request.url()));
  await page.goto(`${running.base}/docs`);
  // scratchblocks puts its drawing into each <pre class="blocks">; wait until all are drawn.
  await page.waitForFunction(
    () => document.querySelectorAll('pre.blocks > .scratchblocks > svg').length === document.querySelectorAll('pre.blocks').length,
    undefined,
    { timeout: 10_000 },
  ).catch((error: unknown) => {
    throw new Error(`waiting for scratchblocks to draw every block of the docs page: ${String(error)}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
});

describe('the docs page in Chromium', () => {
  it('draws every block of the spec as one SVG, in spec order', async () => {
    const drawn = await page.$$eval('.block', (sections) =>
      sections.map((section) => ({ id: section.id, svgs: section.querySelectorAll('svg.scratchblocks-style-scratch3').length })),
    );
    const expected = specBlocks().map((block) => ({ id: `block-${block.opcode}`, svgs: 1 }));
    // The spec may grow, but never lose a block of the Identity table of libs/runtime/CONTRACT.md: saved projects use them.
    const contractOpcodes = contractIdentity().blocks.map((block) => block.opcode);
    expect(specBlocks().map((block) => block.opcode)).toEqual(expect.arrayContaining(contractOpcodes));
    expect(drawn).toEqual(expected);
  });

  it('shows each palette label that is not its group\'s name as a heading, in spec order, and no heading twice', async () => {
    const labels = await page.$$eval('main h4', (elements) => elements.map((element) => element.textContent ?? ''));
    expect(labels).toEqual(specLabelsUnlikeTheirGroup());
    const headings = await page.$$eval('main h2, main h3, main h4', (elements) => elements.map((element) => element.textContent ?? ''));
    expect(headings.filter((text, index) => headings.indexOf(text) !== index)).toEqual([]);
  });

  it('links every group and block from its table of contents, and every link on it leads to a part of the page', async () => {
    const { targets, missing } = await page.$$eval('main a[href]', (links) => ({
      targets: links.map((link) => link.getAttribute('href') ?? ''),
      missing: links.map((link) => link.getAttribute('href') ?? '').filter((href) => !href.startsWith('#') || document.getElementById(href.slice(1)) === null),
    }));
    expect(missing).toEqual([]);
    for (const block of specBlocks().filter((candidate) => !candidate.hideFromPalette)) expect(targets).toContain(`#block-${block.opcode}`);
    expect(targets).toContain('#connecting-to-a-program-on-your-own-computer');
    expect(targets).toContain('#several-connections');
  });

  it('draws each block in the extension colour #307eff', async () => {
    const fills = await page.$$eval('.block svg.scratchblocks-style-scratch3', (svgs) =>
      // The block's own outline is the first filled shape outside <defs> (which holds icons).
      svgs.map((svg) => svg.querySelector(':scope > g [fill]')?.getAttribute('fill') ?? 'no block shape'),
    );
    expect(fills).toEqual(specBlocks().map(() => '#307eff'));
  });

  it('draws the worked example of Several connections: every block known to scratchblocks, the extension blocks in #307eff', async () => {
    const example = await page.$$eval('section', (sections) => {
      const section = sections.find((candidate) => candidate.querySelector('h3')?.textContent === 'Several connections');
      const svg = section?.querySelector(':scope > pre.blocks svg.scratchblocks-style-scratch3');
      if (!svg) return null;
      return {
        text: svg.textContent ?? '',
        obsolete: svg.querySelectorAll('.sb3-obsolete').length,
        extensionShapes: svg.querySelectorAll('[fill="#307eff"]').length,
      };
    });
    expect(example).not.toBeNull();
    // Blocks scratchblocks does not know are drawn red as "obsolete": the built-in ones must all be known.
    expect(example!.obsolete).toBe(0);
    // 2 × use connection, 2 × connect to, the hat, connection name, 2 × received message data, 2 × send message.
    expect(example!.extensionShapes).toBe(10);
    // scratchblocks draws each word as its own text element, so the SVG's text has no spaces.
    for (const words of ['whenmessagereceived', 'useconnectiongame', 'useconnectionchat', 'connectionname=game', 'sendmessage']) expect(example!.text).toContain(words);
  });

  it('shows the prose of the spec next to each block', async () => {
    const prose = await page.$$eval('.block', (sections) =>
      sections.map((section) => ({ id: section.id, text: section.querySelector('p')?.textContent ?? '' })),
    );
    for (const block of specBlocks()) {
      // The first sentence of the first paragraph (a paragraph may end before a table, with a colon).
      const firstSentence = block.docs.split(/\n\s*\n/)[0]!.split(/(?<=\.)\s/)[0]!.replace(/`/g, '').replace(/\s+/g, ' ').trim();
      expect(prose.find((entry) => entry.id === `block-${block.opcode}`)?.text).toContain(firstSentence);
    }
  });

  it('loads scratchblocks from this server, not a CDN, without script errors', () => {
    const origins = new Set(requestedUrls.map((url) => new URL(url).origin));
    expect([...origins]).toEqual([running.base]);
    expect(requestedUrls).toContain(`${running.base}/vendor/scratchblocks.min.js`);
    expect(pageErrors).toEqual([]);
  });

  it('saves a full-page screenshot as a test artefact', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const png = await page.screenshot({ path: `${ARTIFACTS}docs.png`, fullPage: true });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
  });
});
