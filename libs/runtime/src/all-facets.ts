import { BinaryBlocks } from './binary-blocks.js';
import { ConversationBlocks } from './conversation-blocks.js';
import type { RuntimeFacets } from './runtime-options.js';

/**
 * Every facet, for a program that uses all the blocks (Node programs, tests):
 * `new WebSocketRuntime({ ..., facets: ALL_FACETS })`. A bundle for a Scratch mod passes only
 * the facets its blocks call, so the others' code is left out (the generated `RUNTIME_FACETS`).
 */
export const ALL_FACETS = { binary: BinaryBlocks, conversation: ConversationBlocks } satisfies Required<RuntimeFacets>;
