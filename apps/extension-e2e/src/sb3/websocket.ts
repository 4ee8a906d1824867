import { allBlocks } from '@scratch-websocket/codegen';
import { specModel } from '../spec';
import { block, type BlockNode, type InputValue } from './blocks';

/** The extension id saved projects name (libs/runtime/CONTRACT.md, Identity). */
export const EXTENSION_ID = specModel().extension.id;

/**
 * One of our blocks as a saved project refers to it: `gsaWebsocket_<opcode>`, its inputs by
 * argument name (libs/runtime/CONTRACT.md, Identity), given here in the order the block's
 * text shows them, so `websocket('closeWithReason', 'bye', 4000)` reads like the block.
 * Arguments with a menu that takes no reporters are saved as the block's fields, as the editor
 * saves them. Throws, naming the block, for an opcode the spec does not have, a wrong number of
 * inputs, or a block given for a menu field.
 */
export function websocket(opcode: string, ...inputs: InputValue[]): BlockNode {
  const spec = allBlocks(specModel()).find((candidate) => candidate.opcode === opcode);
  if (spec === undefined) throw new Error(`specs/websocket.yaml has no block '${opcode}'`);
  if (inputs.length !== spec.arguments.length) {
    const names = spec.arguments.map((argument) => argument.name).join(', ') || 'none';
    throw new Error(`${opcode} takes ${spec.arguments.length} input(s) (${names}), got ${inputs.length}`);
  }
  if (inputs.length === 0) return block(`${EXTENSION_ID}_${opcode}`);
  // A menu without a reporter slot is a field of the block itself, as the editor saves it.
  const isField = (menu: string | undefined) => specModel().menus.some((candidate) => candidate.name === menu && !candidate.acceptReporters);
  const inputEntries: [string, InputValue][] = [];
  const fieldEntries: [string, string][] = [];
  spec.arguments.forEach((argument, i) => {
    const value = inputs[i]!;
    if (!isField(argument.menu)) inputEntries.push([argument.name, value]);
    else if (typeof value === 'string') fieldEntries.push([argument.name, value]);
    else throw new Error(`${opcode}: ${argument.name} is a menu field and takes a menu value (a string), not a block`);
  });
  return block(`${EXTENSION_ID}_${opcode}`, {
    ...(inputEntries.length > 0 ? { inputs: Object.fromEntries(inputEntries) } : {}),
    ...(fieldEntries.length > 0 ? { fields: Object.fromEntries(fieldEntries) } : {}),
  });
}
