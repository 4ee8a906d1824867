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

/** The page style both generated pages share: plain, readable, in the extension's colour. */
export const PAGE_STYLE = `
  body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #222; }
  h1 { color: #307eff; }
  a { color: #2c5eb0; }
  code { background: #eef3ff; padding: 0 0.25em; border-radius: 3px; }
  .button { display: inline-block; background: #307eff; color: white; padding: 0.5em 1em; border-radius: 6px; text-decoration: none; font-weight: bold; }
`;
