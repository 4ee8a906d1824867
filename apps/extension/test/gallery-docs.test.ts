import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLOSE_GRACE_PERIOD_MS,
  DEFAULT_HANDSHAKE_TIMEOUT_MS,
  MAX_CONNECTIONS_PER_TARGET,
  MAX_KEPT_SENDS,
  MAX_QUEUED_MESSAGES,
  RECONNECT_INITIAL_DELAY_MS,
  RECONNECT_MAX_DELAY_MS,
  reconnectDelay,
} from '@scratch-websocket/runtime';

const GALLERY_DOCS = fileURLToPath(new URL('../../docs/generated/gallery/', import.meta.url));
/** The most words the gallery's page may have: every gallery page but one is under 1,450 (issue 25). */
const MAX_WORDS = 1500;

/** The gallery's page and the page of each gallery piece, by name. */
const pages: Array<[string, string]> = [
  ['ws.md', readFileSync(`${GALLERY_DOCS}ws.md`, 'utf8')],
  ...readdirSync(`${GALLERY_DOCS}pieces`).map((piece): [string, string] => [`pieces/${piece}/ws.md`, readFileSync(`${GALLERY_DOCS}pieces/${piece}/ws.md`, 'utf8')]),
];

/** The words a reader reads: block pictures, anchors and link targets left out. */
function proseWords(markdown: string): number {
  const prose = markdown
    .replace(/(`{3,})scratch\n[\s\S]*?\n\1/g, '')
    .replace(/<a id="[^"]*"><\/a>/g, '')
    .replace(/\]\(#[^)]*\)/g, ']');
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Numbers as the page writes them: `1,000` for 1000. */
const written = (value: number): string => value.toLocaleString('en-US');
/** A duration in ms as the page writes it in a sentence. */
const inSeconds = (ms: number): string => (ms === 1000 ? 'a second' : `${written(ms / 1000)} seconds`);

describe.each(pages)("the gallery's page %s", (_name, page) => {
  it(`is a guide of at most ${MAX_WORDS} words`, () => {
    expect(proseWords(page)).toBeLessThanOrEqual(MAX_WORDS);
  });

  it('talks to Scratchers about the blocks, not about itself or things that do not apply in the gallery', () => {
    expect(page).not.toMatch(/do not edit|generated/i);
    expect(page).not.toMatch(/sandbox/i);
    expect(page).not.toMatch(/gallery('s)? (WebSocket )?extension|TurboWarp's gallery/i);
    expect(page).not.toMatch(/four minutes/i);
    expect(page).not.toMatch(/npm start|localhost:8000\/echo/);
  });

  it('states a frame rate only as TurboWarp\'s usual one, never 60', () => {
    // The VM's default frame rate is checked in the real VM (apps/extension-e2e, gallery-docs test).
    expect(page).not.toMatch(/\b60 (frames|messages|times) (a|per) second/);
  });
});

describe("the gallery's page states the runtime's own numbers", () => {
  const page = pages[0]![1];

  it('the handshake timeout', () => {
    expect(page).toContain(`after ${inSeconds(DEFAULT_HANDSHAKE_TIMEOUT_MS)} counts as an error`);
    expect(page).toContain(`for at most ${inSeconds(DEFAULT_HANDSHAKE_TIMEOUT_MS)}`);
  });

  it('the close grace period', () => {
    expect(page).toContain(`does not answer the close within ${inSeconds(DEFAULT_CLOSE_GRACE_PERIOD_MS)}`);
  });

  it('the messages kept before a connection opens, the waiting messages and the connections per sprite', () => {
    expect(page).toContain(`the latest ${written(MAX_KEPT_SENDS)} are kept`);
    expect(page).toContain(`at most ${written(MAX_QUEUED_MESSAGES)} waiting messages`);
    expect(page).toContain(`up to ${written(MAX_CONNECTIONS_PER_TARGET)} connections`);
  });

  it('the reconnect waits: between half and all of each step, from the first to the longest', () => {
    const first = RECONNECT_INITIAL_DELAY_MS / 1000;
    expect(page).toContain(`between half and all of ${written(first)} second${first === 1 ? '' : 's'}`);
    expect(page).toContain(`up to ${written(RECONNECT_MAX_DELAY_MS / 1000)} seconds between attempts`);
    // What "between half and all" says, from the rule itself: the shortest and longest first wait.
    expect(reconnectDelay(0, () => 0)).toBe(RECONNECT_INITIAL_DELAY_MS / 2);
    expect(reconnectDelay(0, () => 0.999999)).toBeLessThan(RECONNECT_INITIAL_DELAY_MS);
    expect(reconnectDelay(99, () => 0.999999)).toBeLessThan(RECONNECT_MAX_DELAY_MS);
    expect(reconnectDelay(99, () => 0)).toBe(RECONNECT_MAX_DELAY_MS / 2);
  });
});
