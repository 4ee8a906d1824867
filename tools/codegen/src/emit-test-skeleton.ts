import { skeletonBanner } from './banner.js';
import { literal } from './literal.js';
import { isHatBlock, type ArgumentModel, type BlockModel } from './model.js';
import { template } from './templates.js';

/** The values Scratch's BlockType and ArgumentType constants have, which getInfo reports. */
const SCRATCH_BLOCK_TYPE: Record<BlockModel['blockType'], string> = {
  command: 'command',
  reporter: 'reporter',
  boolean: 'Boolean',
  event: 'event',
  hat: 'hat',
};
const SCRATCH_ARGUMENT_TYPE: Record<ArgumentModel['type'], string> = { string: 'string', number: 'number', boolean: 'Boolean' };

/**
 * apps/extension/test/blocks/<opcode>.test.ts for a block that has none: a generated check
 * of what the spec fixes, and a behaviour test that fails until someone writes it.
 */
export function emitTestSkeleton(block: BlockModel, specFile: string): string {
  return template('block.test.ts.hbs', { noEscape: true })({
    banner: skeletonBanner(specFile),
    opcode: block.opcode,
    opcodeLiteral: literal(block.opcode),
    failMessage: literal(`describe how ${block.opcode} behaves`),
    expectedInfo: expectedInfoLines(block),
  });
}

/** The block's entry in getInfo(), as the lines of an object literal. */
function expectedInfoLines(block: BlockModel): string[] {
  const lines = [
    `opcode: ${literal(block.opcode)},`,
    `blockType: ${literal(SCRATCH_BLOCK_TYPE[block.blockType])},`,
    `text: ${literal(block.text)},`,
  ];
  if (block.arguments.length > 0) {
    lines.push('arguments: {');
    for (const argument of block.arguments) {
      lines.push(`  ${argument.name}: { type: ${literal(SCRATCH_ARGUMENT_TYPE[argument.type])}, defaultValue: ${literal(argument.default)} },`);
    }
    lines.push('},');
  }
  if (isHatBlock(block)) {
    lines.push(`isEdgeActivated: ${block.isEdgeActivated},`, `shouldRestartExistingThreads: ${block.shouldRestartExistingThreads},`);
  } else if (block.blockType !== 'command') {
    lines.push(`disableMonitor: ${block.disableMonitor},`);
  }
  return lines;
}
