/**
 * The package export condition under which a workspace package resolves to its TypeScript
 * sources (see libs/runtime/package.json). Inside the repository, packages are tested against
 * each other's sources, not their built output, so `npm test` never runs stale code; the
 * publish test checks the built packages as users install them. tsconfig.base.json
 * (`customConditions`) and the extension's esbuild build name the same condition.
 */
export const SOURCE_CONDITION = '@scratch-websocket/source';

/**
 * Vite's resolve options for a project's vitest config: the sources of workspace packages,
 * then Vite's own default conditions for Node (setting `conditions` replaces them).
 */
export const resolveWorkspaceSources = {
  ssr: { resolve: { conditions: [SOURCE_CONDITION, 'module', 'node', 'development|production'] } },
};
