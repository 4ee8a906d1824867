import { ARGUMENT_TYPE_INFO } from './argument-types.js';
import { literal } from './literal.js';
import { isHandlerBlock, isHatBlock, offersMonitor, shape, type ArgumentModel, type BlockModel } from './model.js';

/**
 * The fields of a block's getInfo() entry that its shape adds, as object literal lines: the
 * hat flags for shapes the runtime starts, `disableMonitor` for shapes with a monitor. Both
 * the extension and the test skeleton write them, so they agree.
 */
export function shapeFlags(block: BlockModel): string[] {
  // Written only when set, so blocks without it read as before.
  const hidden = block.hideFromPalette ? ['hideFromPalette: true,'] : [];
  if (isHatBlock(block)) return [`isEdgeActivated: ${block.isEdgeActivated},`, `shouldRestartExistingThreads: ${block.shouldRestartExistingThreads},`, ...hidden];
  return [...(isHandlerBlock(block) && shape(block).monitor ? [`disableMonitor: ${block.disableMonitor},`] : []), ...hidden];
}

/** A label has no opcode in getInfo() (the VM warns about one): its id is for translations only. */
export function writesOpcode(block: BlockModel): boolean {
  return shape(block).runs !== 'nothing';
}

/** `, menu: 'closeCodes'` for an argument that offers a menu. */
export function menuField(argument: ArgumentModel): string {
  return argument.menu === undefined ? '' : `, menu: ${literal(argument.menu)}`;
}

/** The extension method that lists a dynamic menu's items (getInfo names it in `menus`). */
export function menuMethodName(menuName: string): string {
  return `${menuName}Menu`;
}

/**
 * Whether getInfo() gives the argument a `defaultValue`. Not for a Boolean slot (see
 * ArgumentTypeInfo.hasDefault), nor for a dropdown of a block with a monitor checkbox:
 * scratch-vm offers no checkbox to a block whose dropdown is given a default. Without one, the
 * dropdown shows its menu's first item, which the rules make the spec's default.
 */
export function showsDefault(argument: ArgumentModel, block: BlockModel): boolean {
  return ARGUMENT_TYPE_INFO[argument.type].hasDefault && !(argument.field && offersMonitor(block));
}

/** `, defaultValue: 'x'` for an argument that shows its default (see showsDefault). */
export function defaultValue(argument: ArgumentModel, block: BlockModel): string {
  return showsDefault(argument, block) ? `, defaultValue: ${literal(argument.default)}` : '';
}
