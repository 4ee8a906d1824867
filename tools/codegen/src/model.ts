/**
 * The validated spec, with every default applied (see validate.ts, the only place that
 * applies them). Emitters read this model and nothing else, so they never guess.
 */

export type ArgumentType = 'string' | 'number' | 'boolean';
export type BlockType = 'command' | 'reporter' | 'boolean' | 'event' | 'hat';
/** An event the runtime raises: a key of `HatOpcodes` in libs/runtime/src/host.ts (checked by check-handlers.ts). */
export type HatEvent = string;

/** Where something was written in the spec, for messages that point back at it. */
export interface SpecLocation {
  line: number;
  col: number;
  /** Like `blocks[0].blocks[0].handler`. */
  path: string;
}

export interface ArgumentModel {
  name: string;
  type: ArgumentType;
  default: string | number | boolean;
}

interface BlockBase {
  opcode: string;
  text: string;
  /** In the order their placeholders appear in `text`: handlers take them in this order. */
  arguments: ArgumentModel[];
  docs: string;
  location: SpecLocation;
}

export interface HandlerBlockModel extends BlockBase {
  blockType: 'command' | 'reporter' | 'boolean';
  handler: string;
  /** Always false for commands, which have no monitor. */
  disableMonitor: boolean;
  handlerLocation: SpecLocation;
}

export interface HatBlockModel extends BlockBase {
  blockType: 'event' | 'hat';
  event: HatEvent;
  isEdgeActivated: boolean;
  shouldRestartExistingThreads: boolean;
  eventLocation: SpecLocation;
}

export type BlockModel = HandlerBlockModel | HatBlockModel;

export interface GroupModel {
  group: string;
  docs: string;
  blocks: BlockModel[];
}

export interface ExtensionModel {
  id: string;
  name: string;
  color1: string;
  color2: string;
  description: string;
  by: string;
  /** The author of the blocks these replace, `Name <profile URL>`; '' for none. */
  original: string;
  license: string;
  docsURI: string;
  docs: {
    title: string;
    intro: string;
    /** How a reader tries the blocks, per page: each names only what its readers have. */
    tryIt: { standalone: string; gallery: string };
  };
}

export interface SpecModel {
  extension: ExtensionModel;
  groups: GroupModel[];
  /** Where the block list starts, for problems about the list as a whole. */
  blocksLocation: SpecLocation;
}

export function isHatBlock(block: BlockModel): block is HatBlockModel {
  return block.blockType === 'event' || block.blockType === 'hat';
}

export function allBlocks(spec: SpecModel): BlockModel[] {
  return spec.groups.flatMap((group) => group.blocks);
}
