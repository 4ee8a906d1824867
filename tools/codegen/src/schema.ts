import { z } from 'zod';
import { ARGUMENT_TYPES, type ArgumentType } from './argument-types.js';
import { BLOCK_TYPES, type BlockType } from './shapes.js';

/**
 * The shape of specs/websocket.yaml. Only the shape: rules that relate one field to another
 * (placeholders, default types, hats and handlers, duplicates) are in rules.ts, and defaults
 * are applied in validate.ts.
 */

const identifier = z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'expected a JavaScript identifier');
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
  text: z.string().min(1),
  arguments: z.record(z.string().regex(/^[A-Za-z0-9_]+$/, 'expected an argument name of letters, digits and _'), argumentSchema).optional(),
  handler: identifier.optional(),
  event: identifier.optional(),
  isEdgeActivated: z.boolean().optional(),
  shouldRestartExistingThreads: z.boolean().optional(),
  disableMonitor: z.boolean().optional(),
  docs: z.string().optional(),
});

export const groupSchema = z.strictObject({
  group: z.string().min(1),
  docs: z.string().optional(),
  blocks: z.array(blockSchema).min(1),
});

export const extensionSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9]+$/, 'expected letters and digits only (Scratch extension ids)'),
  name: z.string().min(1),
  color1: colour,
  color2: colour,
  description: z.string().min(1),
  by: z.string().min(1),
  license: z.string().min(1),
  docsURI: z.url(),
  docs: z.strictObject({ title: z.string().min(1), intro: z.string().optional() }),
});

export const specSchema = z.strictObject({
  extension: extensionSchema,
  blocks: z.array(groupSchema).min(1),
});

export type SpecInput = z.infer<typeof specSchema>;
export type BlockInput = z.infer<typeof blockSchema>;
