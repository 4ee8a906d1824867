import { allBlocks, readSpecModel, runsSomething, type BlockModel } from '@scratch-websocket/codegen';

/** The blocks of specs/websocket.yaml in order (not the palette labels, which the docs show as headings). */
export function specBlocks(): BlockModel[] {
  return allBlocks(readSpecModel()).filter(runsSomething);
}

/**
 * The texts of the spec's palette labels that say something other than their group's name, in
 * order: a label with its group's name is that group's heading already, so the docs omit it.
 */
export function specLabelsUnlikeTheirGroup(): string[] {
  return readSpecModel().groups.flatMap((group) =>
    group.blocks.filter((block) => !runsSomething(block) && !block.hideFromPalette && block.text !== group.group).map((block) => block.text),
  );
}
