import { fileURLToPath } from 'node:url';

/**
 * Inside the repository, packages are tested against each other's sources, not their
 * built output, so `npm test` never runs stale code. The publish test checks the built
 * packages as users install them.
 */
export const sourceAliases = {
  '@scratch-websocket/runtime': fileURLToPath(new URL('./libs/runtime/src/index.ts', import.meta.url)),
};
