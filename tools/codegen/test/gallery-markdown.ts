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

/** An anchor the generator declares: `<a id="ID"></a>`, its id only letters, digits, `-` and `_` (anchors.ts). */
const ANCHOR_OPEN = /^<a id="([A-Za-z0-9_-]+)">$/;

/**
 * What the gallery would make of a page beyond the text and formatting the generator writes:
 * raw HTML other than the line-1 banner comment and the generator's empty `<a id>` anchors,
 * links (written, autolinked or linkified) other than `#ID` to an anchor the page declares,
 * and images, each as a short description. A page the spec cannot inject into gives []. Read
 * from markdown-it's tokens, so text that merely looks like a tag (escaped) is not counted.
 */
export function undeclaredMarkup(markdown: string): string[] {
  const found: string[] = [];
  const anchors = new Set<string>();
  const fragmentLinks: string[] = [];
  const visit = (tokens: readonly Token[]): void => {
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index]!;
      const anchor = token.type === 'html_inline' ? ANCHOR_OPEN.exec(token.content) : null;
      if (anchor !== null && tokens[index + 1]?.type === 'html_inline' && tokens[index + 1]?.content === '</a>') {
        anchors.add(anchor[1]!);
        index += 1;
        continue;
      }
      const isBanner = token.type === 'html_block' && token.map?.[0] === 0 && BANNER.test(token.content);
      if ((token.type === 'html_block' || token.type === 'html_inline') && !isBanner) found.push(`${token.type} ${token.content.trim()}`);
      const href = token.type === 'link_open' ? (token.attrGet('href') ?? '') : null;
      if (href !== null && /^#[A-Za-z0-9_-]+$/.test(href)) fragmentLinks.push(href.slice(1));
      else if (token.type === 'link_open' || token.type === 'image') found.push(`${token.type} ${token.attrGet('href') ?? token.attrGet('src') ?? ''}`);
      if (token.children !== null) visit(token.children);
    }
  };
  visit(gallery.parse(markdown, {}));
  // A link into the page is the generator's own only if the page declares its target.
  for (const id of fragmentLinks) if (!anchors.has(id)) found.push(`link_open #${id} (no such anchor)`);
  return found;
}
