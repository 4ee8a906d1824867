import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/**
 * TurboWarp's gallery renders a docs page with markdown-it at exactly these settings and draws
 * a ```scratch fence as blocks, its text escaped (development/render-docs.js in
 * TurboWarp/extensions). `html: true` passes raw HTML through; `linkify: true` makes a link of
 * every bare URL, `www.` host and e-mail address.
 */
const gallery = new MarkdownIt({ html: true, linkify: true, breaks: true });
gallery.renderer.rules.fence = (tokens, index) => {
  const token = tokens[index]!;
  const content = gallery.utils.escapeHtml(token.content);
  return token.info === 'scratch' ? `<div class="render-scratchblocks">${content}</div>` : `<pre class="language-${gallery.utils.escapeHtml(token.info)}">${content}</pre>`;
};

/** The page's body as the gallery renders it. */
export function renderAsGallery(markdown: string): string {
  return gallery.render(markdown);
}

/** Line 1 of a generated page: one HTML comment that ends where the line ends. */
const BANNER = /^<!-- (?:(?!-->)[^\n])* -->\n$/;

/**
 * What the gallery would make of a page beyond the text and formatting the generator writes:
 * raw HTML other than the line-1 banner comment, links (written, autolinked or linkified) and
 * images, each as a short description. A page the spec cannot inject into gives []. Read from
 * markdown-it's tokens, so text that merely looks like a tag (escaped) is not counted.
 */
export function undeclaredMarkup(markdown: string): string[] {
  const found: string[] = [];
  const visit = (tokens: readonly Token[]): void => {
    for (const token of tokens) {
      const isBanner = token.type === 'html_block' && token.map?.[0] === 0 && BANNER.test(token.content);
      if ((token.type === 'html_block' || token.type === 'html_inline') && !isBanner) found.push(`${token.type} ${token.content.trim()}`);
      if (token.type === 'link_open' || token.type === 'image') found.push(`${token.type} ${token.attrGet('href') ?? token.attrGet('src') ?? ''}`);
      if (token.children !== null) visit(token.children);
    }
  };
  visit(gallery.parse(markdown, {}));
  return found;
}
