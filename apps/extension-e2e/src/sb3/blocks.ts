/**
 * A test project's scripts as plain trees, written the way the blocks read in the editor.
 * The serializer (./serialize.ts) turns them into the flat, id-linked block map of a
 * saved .sb3 project.
 */

/** A reference to a variable or list by name; resolved to its id on the sprite or stage. */
export interface VariableRef {
  readonly variable: string;
}
export interface ListRef {
  readonly list: string;
}

/** A dropdown menu that Scratch saves as a separate shadow block (e.g. "create clone of [myself]"). */
export interface MenuShadow {
  readonly menu: string;
  readonly field: string;
  readonly value: string;
}

/** What may fill an input: a literal (saved as a text or number shadow), a reporter, a variable. */
export type InputValue = string | number | BlockNode | VariableRef | ListRef | MenuShadow;

export type FieldValue = string | VariableRef | ListRef;

export interface BlockNode {
  readonly opcode: string;
  readonly inputs?: Readonly<Record<string, InputValue>>;
  readonly fields?: Readonly<Record<string, FieldValue>>;
  /** C-shaped blocks: SUBSTACK (and SUBSTACK2) hold a list of stacked blocks. */
  readonly substacks?: Readonly<Record<string, readonly BlockNode[]>>;
  readonly mutation?: Readonly<Record<string, string>>;
  /** Saved as a shadow (e.g. a custom block's prototype inside its definition). */
  readonly shadow?: boolean;
}

/** A top-level script: a hat (or a lone block) followed by the blocks stacked under it. */
export type Script = readonly BlockNode[];

export function block(opcode: string, parts: Omit<BlockNode, 'opcode'> = {}): BlockNode {
  return { opcode, ...parts };
}

export const variable = (name: string): VariableRef => ({ variable: name });
export const list = (name: string): ListRef => ({ list: name });

export function isBlockNode(value: unknown): value is BlockNode {
  return typeof value === 'object' && value !== null && 'opcode' in value;
}
