/**
 * The validated spec, with every default applied (see validate.ts, the only place that
 * applies them). Emitters read this model and nothing else, so they never guess.
 */

import type { ArgumentType } from './argument-types.js';
import { BLOCK_SHAPES, type BlockShape, type BlockType, type HandlerBlockType, type HatBlockType, type PaletteBlockType } from './shapes.js';

export type { ArgumentType, BlockType };
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
  /** The name of the menu in `SpecModel.menus` it offers, if any. */
  menu?: string;
  /** A dropdown on the block itself (a menu that accepts no reporters), not a slot for a value. */
  field: boolean;
}

export interface MenuItemModel {
  /** What the block receives. */
  value: string;
  /** What the menu shows (translated: `menu.<menu>.<value>`). */
  text: string;
  /** For translators, when `text` alone is ambiguous; '' for none. */
  translatorNote: string;
  location: SpecLocation;
}

export interface MenuModel {
  name: string;
  /** False (the VM's default): a field, a dropdown without a slot for reporters, which hats can match. */
  acceptReporters: boolean;
  items: { kind: 'static'; items: MenuItemModel[] } | { kind: 'dynamic'; function: string; functionLocation: SpecLocation };
  /** The runtime export whose values the items must equal, in order (`mirrors:`; check-mirrors.ts). */
  mirrors?: { name: string; location: SpecLocation };
  location: SpecLocation;
}

interface BlockBase {
  opcode: string;
  text: string;
  /** For translators, when `text` alone is ambiguous; '' for none. */
  translatorNote: string;
  /** In the order their placeholders appear in `text`: handlers take them in this order. */
  arguments: ArgumentModel[];
  docs: string;
  /** Its prose on the gallery's page when the spec has a gallery guide (`docs.gallery`); '' for none. */
  gallery: string;
  /** Kept only so that old projects load: hidden from the palette and the docs. */
  hideFromPalette: boolean;
  location: SpecLocation;
}

export interface HandlerBlockModel extends BlockBase {
  blockType: HandlerBlockType;
  handler: string;
  /**
   * Whether the handler takes the running sprite first (`handler(target, ...arguments)`).
   * False for a pure handler (`handler(...arguments)`), whose result depends on its arguments only.
   */
  usesTarget: boolean;
  /** Always false for shapes without a monitor (commands). */
  disableMonitor: boolean;
  handlerLocation: SpecLocation;
}

export interface HatBlockModel extends BlockBase {
  blockType: HatBlockType;
  event: HatEvent;
  isEdgeActivated: boolean;
  shouldRestartExistingThreads: boolean;
  eventLocation: SpecLocation;
}

/** A palette entry that runs nothing (a label): `opcode` holds its stable id, and getInfo() gets no opcode. */
export interface PaletteBlockModel extends BlockBase {
  blockType: PaletteBlockType;
}

export type BlockModel = HandlerBlockModel | HatBlockModel | PaletteBlockModel;

export interface GroupModel {
  group: string;
  docs: string;
  /** The id of the piece that adds it to the gallery; '' in a spec without pieces. */
  piece: string;
  /** Its prose on the gallery's page when the spec has a gallery guide; '' for none. */
  gallery: string;
  blocks: BlockModel[];
}

export interface ExtensionModel {
  id: string;
  name: string;
  /** Whether the name goes through Scratch.translate (and the locale files translate it). */
  translateName: boolean;
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
    /** Topics of their own, each a heading and its prose, in spec order; none by default. `gallery`: its text in the gallery guide, '' to leave it out. */
    sections: Array<{ title: string; text: string; gallery: string }>;
    /** The gallery's page as a short guide (its intro), or null for a gallery page with the full prose. */
    gallery: { intro: string } | null;
  };
  nameLocation: SpecLocation;
}

/** One pull request to TurboWarp's gallery, in the order they are sent (pieces.ts). */
export interface PieceModel {
  id: string;
  title: string;
  /** Markdown for the pull request's text. */
  summary: string;
  /** Sockets live in a Worker of the page from this piece on (pieces.ts). */
  worker: boolean;
}

export interface SpecModel {
  extension: ExtensionModel;
  /** In order; empty when the spec declares none. */
  pieces: PieceModel[];
  groups: GroupModel[];
  menus: MenuModel[];
  /**
   * Whether the extension's sockets live in a Worker of the page: always for the full extension;
   * a gallery piece before the one that brings the worker (`worker: true`) opens the page's own.
   */
  socketsInWorker: boolean;
  /** Where the block list starts, for problems about the list as a whole. */
  blocksLocation: SpecLocation;
}

/** What the shape table says about this block's shape. */
export function shape(block: BlockModel): BlockShape {
  return BLOCK_SHAPES[block.blockType];
}

export function isHatBlock(block: BlockModel): block is HatBlockModel {
  return shape(block).runs === 'event';
}

export function isHandlerBlock(block: BlockModel): block is HandlerBlockModel {
  return shape(block).runs === 'handler';
}

/**
 * Whether the VM offers the block a monitor checkbox: a reporter or boolean that does not
 * disable its monitor and has no input, only dropdown fields. (scratch-vm gives no checkbox
 * to a block with a slot for a value, nor to one whose dropdown is given a default value, so
 * the emitters leave such a block's defaults out; see `defaultValue` in block-info.ts.)
 */
export function offersMonitor(block: BlockModel): boolean {
  return isHandlerBlock(block) && shape(block).monitor && !block.disableMonitor && block.arguments.every((argument) => argument.field);
}

/** Blocks that run (a handler or a hat), which have behaviour to test. */
export function runsSomething(block: BlockModel): boolean {
  return shape(block).runs !== 'nothing';
}

export function allBlocks(spec: SpecModel): BlockModel[] {
  return spec.groups.flatMap((group) => group.blocks);
}
