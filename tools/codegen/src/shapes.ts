/**
 * Every block shape the spec may use, described once. The schema, the rules, the model, the
 * extension emitter, the test skeleton and the docs' scratchblocks pictures all read this
 * table, so a new shape (a palette label, a button) is one entry here.
 *
 * Scratch's vocabulary: `blockType` is the VM's `Scratch.BlockType` key (`scratchType`) and the
 * value `getInfo()` reports for it (`scratchValue`, as TurboWarp's extension API defines them).
 */
export interface BlockShape {
  /** `Scratch.BlockType.<scratchType>`, written into getInfo(). */
  readonly scratchType: string;
  /** The string that constant holds, which a test of getInfo() sees. */
  readonly scratchValue: string;
  /**
   * How the block runs, which decides what the spec must name:
   * - `handler`: the VM calls the block's method, which calls a runtime method (`handler:`);
   * - `event`: the runtime starts the hat on one of its events (`event:`);
   * - `nothing`: a palette entry that runs nothing and takes no arguments (a label).
   */
  readonly runs: 'handler' | 'event' | 'nothing';
  /**
   * Only for `runs: event`: whether the VM asks the hat's method (a predicate) whether to run
   * once started. An `event` block has no method; a `hat` block's always answers true.
   */
  readonly predicate: boolean;
  /** Whether the block can be edge-activated (`isEdgeActivated`): the VM polls only real hats. */
  readonly edgeActivated: boolean;
  /** Whether the block gets a monitor checkbox, so `disableMonitor` means something. */
  readonly monitor: boolean;
  /**
   * The block in scratchblocks syntax, given its label (inputs already written) and the
   * extension colour: `<is connected? :: #307eff>`; null for an entry scratchblocks cannot
   * draw (a palette label), which the docs show as text.
   */
  readonly draw: ((label: string, colour: string) => string) | null;
}

export const BLOCK_SHAPES = {
  command: {
    scratchType: 'COMMAND',
    scratchValue: 'command',
    runs: 'handler',
    predicate: false,
    edgeActivated: false,
    monitor: false,
    draw: (label, colour) => `${label} :: ${colour}`,
  },
  reporter: {
    scratchType: 'REPORTER',
    scratchValue: 'reporter',
    runs: 'handler',
    predicate: false,
    edgeActivated: false,
    monitor: true,
    draw: (label, colour) => `(${label} :: ${colour})`,
  },
  boolean: {
    scratchType: 'BOOLEAN',
    scratchValue: 'Boolean',
    runs: 'handler',
    predicate: false,
    edgeActivated: false,
    monitor: true,
    draw: (label, colour) => `<${label} :: ${colour}>`,
  },
  event: {
    scratchType: 'EVENT',
    scratchValue: 'event',
    runs: 'event',
    predicate: false,
    edgeActivated: false,
    monitor: false,
    draw: (label, colour) => `${label} :: hat ${colour}`,
  },
  hat: {
    scratchType: 'HAT',
    scratchValue: 'hat',
    runs: 'event',
    predicate: true,
    edgeActivated: true,
    monitor: false,
    draw: (label, colour) => `${label} :: hat ${colour}`,
  },
  label: {
    scratchType: 'LABEL',
    scratchValue: 'label',
    runs: 'nothing',
    predicate: false,
    edgeActivated: false,
    monitor: false,
    draw: null,
  },
} as const satisfies Record<string, BlockShape>;

export type BlockType = keyof typeof BLOCK_SHAPES;
type Shapes = typeof BLOCK_SHAPES;
/** The shapes whose blocks call a runtime handler. */
export type HandlerBlockType = { [K in BlockType]: Shapes[K]['runs'] extends 'handler' ? K : never }[BlockType];
/** The shapes the runtime starts on an event (hats). */
export type HatBlockType = { [K in BlockType]: Shapes[K]['runs'] extends 'event' ? K : never }[BlockType];
/** The shapes that run nothing (a palette label). */
export type PaletteBlockType = { [K in BlockType]: Shapes[K]['runs'] extends 'nothing' ? K : never }[BlockType];

export const BLOCK_TYPES = Object.keys(BLOCK_SHAPES) as BlockType[];

/** The shape of a block type; undefined for a name that is not one (raw spec data). */
export function shapeOf(blockType: unknown): BlockShape | undefined {
  return typeof blockType === 'string' && Object.hasOwn(BLOCK_SHAPES, blockType) ? BLOCK_SHAPES[blockType as BlockType] : undefined;
}
