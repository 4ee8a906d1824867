import { block, list, variable, type BlockNode, type InputValue } from './blocks';

/**
 * Scratch's own blocks that the test projects use, by their VM opcodes and input names.
 * Each helper is named after what the block says in the editor.
 */

// Events and control
export const whenFlagClicked = (): BlockNode => block('event_whenflagclicked');
/** `when I receive [message]`; the VM gives the message an id when the project loads. */
export const whenIReceive = (message: string): BlockNode => block('event_whenbroadcastreceived', { fields: { BROADCAST_OPTION: message } });
export const whenIStartAsAClone = (): BlockNode => block('control_start_as_clone');
export const wait = (seconds: InputValue): BlockNode => block('control_wait', { inputs: { DURATION: seconds } });
export const waitUntil = (condition: BlockNode): BlockNode => block('control_wait_until', { inputs: { CONDITION: condition } });
export const repeat = (times: InputValue, body: BlockNode[]): BlockNode =>
  block('control_repeat', { inputs: { TIMES: times }, substacks: { SUBSTACK: body } });
export const repeatUntil = (condition: BlockNode, body: BlockNode[]): BlockNode =>
  block('control_repeat_until', { inputs: { CONDITION: condition }, substacks: { SUBSTACK: body } });
export const forever = (body: BlockNode[]): BlockNode => block('control_forever', { substacks: { SUBSTACK: body } });
export const ifThen = (condition: BlockNode, body: BlockNode[]): BlockNode =>
  block('control_if', { inputs: { CONDITION: condition }, substacks: { SUBSTACK: body } });
export const ifThenElse = (condition: BlockNode, then: BlockNode[], otherwise: BlockNode[]): BlockNode =>
  block('control_if_else', { inputs: { CONDITION: condition }, substacks: { SUBSTACK: then, SUBSTACK2: otherwise } });
export const createCloneOf = (sprite: '_myself_' | string): BlockNode =>
  block('control_create_clone_of', {
    inputs: { CLONE_OPTION: { menu: 'control_create_clone_of_menu', field: 'CLONE_OPTION', value: sprite } },
  });
export const deleteThisClone = (): BlockNode => block('control_delete_this_clone');

// Motion: a visible move asks for a redraw, which ends the frame for a script not in warp mode.
export const changeXBy = (dx: InputValue): BlockNode => block('motion_changexby', { inputs: { DX: dx } });

// Variables and lists
export const setVariable = (name: string, value: InputValue): BlockNode =>
  block('data_setvariableto', { fields: { VARIABLE: variable(name) }, inputs: { VALUE: value } });
export const changeVariable = (name: string, by: InputValue): BlockNode =>
  block('data_changevariableby', { fields: { VARIABLE: variable(name) }, inputs: { VALUE: by } });
export const addToList = (name: string, item: InputValue): BlockNode =>
  block('data_addtolist', { fields: { LIST: list(name) }, inputs: { ITEM: item } });
export const deleteAllOfList = (name: string): BlockNode => block('data_deletealloflist', { fields: { LIST: list(name) } });
export const lengthOfList = (name: string): BlockNode => block('data_lengthoflist', { fields: { LIST: list(name) } });
export const itemOfList = (index: InputValue, name: string): BlockNode =>
  block('data_itemoflist', { fields: { LIST: list(name) }, inputs: { INDEX: index } });

// Operators and sensing
export const join = (first: InputValue, second: InputValue): BlockNode =>
  block('operator_join', { inputs: { STRING1: first, STRING2: second } });
export const equals = (first: InputValue, second: InputValue): BlockNode =>
  block('operator_equals', { inputs: { OPERAND1: first, OPERAND2: second } });
export const greaterThan = (first: InputValue, second: InputValue): BlockNode =>
  block('operator_gt', { inputs: { OPERAND1: first, OPERAND2: second } });
export const lessThan = (first: InputValue, second: InputValue): BlockNode =>
  block('operator_lt', { inputs: { OPERAND1: first, OPERAND2: second } });
export const or = (first: BlockNode, second: BlockNode): BlockNode =>
  block('operator_or', { inputs: { OPERAND1: first, OPERAND2: second } });
export const plus = (first: InputValue, second: InputValue): BlockNode =>
  block('operator_add', { inputs: { NUM1: first, NUM2: second } });
export const minus = (first: InputValue, second: InputValue): BlockNode =>
  block('operator_subtract', { inputs: { NUM1: first, NUM2: second } });
export const not = (operand: BlockNode): BlockNode => block('operator_not', { inputs: { OPERAND: operand } });
export const and = (first: BlockNode, second: BlockNode): BlockNode =>
  block('operator_and', { inputs: { OPERAND1: first, OPERAND2: second } });
export const letterOf = (index: InputValue, text: InputValue): BlockNode =>
  block('operator_letter_of', { inputs: { LETTER: index, STRING: text } });
export const lengthOf = (text: InputValue): BlockNode => block('operator_length', { inputs: { STRING: text } });
export const timer = (): BlockNode => block('sensing_timer');

// Custom blocks (no arguments): "define <name>", optionally run without screen refresh.
function procedureMutation(name: string, warp: boolean): Record<string, string> {
  return {
    tagName: 'mutation',
    proccode: name,
    argumentids: '[]',
    argumentnames: '[]',
    argumentdefaults: '[]',
    warp: String(warp),
  };
}

/** `define <name>` as a hat with its body; `warp` is "run without screen refresh". */
export function defineProcedure(name: string, options: { warp: boolean }, body: BlockNode[]): BlockNode[] {
  const prototype = block('procedures_prototype', { mutation: procedureMutation(name, options.warp), shadow: true });
  return [block('procedures_definition', { inputs: { custom_block: prototype } }), ...body];
}

export const callProcedure = (name: string, options: { warp: boolean }): BlockNode =>
  block('procedures_call', {
    mutation: { tagName: 'mutation', proccode: name, argumentids: '[]', warp: String(options.warp) },
  });
