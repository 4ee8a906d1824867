import { skeletonBanner } from './banner.js';
import { literal } from './literal.js';
import { ARGUMENT_TYPE_INFO } from './argument-types.js';
import { defaultValue, menuField, shapeFlags } from './block-info.js';
import { shape, type BlockModel } from './model.js';
import { template } from './templates.js';

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
    `blockType: ${literal(shape(block).scratchValue)},`,
    `text: ${literal(block.text)},`,
  ];
  if (block.arguments.length > 0) {
    lines.push('arguments: {');
    for (const argument of block.arguments) {
      lines.push(`  ${argument.name}: { type: ${literal(ARGUMENT_TYPE_INFO[argument.type].scratchValue)}${menuField(argument)}${defaultValue(argument, block)} },`);
    }
    lines.push('},');
  }
  return [...lines, ...shapeFlags(block)];
}
