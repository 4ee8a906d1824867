import { isHandlerBlock, isHatBlock, type SpecModel } from './model.js';
import type { GalleryStep } from './pieces.js';
import { template } from './templates.js';

/**
 * The text of one piece's pull request to TurboWarp's gallery: its title and summary, the blocks
 * it adds, and for the first piece every behaviour difference from the gallery's current file
 * with its reason (`differences`: libs/runtime/GALLERY-DIFFERENCES.md, from its first section on).
 */
export function emitPullRequest(step: GalleryStep, spec: SpecModel, differences: string): string {
  const first = step.number === 1;
  const addedGroups = spec.groups.filter((group) => group.piece === step.piece.id);
  const blocks = addedGroups
    .flatMap((group) => group.blocks)
    .filter((block) => !block.hideFromPalette && (isHandlerBlock(block) || isHatBlock(block)))
    .map((block) => block.text);
  return template('pull-request.md.hbs', { noEscape: true })({
    title: step.piece.title,
    summary: step.piece.summary.trim(),
    first,
    added: step.added,
    blocks,
    differences: first ? fromFirstSection(differences).trim() : '',
  });
}

/** Markdown from its first `## ` section on: the title and the note to our own readers stay behind. */
function fromFirstSection(markdown: string): string {
  const start = markdown.search(/^## /m);
  return start === -1 ? '' : markdown.slice(start);
}
