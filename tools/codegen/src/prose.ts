import { fenced, proseTextToMarkdown } from './markdown.js';

/**
 * The small part of Markdown the spec's docs use, rendered to HTML: paragraphs separated by
 * blank lines, `code` spans, pipe tables (a header row, a `|---|` row, body rows), and
 * examples drawn as blocks: a line "```scratch", scratchblocks code, a line "```" (the fence
 * TurboWarp's gallery docs use). Everything else is text, escaped, so no spec can inject
 * markup into the page.
 */
export function proseToHtml(markdown: string): string {
  return segments(markdown)
    .flatMap((segment) =>
      segment.kind === 'scratch'
        ? // scratchblocks reads the element's text, so escaped code draws the same blocks.
          [`<pre class="blocks">${escapeHtml(segment.code)}</pre>`]
        : blocks(segment.text).map((lines) => (isTable(lines) ? tableToHtml(lines) : `<p>${inlineToHtml(joinLines(lines))}</p>`)),
    )
    .join('\n');
}

/**
 * The prose as Markdown with each paragraph on one source line, for renderers that turn
 * every line break into a `<br>` (TurboWarp's gallery does): YAML block text is wrapped.
 * Examples keep their lines: each line of scratchblocks code is a script line.
 */
export function unwrapProse(markdown: string): string {
  return segments(markdown)
    .flatMap((segment) =>
      segment.kind === 'scratch'
        ? [fenced('scratch', segment.code)]
        : // A table row is a line of its own in Markdown: joining rows would make one broken row.
          blocks(segment.text).map((lines) => (isTable(lines) ? lines.join('\n') : joinLines(lines))),
    )
    .join('\n\n');
}

/** A piece of prose: text (paragraphs and tables) or an example in scratchblocks code. */
type Segment = { kind: 'text'; text: string } | { kind: 'scratch'; code: string };

const FENCE_OPEN = /^[ \t]*(`{3,})scratch[ \t]*$/;
const FENCE_CLOSE = /^[ \t]*(`{3,})[ \t]*$/;

/**
 * Splits prose at its examples. An example runs from a "```scratch" line to the next line of
 * at least as many backticks (CommonMark 4.5: "````" closes a "```" fence too), or to the end
 * when it is never closed (as CommonMark does); its code keeps its lines and blank lines
 * (scratchblocks starts a new script at a blank line), trailing spaces cut.
 */
function segments(markdown: string): Segment[] {
  const result: Segment[] = [];
  let text: string[] = [];
  let code: string[] | null = null;
  let fenceLength = 0;
  // CommonMark's line endings: a CR alone or a CR LF ends a line too, also inside a code span.
  for (const line of markdown.split(/\r\n?|\n/)) {
    const opening = code === null ? FENCE_OPEN.exec(line) : null;
    if (opening !== null) {
      result.push({ kind: 'text', text: text.join('\n') });
      text = [];
      code = [];
      fenceLength = opening[1]!.length;
    } else if (code !== null && (FENCE_CLOSE.exec(line)?.[1]?.length ?? 0) >= fenceLength) {
      result.push({ kind: 'scratch', code: trimBlankLines(code) });
      code = null;
    } else if (code !== null) {
      code.push(line.trimEnd());
    } else {
      text.push(line);
    }
  }
  if (code !== null) result.push({ kind: 'scratch', code: trimBlankLines(code) });
  result.push({ kind: 'text', text: text.join('\n') });
  return result.filter((segment) => segment.kind === 'scratch' || segment.text.trim() !== '');
}

function trimBlankLines(lines: string[]): string {
  return lines.join('\n').replace(/^\n+|\n+$/g, '');
}

/** The blank-line separated blocks of the prose, as their trimmed non-empty lines. */
function blocks(markdown: string): string[][] {
  return markdown
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map((line) => line.trim()).filter((line) => line !== ''))
    .filter((lines) => lines.length > 0);
}

function joinLines(lines: string[]): string {
  return lines.join(' ');
}

const TABLE_ROW = /^\|.*\|$/;
const TABLE_SEPARATOR = /^\|(\s*:?-+:?\s*\|)+$/;

function isTable(lines: string[]): boolean {
  return lines.length >= 2 && lines.every((line) => TABLE_ROW.test(line)) && TABLE_SEPARATOR.test(lines[1]!);
}

function cells(row: string): string[] {
  return row.slice(1, -1).split('|').map((cell) => cell.trim());
}

function tableToHtml(lines: string[]): string {
  const [header, , ...body] = lines;
  const headRow = cells(header!).map((cell) => `<th>${inlineToHtml(cell)}</th>`).join('');
  const bodyRows = body.map((row) => `<tr>${cells(row).map((cell) => `<td>${inlineToHtml(cell)}</td>`).join('')}</tr>`);
  return [`<table>`, `<thead><tr>${headRow}</tr></thead>`, `<tbody>`, ...bodyRows, `</tbody>`, `</table>`].join('\n');
}

function inlineToHtml(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Spec prose for the Markdown page: the text as written (paragraphs, `code` spans), escaped so
 * that no spec can put raw HTML, an entity or a link into the page (see markdown.ts); each
 * example in a fence no line of it can close.
 */
export function proseToMarkdown(markdown: string): string {
  return segments(markdown)
    .map((segment) => (segment.kind === 'scratch' ? fenced('scratch', segment.code) : proseTextToMarkdown(segment.text)))
    .join('\n\n');
}
