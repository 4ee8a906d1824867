import { allBlocks, readSpecModel, runsSomething, type BlockModel } from '@scratch-websocket/codegen';

/** The blocks of specs/websocket.yaml in order (not the palette labels, which the docs show as headings). */
export function specBlocks(): BlockModel[] {
  return allBlocks(readSpecModel()).filter(runsSomething);
}

/** The texts of the spec's palette labels, in order. */
export function specLabels(): string[] {
  return allBlocks(readSpecModel())
    .filter((block) => !runsSomething(block))
    .map((block) => block.text);
}
