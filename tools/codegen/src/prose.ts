/**
 * The small part of Markdown the spec's docs use, rendered to HTML: paragraphs separated by
 * blank lines, and `code` spans. Everything else is text, escaped, so no spec can inject
 * markup into the page.
 */
export function proseToHtml(markdown: string): string {
  return paragraphs(markdown)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`)
    .join('\n');
}

/** Paragraphs of the prose, each on one line (YAML block text wraps them). */
export function paragraphs(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => line.trim()).join(' ').trim())
    .filter((paragraph) => paragraph !== '');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Spec prose for the Markdown page: the text as written (paragraphs, `code` spans), with the
 * characters that would start raw HTML, an entity or a link written with a backslash
 * (CommonMark's escapes), so no spec can put markup or links into the page. Code spans are
 * left alone: Markdown shows their content literally already.
 */
export function proseToMarkdown(markdown: string): string {
  return markdown
    .trim()
    // A code span may wrap onto the next line but never crosses a blank line (a paragraph break).
    .split(/(`(?:[^`\n]|\n(?![ \t]*\n))*`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? part : escapeMarkdown(part)))
    .join('');
}

function escapeMarkdown(text: string): string {
  // A lone backtick is escaped too, so it cannot pair with one further on and unescape the text between.
  return text.replace(/[\\<>&[\]`]/g, (character) => `\\${character}`);
}
