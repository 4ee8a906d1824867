/** The generator's public surface: the pure pipeline and its parts, for tests and tools. */
export { generate, type GenerateResult, type GeneratedFile } from './generate.js';
export { DEFAULT_OUTPUTS, DEFAULT_RUNTIME_PATHS, type GenerateContext, type OutputPaths, type SourceText } from './context.js';
export { loadSpec } from './load.js';
export { runCommand, USAGE, type CommandIo } from './command.js';
export { readWorkspaceContext, MissingFileError, REPO_ROOT } from './workspace.js';
export { validateSpec, DEFAULTS } from './validate.js';
export { checkHandlers } from './check-handlers.js';
export { emitExtension } from './emit-extension.js';
export { emitDocsHtml, emitDocsMarkdown } from './emit-docs.js';
export { emitTestSkeleton } from './emit-test-skeleton.js';
export { scratchblocksCode } from './scratchblocks.js';
export { proseToHtml } from './prose.js';
export { formatProblem, type Problem } from './problems.js';
export type * from './model.js';
export { allBlocks, isHandlerBlock, isHatBlock, runsSomething, shape } from './model.js';
export { BLOCK_SHAPES, type BlockShape } from './shapes.js';
export { ARGUMENT_TYPE_INFO } from './argument-types.js';
