import { htmlCommentBanner } from './banner.js';
import { fenceFor } from './markdown.js';
import type { SpecModel } from './model.js';
import { proseToHtml, proseToMarkdown, unwrapProse } from './prose.js';
import { scratchblocksCode } from './scratchblocks.js';
import { template } from './templates.js';

/** Which page a view is for: ours (Markdown and HTML) or the gallery's docs page. */
type Flavour = 'standalone' | 'gallery';

interface PageOptions {
  flavour: Flavour;
  /** Line 1, or null for a page that is not ours to guard once it is published. */
  banner: string | null;
  /** Spec prose (paragraphs, `code`, tables) as the page's markup. */
  renderProse: (markdown: string) => string;
  /** A one-line spec text (title, group, label) as the page's markup. */
  renderText: (text: string) => string;
}

/**
 * What every documentation page shows, in order: the intro, how to try the blocks, the
 * spec's sections, then each group with its prose and, for each block, its picture (scratchblocks code) and its prose.
 */
function docsView(spec: SpecModel, { flavour, banner, renderProse, renderText }: PageOptions) {
  return {
    banner,
    title: renderText(spec.extension.docs.title),
    colour: spec.extension.color1,
    intro: renderProse(spec.extension.docs.intro),
    tryIt: renderProse(spec.extension.docs.tryIt[flavour]),
    // Topics that are no group's blocks, such as connecting to the reader's own computer (issue 21).
    sections: spec.extension.docs.sections.map((section) => ({ title: renderText(section.title), text: renderProse(section.text) })),
    groups: spec.groups.map((group) => ({
      name: renderText(group.group),
      docs: renderProse(group.docs),
      // Hidden blocks are kept only so that old projects load: the docs do not offer them.
      blocks: group.blocks
        .filter((block) => !block.hideFromPalette)
        .map((block) => {
          const code = scratchblocksCode(block, spec.extension.color1, spec.menus);
          return {
            opcode: block.opcode,
            code,
            // The Markdown pages' fence around the code: longer than any run of backticks in it.
            fence: code === null ? '' : fenceFor(code),
            // What scratchblocks cannot draw (a palette label) is shown as a heading.
            label: renderText(block.text),
            docs: renderProse(block.docs),
          };
        }),
    })),
  };
}

/** apps/docs/generated/websocket.md, in TurboWarp's extension documentation format; spec text escaped for Markdown. */
export function emitDocsMarkdown(spec: SpecModel, specFile: string): string {
  const view = docsView(spec, {
    flavour: 'standalone',
    banner: htmlCommentBanner(specFile),
    renderProse: proseToMarkdown,
    renderText: proseToMarkdown,
  });
  return template('docs.md.hbs', { noEscape: true })(view);
}

/** apps/docs/generated/websocket.html: the same content as a standalone page (handlebars escapes the plain texts). */
export function emitDocsHtml(spec: SpecModel, specFile: string): string {
  const view = docsView(spec, {
    flavour: 'standalone',
    banner: htmlCommentBanner(specFile),
    renderProse: proseToHtml,
    renderText: (text) => text,
  });
  return template('docs.html.hbs', { noEscape: false })(view);
}

/**
 * apps/docs/generated/gallery/ws.md: the page for TurboWarp's gallery (its docs/<user>/<slug>.md).
 * The gallery renders every source line break as `<br>`, so each paragraph is one line; and its
 * readers have only the blocks, so the page names none of this repository's tools. It has no
 * "generated, do not edit" banner: in the gallery's repository the page is theirs, and its
 * maintainers edit docs by hand (the gallery's ws.js has no banner either; issue 21).
 */
export function emitGalleryDocsMarkdown(spec: SpecModel): string {
  const view = docsView(spec, {
    flavour: 'gallery',
    banner: null,
    renderProse: (markdown) => unwrapProse(proseToMarkdown(markdown)),
    renderText: proseToMarkdown,
  });
  return template('docs.md.hbs', { noEscape: true })(view);
}
