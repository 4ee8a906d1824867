/**
 * The one parser of block texts: `connect to [URL] as [NAME]` is words and `[PLACEHOLDER]`s,
 * each placeholder naming an argument. A `[` without its `]` is text.
 */
export type TextPart = { kind: 'text'; text: string } | { kind: 'placeholder'; name: string };

const PLACEHOLDER = /\[([^\]]*)\]/g;

export function parseText(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let end = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > end) parts.push({ kind: 'text', text: text.slice(end, match.index) });
    parts.push({ kind: 'placeholder', name: match[1] ?? '' });
    end = match.index + match[0].length;
  }
  if (end < text.length) parts.push({ kind: 'text', text: text.slice(end) });
  return parts;
}

/** `connect to [URL] and [X]` → `['URL', 'X']`, in the order they are written. */
export function placeholders(text: string): string[] {
  return parseText(text).flatMap((part) => (part.kind === 'placeholder' ? [part.name] : []));
}
