import { allBlocks, readSpecModel } from '@scratch-websocket/codegen';
import { block, type BlockNode, type FieldValue, type InputValue } from './blocks';

/** The extension id saved projects name (libs/runtime/CONTRACT.md, Identity). */
export const EXTENSION_ID = readSpecModel().extension.id;

/** Whether specs/websocket.yaml has a block with this opcode. */
export function specHasBlock(opcode: string): boolean {
  return allBlocks(readSpecModel()).some((candidate) => candidate.opcode === opcode);
}

/**
 * One of our blocks as a saved project refers to it: `gsaWebsocket_<opcode>`, its inputs by
 * argument name (libs/runtime/CONTRACT.md, Identity), given here in the order the block's
 * text shows them, so `websocket('closeWithReason', 'bye', 4000)` reads like the block.
 * An argument whose menu accepts no reporters is a dropdown on the block itself, so the VM
 * saves it as a field, not an input; it then takes the menu item's value as text. A menu
 * with a slot takes a reporter, or a value as text that is saved in the menu's shadow block.
 * Throws, naming the block, for an opcode the spec does not have or a wrong number of inputs.
 */
export function websocket(opcode: string, ...inputs: InputValue[]): BlockNode {
  const spec = allBlocks(readSpecModel()).find((candidate) => candidate.opcode === opcode);
  if (spec === undefined) throw new Error(`specs/websocket.yaml has no block '${opcode}'`);
  if (inputs.length !== spec.arguments.length) {
    const names = spec.arguments.map((argument) => argument.name).join(', ') || 'none';
    throw new Error(`${opcode} takes ${spec.arguments.length} input(s) (${names}), got ${inputs.length}`);
  }
  if (inputs.length === 0) return block(`${EXTENSION_ID}_${opcode}`);
  const blockInputs: Record<string, InputValue> = {};
  const fields: Record<string, FieldValue> = {};
  spec.arguments.forEach((argument, i) => {
    const value = inputs[i]!;
    const menu = readSpecModel().menus.find((candidate) => candidate.name === argument.menu);
    if (menu === undefined) blockInputs[argument.name] = value;
    else if (menu.acceptReporters) {
      // A menu with a slot: a literal is its own shadow block, as the editor saves it.
      blockInputs[argument.name] =
        typeof value === 'string' ? { menu: `${EXTENSION_ID}_menu_${menu.name}`, field: menu.name, value } : value;
    } else if (typeof value === 'string') fields[argument.name] = value;
    else throw new Error(`${opcode}: ${argument.name} is a menu field and takes a menu value (a string), not a block`);
  });
  return block(`${EXTENSION_ID}_${opcode}`, {
    ...(Object.keys(blockInputs).length > 0 ? { inputs: blockInputs } : {}),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
  });
}
