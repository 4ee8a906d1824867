import { htmlCommentBanner } from './banner.js';
import type { SpecModel } from './model.js';
import { proseToHtml, proseToMarkdown } from './prose.js';
import { scratchblocksCode } from './scratchblocks.js';
import { template } from './templates.js';

/**
 * What both documentation pages show, in order: the intro, then each group with its prose
 * and, for each block, its picture (scratchblocks code) and its prose.
 */
function docsView(spec: SpecModel, specFile: string, renderProse: (markdown: string) => string, renderText: (text: string) => string) {
  return {
    banner: htmlCommentBanner(specFile),
    title: renderText(spec.extension.docs.title),
    colour: spec.extension.color1,
    intro: renderProse(spec.extension.docs.intro),
    groups: spec.groups.map((group) => ({
      name: renderText(group.group),
      docs: renderProse(group.docs),
      // Hidden blocks are kept only so that old projects load: the docs do not offer them.
      blocks: group.blocks
        .filter((block) => !block.hideFromPalette)
        .map((block) => ({
          opcode: block.opcode,
          code: scratchblocksCode(block, spec.extension.color1, spec.menus),
          // What scratchblocks cannot draw (a palette label) is shown as a heading.
          label: renderText(block.text),
          docs: renderProse(block.docs),
        })),
    })),
  };
}

/** apps/docs/generated/websocket.md, in TurboWarp's extension documentation format; spec text escaped for Markdown. */
export function emitDocsMarkdown(spec: SpecModel, specFile: string): string {
  return template('docs.md.hbs', { noEscape: true })(docsView(spec, specFile, proseToMarkdown, proseToMarkdown));
}

/** apps/docs/generated/websocket.html: the same content as a standalone page (handlebars escapes the plain texts). */
export function emitDocsHtml(spec: SpecModel, specFile: string): string {
  return template('docs.html.hbs', { noEscape: false })(docsView(spec, specFile, proseToHtml, (text) => text));
}
