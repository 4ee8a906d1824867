import { allBlocks } from '@scratch-websocket/codegen';
import { specModel } from '../spec';
import { block, type BlockNode, type InputValue } from './blocks';

/** The extension id saved projects name (libs/runtime/CONTRACT.md, Identity). */
export const EXTENSION_ID = specModel().extension.id;

/**
 * One of our blocks as a saved project refers to it: `gsaWebsocket_<opcode>`, its inputs by
 * argument name (libs/runtime/CONTRACT.md, Identity), given here in the order the block's
 * text shows them, so `websocket('closeWithReason', 'bye', 4000)` reads like the block.
 * Throws, naming the block, for an opcode the spec does not have or a wrong number of inputs.
 */
export function websocket(opcode: string, ...inputs: InputValue[]): BlockNode {
  const spec = allBlocks(specModel()).find((candidate) => candidate.opcode === opcode);
  if (spec === undefined) throw new Error(`specs/websocket.yaml has no block '${opcode}'`);
  if (inputs.length !== spec.arguments.length) {
    const names = spec.arguments.map((argument) => argument.name).join(', ') || 'none';
    throw new Error(`${opcode} takes ${spec.arguments.length} input(s) (${names}), got ${inputs.length}`);
  }
  if (inputs.length === 0) return block(`${EXTENSION_ID}_${opcode}`);
  return block(`${EXTENSION_ID}_${opcode}`, { inputs: Object.fromEntries(spec.arguments.map((argument, i) => [argument.name, inputs[i]!])) });
}
