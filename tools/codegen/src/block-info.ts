import { ARGUMENT_TYPE_INFO } from './argument-types.js';
import { literal } from './literal.js';
import { isHandlerBlock, isHatBlock, shape, type ArgumentModel, type BlockModel } from './model.js';

/**
 * The fields of a block's getInfo() entry that its shape adds, as object literal lines: the
 * hat flags for shapes the runtime starts, `disableMonitor` for shapes with a monitor. Both
 * the extension and the test skeleton write them, so they agree.
 */
export function shapeFlags(block: BlockModel): string[] {
  if (isHatBlock(block)) return [`isEdgeActivated: ${block.isEdgeActivated},`, `shouldRestartExistingThreads: ${block.shouldRestartExistingThreads},`];
  return isHandlerBlock(block) && shape(block).monitor ? [`disableMonitor: ${block.disableMonitor},`] : [];
}

/** `, defaultValue: 'x'` for inputs that show one, nothing for Boolean slots (see ArgumentTypeInfo.hasDefault). */
export function defaultValue(argument: ArgumentModel): string {
  return ARGUMENT_TYPE_INFO[argument.type].hasDefault ? `, defaultValue: ${literal(argument.default)}` : '';
}
