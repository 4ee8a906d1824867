import { htmlCommentBanner } from './banner.js';
import { fenceFor } from './markdown.js';
import { AnchorRegistry, blockAnchor, linkReferences, type Reference } from './anchors.js';
import type { GroupModel, SpecModel } from './model.js';
import { escapeHtml, proseToHtml, proseToMarkdown, unwrapProse } from './prose.js';
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
  /** A group's or section's name as `renderProse` writes it, to find "see NAME" in rendered prose. */
  nameInProse: (name: string) => string;
  /** The page's link to one of its own anchors, around text already rendered for it. */
  link: (text: string, anchor: string) => string;
}

/**
 * What every documentation page shows, in order: the intro, how to try the blocks, a table of
 * contents, the spec's sections, then each group with its prose and, for each block, its
 * picture (scratchblocks code) and its prose. Every heading and block has an anchor the
 * generator makes (anchors.ts), and "see NAME" in prose links the group or section NAME.
 */
function docsView(spec: SpecModel, { flavour, banner, renderProse, renderText, nameInProse, link }: PageOptions) {
  // The gallery's page as a guide of its own: its intro, and the short texts written for it.
  const guide = flavour === 'gallery' ? spec.extension.docs.gallery : null;
  const intro = guide === null ? spec.extension.docs.intro : guide.intro;
  const groupDocs = (group: GroupModel): string => (guide === null ? group.docs : group.gallery);
  const blockDocs = (block: GroupModel['blocks'][number]): string => (guide === null ? block.docs : block.gallery);
  const pageSections = spec.extension.docs.sections.flatMap((section) => (guide === null ? [section] : section.gallery === '' ? [] : [{ ...section, text: section.gallery }]));
  const anchors = new AnchorRegistry();
  // Hidden blocks are kept only so that old projects load: the docs do not offer them.
  const shown = (group: GroupModel) => group.blocks.filter((block) => !block.hideFromPalette);
  anchors.reserve(spec.groups.flatMap((group) => shown(group).map((block) => blockAnchor(block.opcode))));
  const contentsAnchor = anchors.forHeading('Contents');
  const sections = pageSections.map((section) => ({ ...section, anchor: anchors.forHeading(section.title) }));
  const blocksAnchor = anchors.forHeading('Blocks');
  const groups = spec.groups.map((group) => ({ group, anchor: anchors.forHeading(group.group) }));
  const references: Reference[] = [...sections.map(({ title, anchor }) => ({ name: title, anchor })), ...groups.map(({ group, anchor }) => ({ name: group.group, anchor }))];
  const prose = (markdown: string): string => linkReferences(renderProse(markdown), references, nameInProse, link);
  return {
    banner,
    title: renderText(spec.extension.docs.title),
    colour: spec.extension.color1,
    intro: prose(intro),
    tryIt: prose(spec.extension.docs.tryIt[flavour]),
    contentsAnchor,
    // A guide's contents name its topics; the reference's name every block too.
    contentsListsBlocks: guide === null,
    blocksAnchor,
    sections: sections.map((section) => ({ anchor: section.anchor, title: renderText(section.title), text: prose(section.text) })),
    groups: groups.map(({ group, anchor }) => ({
      anchor,
      name: renderText(group.group),
      docs: prose(groupDocs(group)),
      blocks: shown(group)
        // A label that repeats its group's name is the group's heading in the palette: the page has it already.
        .filter((block) => block.blockType !== 'label' || block.text !== group.group)
        .map((block) => {
          const code = scratchblocksCode(block, spec.extension.color1, spec.menus);
          return {
            anchor: blockAnchor(block.opcode),
            code,
            // The Markdown pages' fence around the code: longer than any run of backticks in it.
            fence: code === null ? '' : fenceFor(code),
            // What scratchblocks cannot draw (a palette label) is shown as a heading.
            label: renderText(block.text),
            docs: prose(blockDocs(block)),
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
    nameInProse: proseToMarkdown,
    link: markdownLink,
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
    nameInProse: escapeHtml,
    link: (text, anchor) => `<a href="#${anchor}">${text}</a>`,
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
    nameInProse: proseToMarkdown,
    link: markdownLink,
  });
  return template('docs.md.hbs', { noEscape: true })(view);
}

/** A Markdown link to an anchor of the page; the text is already escaped Markdown, the anchor plain (anchors.ts). */
function markdownLink(text: string, anchor: string): string {
  return `[${text}](#${anchor})`;
}
