import MarkdownIt from 'markdown-it';

/**
 * Spec text as Markdown that shows the text and nothing else. TurboWarp's gallery renders its
 * docs pages with markdown-it `{ html: true, linkify: true, breaks: true }`: raw HTML passes
 * through and bare URLs become links, so every way into either is closed here (issue 20).
 */

/**
 * A fenced code block whose fence no line of the code can close: CommonMark (4.5) closes a
 * backtick fence on a line of at least as many backticks, so the fence is one backtick longer
 * than the longest run in the code, and never shorter than the usual three.
 */
export function fenced(info: string, code: string): string {
  const fence = fenceFor(code);
  return `${fence}${info}\n${code}\n${fence}`;
}

/** The backticks of `fenced`, for a template that writes the fence itself. */
export function fenceFor(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * Prose text (paragraphs with `code` spans, no examples) as Markdown. Code spans are found as
 * CommonMark finds them (6.1: a run of backticks closed by the next run of the same length in
 * the same paragraph) and kept, each on one line: a code span that wrapped onto a line starting
 * `<div` or `<script` would otherwise be cut by an HTML block. Everything else is text.
 */
export function proseTextToMarkdown(markdown: string): string {
  const text = markdown.trim();
  let out = '';
  let plain = '';
  let at = 0;
  while (at < text.length) {
    const run = /^`+/.exec(text.slice(at))?.[0];
    if (run === undefined) {
      plain += text[at];
      at += 1;
      continue;
    }
    const end = closingRun(text, at + run.length, run.length);
    if (end === -1) {
      // An unmatched run is literal backticks.
      plain += run;
    } else {
      out += escapeText(plain);
      plain = '';
      // CommonMark turns a line ending inside a code span into a space: the same, on one line.
      out += text.slice(at, end).replace(/\n[ \t]*/g, ' ');
    }
    at = end === -1 ? at + run.length : end;
  }
  return out + escapeText(plain);
}

/** The end of the run of exactly `length` backticks that closes a code span opened before `from`, or -1. */
function closingRun(text: string, from: number, length: number): number {
  const paragraphEnd = text.slice(from).search(/\n[ \t]*\n/);
  const rest = paragraphEnd === -1 ? text.slice(from) : text.slice(from, from + paragraphEnd);
  for (const match of rest.matchAll(/`+/g)) {
    if (match[0].length === length) return from + match.index + length;
  }
  return -1;
}

/** Characters that would start raw HTML, an entity, a link or a code span. */
const ALWAYS_ESCAPED = /[\\<>&[\]`]/;
/** What CommonMark lets a backslash escape (2.4): ASCII punctuation. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** Characters markdown-it may split text at (emphasis, strikethrough): a link may start or end there. */
const TOKEN_BREAKS = /[*_~]/g;
/** The link finder of markdown-it itself (linkify-it, at markdown-it's settings): what it finds, the gallery links. */
const linkify = new MarkdownIt({ linkify: true }).linkify;

/**
 * Text shown as written: CommonMark's backslash escape before each character that would start
 * markup, and before the punctuation of anything markdown-it's linkify would make a link of
 * (markdown-it links text between escapes only, so `https\://x\.org` stays text). Escaping
 * one link can leave a shorter one, so this repeats until linkify finds none.
 */
function escapeText(text: string): string {
  // UTF-16 code units, as linkify counts; only ASCII is ever escaped.
  const characters = text.split('');
  const escaped = characters.map((character) => ALWAYS_ESCAPED.test(character));
  for (let found = true; found; ) {
    found = false;
    for (const piece of unescapedPieces(characters, escaped)) {
      for (const link of linksIn(piece.text)) {
        for (let index = link.index; index < link.lastIndex; index += 1) {
          const at = piece.start + index;
          if (escaped[at] === true || !ASCII_PUNCTUATION.test(characters[at] ?? '')) continue;
          escaped[at] = true;
          found = true;
        }
      }
    }
  }
  return characters.map((character, index) => (escaped[index] === true ? `\\${character}` : character)).join('');
}

/** Where a link is in a text, as linkify-it gives it: from `index` up to `lastIndex`. */
type Span = { index: number; lastIndex: number };

/**
 * Where markdown-it would find a link in a run of text: linkify-it's matches in it, also with
 * emphasis marks read as the breaks they may become; and each `://`, where markdown-it's
 * inline rule starts a link that may run on past the text (into a code span), so its colon
 * is always escaped.
 */
function linksIn(text: string): Span[] {
  // What markdown-it reads: it first turns NUL into U+FFFD (one code unit for one), which may end a host name.
  const read = text.replace(/\0/g, '\uFFFD');
  const links: Span[] = [...(linkify.match(read) ?? []), ...(linkify.match(read.replace(TOKEN_BREAKS, ' ')) ?? [])];
  for (const colon of read.matchAll(/:\/\//g)) links.push({ index: colon.index, lastIndex: colon.index + 1 });
  return links;
}

/** The runs of characters between escaped ones, each with where it starts. */
function unescapedPieces(characters: readonly string[], escaped: readonly boolean[]): Array<{ start: number; text: string }> {
  const pieces: Array<{ start: number; text: string }> = [];
  let start = 0;
  for (let index = 0; index <= characters.length; index += 1) {
    if (index < characters.length && escaped[index] !== true) continue;
    if (index > start) pieces.push({ start, text: characters.slice(start, index).join('') });
    start = index + 1;
  }
  return pieces;
}
