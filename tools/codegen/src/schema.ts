import { z } from 'zod';

/**
 * The shape of specs/websocket.yaml. Only the shape: rules that relate one field to another
 * (placeholders, default types, hats and handlers, duplicates) are in rules.ts, and defaults
 * are applied in validate.ts.
 */

const identifier = z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'expected a JavaScript identifier');
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour written #rrggbb');

export const BLOCK_TYPES = ['command', 'reporter', 'boolean', 'event', 'hat'] as const;
export const ARGUMENT_TYPES = ['string', 'number', 'boolean'] as const;

export const argumentSchema = z.strictObject({
  type: z.enum(ARGUMENT_TYPES),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
});

export const blockSchema = z.strictObject({
  opcode: identifier,
  blockType: z.enum(BLOCK_TYPES, `unknown block shape: expected one of ${BLOCK_TYPES.join(', ')}`),
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
  /** The author of the blocks these replace, as `Name <profile URL>` (the gallery's `// Original:`). */
  original: z.string().min(1).optional(),
  license: z.string().min(1),
  docsURI: z.url(),
  docs: z.strictObject({
    title: z.string().min(1),
    intro: z.string().optional(),
    tryIt: z.strictObject({ standalone: z.string().optional(), gallery: z.string().optional() }).optional(),
  }),
});

export const specSchema = z.strictObject({
  extension: extensionSchema,
  blocks: z.array(groupSchema).min(1),
});

export type SpecInput = z.infer<typeof specSchema>;
export type BlockInput = z.infer<typeof blockSchema>;
