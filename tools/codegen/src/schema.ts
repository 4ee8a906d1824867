import { z } from 'zod';
import { ARGUMENT_TYPES, type ArgumentType } from './argument-types.js';
import { BLOCK_TYPES, type BlockType } from './shapes.js';

/**
 * The shape of specs/websocket.yaml. Only the shape: rules that relate one field to another
 * (placeholders, default types, hats and handlers, duplicates) are in rules.ts, and defaults
 * are applied in validate.ts.
 */

const identifier = z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'expected a JavaScript identifier');
/**
 * Text that must stay on one line: it goes into line comments (the bundle's metadata header),
 * single-line docs and the palette. Line breaks (LF, CR, U+2028, U+2029) and other control
 * characters are refused rather than escaped, since no block text or name needs them.
 */
const oneLine = z
  .string()
  .min(1)
  .regex(/^[^\p{Cc}\u2028\u2029]*$/u, 'expected one line of text (no line breaks or control characters)');
/** Argument names become property names in generated code (`args.URL`): a letter first. */
const argumentName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'expected an argument name: a letter, then letters, digits and _');
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour written #rrggbb');

const blockTypes = BLOCK_TYPES as [BlockType, ...BlockType[]];
const argumentTypes = ARGUMENT_TYPES as [ArgumentType, ...ArgumentType[]];

export const argumentSchema = z.strictObject({
  type: z.enum(argumentTypes),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
});

export const blockSchema = z.strictObject({
  opcode: identifier,
  blockType: z.enum(blockTypes, `unknown block shape: expected one of ${BLOCK_TYPES.join(', ')}`),
  text: oneLine,
  arguments: z.record(argumentName, argumentSchema).optional(),
  handler: identifier.optional(),
  event: identifier.optional(),
  isEdgeActivated: z.boolean().optional(),
  shouldRestartExistingThreads: z.boolean().optional(),
  disableMonitor: z.boolean().optional(),
  docs: z.string().optional(),
});

export const groupSchema = z.strictObject({
  group: oneLine,
  docs: z.string().optional(),
  blocks: z.array(blockSchema).min(1),
});

export const extensionSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9]+$/, 'expected letters and digits only (Scratch extension ids)'),
  name: oneLine,
  color1: colour,
  color2: colour,
  description: oneLine,
  by: oneLine,
  license: oneLine,
  // Opened by the editor's docs button: a web page, never a script (javascript:, data:).
  docsURI: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
  docs: z.strictObject({ title: oneLine, intro: z.string().optional() }),
});

export const specSchema = z.strictObject({
  extension: extensionSchema,
  blocks: z.array(groupSchema).min(1),
});

export type SpecInput = z.infer<typeof specSchema>;
export type BlockInput = z.infer<typeof blockSchema>;
