/**
 * WHATWG Infra "ASCII whitespace" (tab, line feed, form feed, carriage return, space), which is
 * also what HTTP lists allow around items. Written as loops, not `/\s+$/`-style patterns, which
 * take quadratic time on long runs of spaces; and not `String.prototype.trim`, which also
 * removes Unicode spaces such as U+00A0 that these rules keep.
 */
export function isAsciiWhitespace(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d || code === 0x20;
}

/** `text` without ASCII whitespace at either end (WHATWG Infra "strip leading and trailing"). */
export function trimAsciiWhitespace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isAsciiWhitespace(text.charCodeAt(start))) start += 1;
  while (end > start && isAsciiWhitespace(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(start, end);
}
