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

/**
 * The prose as Markdown with each paragraph on one source line, for renderers that turn
 * every line break into a `<br>` (TurboWarp's gallery does): YAML block text is wrapped.
 */
export function unwrapProse(markdown: string): string {
  return paragraphs(markdown).join('\n\n');
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
