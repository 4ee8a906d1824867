import { z } from 'zod';
import { ARGUMENT_TYPES, type ArgumentType } from './argument-types.js';
import { BLOCK_SHAPES, BLOCK_TYPES, type BlockType } from './shapes.js';

/**
 * The shape of specs/websocket.yaml. Only the shape: rules that relate one field to another
 * (placeholders, default types, hats and handlers, duplicates) are in rules.ts, and defaults
 * are applied in validate.ts.
 */

const identifier = z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'expected a JavaScript identifier');
/** A runtime method, `send`, or a method of one of its facets, `binary.write` (one level: a facet is a property of WebSocketRuntime). */
const handlerName = z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)?$/, 'expected a JavaScript identifier, or facet.method');
/**
 * Text that must stay on one line: it goes into line comments (the bundle's metadata header),
 * single-line docs and the palette. Line breaks (LF, CR, U+2028, U+2029) and other control
 * characters are refused rather than escaped, since no block text or name needs them.
 */
const oneLine = z
  .string()
  .min(1)
  .regex(/^[^\p{Cc}\u2028\u2029]*$/u, 'expected one line of text (no line breaks or control characters)');
/**
 * A text the editor shows, passed through `Scratch.translate`: one line, and no braces, which
 * TurboWarp's translate (format-message) would read as placeholders of its own.
 */
const shownText = oneLine.regex(/^[^{}]*$/, 'expected no { or }: Scratch.translate would read them as placeholders');
/** Argument names become property names in generated code (`args.URL`): a letter first. */
const argumentName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'expected an argument name: a letter, then letters, digits and _');
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour written #rrggbb');

/** Shapes written as blocks (`blockType:`); a shape that runs nothing is written as its own entry (`label:`). */
const blockTypes = BLOCK_TYPES.filter((type) => BLOCK_SHAPES[type].runs !== 'nothing') as [BlockType, ...BlockType[]];
const argumentTypes = ARGUMENT_TYPES as [ArgumentType, ...ArgumentType[]];

export const argumentSchema = z.strictObject({
  type: z.enum(argumentTypes),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  /** A menu of `menus`: a dropdown input, or a field when the menu does not accept reporters. */
  menu: identifier.optional(),
});

export const blockSchema = z.strictObject({
  opcode: identifier,
  blockType: z.enum(blockTypes, `unknown block shape: expected one of ${blockTypes.join(', ')}`),
  text: shownText,
  arguments: z.record(argumentName, argumentSchema).optional(),
  handler: handlerName.optional(),
  /**
   * False for a handler that needs no sprite (a pure conversion): the block method calls it
   * without `util.target`. Only blocks with a handler have it; the default is true.
   */
  usesTarget: z.boolean().optional(),
  event: identifier.optional(),
  isEdgeActivated: z.boolean().optional(),
  shouldRestartExistingThreads: z.boolean().optional(),
  disableMonitor: z.boolean().optional(),
  /** Kept only so that old projects load: not shown in the palette or the docs. */
  hideFromPalette: z.boolean().optional(),
  /** For translators, when the text alone is ambiguous (`protocol`: a WebSocket subprotocol). */
  translatorNote: oneLine.optional(),
  docs: z.string().optional(),
  /** The block's prose on the gallery's page, when the spec has `docs.gallery`; none without it. */
  gallery: z.string().optional(),
});

/** A text in the palette between blocks; `label` is its stable id (translations: `label.<id>`). */
export const labelSchema = z.strictObject({
  label: identifier,
  text: shownText,
});

/** One entry of a group: a label when it has a `label` key, else a block (validate.ts reports the errors of that branch only). */
export const paletteEntrySchema = z.union([labelSchema, blockSchema]);

const menuItemSchema = z.strictObject({
  value: z.union([z.string(), z.number()]).transform(String),
  text: shownText,
  /** For translators, when the text alone is ambiguous ("on": switched on, not "on top of"). */
  translatorNote: oneLine.optional(),
});

/**
 * A menu (`getInfo().menus`): static `items` with a value and a shown text, or the name of a
 * runtime `function` that lists them at run time (a dynamic menu). A menu that does not
 * accept reporters (the VM's default) is a field: a dropdown with no slot for a reporter.
 * `mirrors` names a list the runtime package exports (`STATISTICS`) that the static items'
 * values must equal, in order (check-mirrors.ts).
 */
export const menuSchema = z.strictObject({
  acceptReporters: z.boolean().optional(),
  items: z.array(menuItemSchema).min(1).optional(),
  function: identifier.optional(),
  mirrors: identifier.optional(),
});

export const groupSchema = z.strictObject({
  group: oneLine,
  docs: z.string().optional(),
  /** The `pieces` entry (by id) whose pull request adds this group to the gallery (pieces.ts). */
  piece: identifier.optional(),
  /** The group's prose on the gallery's page, when the spec has `docs.gallery`. */
  gallery: z.string().optional(),
  blocks: z.array(paletteEntrySchema).min(1),
});

export const extensionSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9]+$/, 'expected letters and digits only (Scratch extension ids)'),
  name: shownText,
  /** False keeps the name in English in every language (the gallery's WebSocket does); default true. */
  translateName: z.boolean().optional(),
  color1: colour,
  color2: colour,
  description: oneLine,
  by: oneLine,
  /** The author of the blocks these replace, as `Name <profile URL>` (the gallery's `// Original:`). */
  original: oneLine.optional(),
  license: oneLine,
  // Opened by the editor's docs button: a web page, never a script (javascript:, data:).
  docsURI: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
  docs: z.strictObject({
    title: oneLine,
    intro: z.string().optional(),
    tryIt: z.strictObject({ standalone: z.string().optional(), gallery: z.string().optional() }).optional(),
    /** Topics that are not one group's blocks (a heading and its prose), after the intro, before the blocks. */
    sections: z.array(z.strictObject({ title: oneLine, text: z.string(), gallery: z.string().optional() })).optional(),
    /**
     * The gallery's page as a short guide of its own: its intro here, and only the short
     * `gallery:` texts of sections, groups and blocks (without it, the gallery's page has the full prose).
     */
    gallery: z.strictObject({ intro: z.string() }).optional(),
  }),
});

/** One pull request to TurboWarp's gallery: its id, title and what it says to reviewers. */
export const pieceSchema = z.strictObject({
  id: identifier,
  title: oneLine,
  summary: z.string(),
  /**
   * From this piece on, the extension's sockets live in a Worker of the page (so a flooding
   * server cannot hold back the VM's frames); the pieces before it open the page's own. At most
   * one piece says so; without it, every piece has the worker.
   */
  worker: z.boolean().optional(),
});

export const specSchema = z.strictObject({
  extension: extensionSchema,
  pieces: z.array(pieceSchema).optional(),
  menus: z.record(identifier, menuSchema).optional(),
  blocks: z.array(groupSchema).min(1),
});

export type SpecInput = z.infer<typeof specSchema>;
export type BlockInput = z.infer<typeof blockSchema>;
export type LabelInput = z.infer<typeof labelSchema>;
export type MenuInput = z.infer<typeof menuSchema>;
