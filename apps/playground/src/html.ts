/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The page style the playground's pages share: plain, readable, in the extension's colour. */
const PAGE_STYLE = `
  body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #222; }
  h1 { color: #307eff; }
  a { color: #2c5eb0; }
  code { background: #eef3ff; padding: 0 0.25em; border-radius: 3px; }
  .button { display: inline-block; background: #307eff; color: white; padding: 0.5em 1em; border-radius: 6px; text-decoration: none; font-weight: bold; }
`;

/**
 * The `<head>` of every page the playground renders: UTF-8, a phone-friendly viewport, `title`
 * (plain text, escaped here) and the shared page style, then `extraStyle`: a page's own CSS
 * rules, written into the `<style>` element as they are, so only constant CSS of our own
 * belongs there.
 */
export function pageHead(title: string, extraStyle = ''): string {
  return `<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}${extraStyle}</style>
</head>`;
}
