import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_OUTPUTS, DEFAULT_RUNTIME_PATHS, type GenerateContext, type RuntimeExports, type SourceText } from './context.js';
import { loadSpec } from './load.js';
import type { SpecModel } from './model.js';
import { formatProblem } from './problems.js';
import { validateSpec } from './validate.js';

/** The repository this generator lives in: outputs and runtime paths are relative to it. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The repository's spec, relative to REPO_ROOT: what `npm run generate` generates from. */
export const SPEC_PATH = 'specs/websocket.yaml';

/** A file the generator needs is not there: a usage problem (exit 2), not a spec problem. */
export class MissingFileError extends Error {}

const specModels = new Map<string, SpecModel>();

/**
 * A spec as the generator validates it (defaults applied): for tests and tools that list the
 * blocks the extension was generated from, so none keeps a copy of them. `specPath` is
 * relative to `repoRoot` (default: the repository's spec). Read and validated once per
 * process and path; callers must not change the model. Throws MissingFileError for a file that
 * is not there, and an Error listing every problem (`file:line:col path: message`, as
 * `npm run generate` prints them) for a spec the generator would reject. Checks nothing
 * against the runtime: `generate()` does that.
 */
export function readSpecModel(specPath = SPEC_PATH, repoRoot = REPO_ROOT): SpecModel {
  const absolute = resolve(repoRoot, specPath);
  const cached = specModels.get(absolute);
  if (cached !== undefined) return cached;
  if (!existsSync(absolute)) throw new MissingFileError(`cannot read ${specPath}: no such file`);
  const validation = validateSpec(loadSpec(readFileSync(absolute, 'utf8'), specPath), specPath);
  if (!validation.ok) throw new Error(`${specPath} is not valid:\n${validation.problems.map(formatProblem).join('\n')}`);
  specModels.set(absolute, validation.model);
  return validation.model;
}

/**
 * Reads what a run over the real workspace needs: the spec given on the command line, the
 * runtime's sources, the values its package exports (imported, so the runtime must load in
 * Node) and the list of block tests that already exist. Throws MissingFileError for a file
 * that is not there or a runtime that does not load.
 */
export async function readWorkspaceContext(specArgument: string, cwd: string, repoRoot = REPO_ROOT): Promise<GenerateContext> {
  const read = (absolute: string): SourceText => {
    if (!existsSync(absolute)) throw new MissingFileError(`cannot read ${relative(cwd, absolute) || absolute}: no such file`);
    return { path: relative(repoRoot, absolute), displayPath: relative(cwd, absolute), text: readFileSync(absolute, 'utf8') };
  };
  const specPath = resolve(cwd, specArgument);
  return {
    spec: read(specPath),
    translations: localeFiles(resolve(dirname(specPath), 'l10n')).map(read),
    runtime: read(resolve(repoRoot, DEFAULT_RUNTIME_PATHS.runtime)),
    host: read(resolve(repoRoot, DEFAULT_RUNTIME_PATHS.host)),
    runtimeExports: await importRuntime(resolve(repoRoot, DEFAULT_RUNTIME_PATHS.exports), cwd),
    existingTests: existingTests(resolve(repoRoot, DEFAULT_OUTPUTS.blockTests)),
    outputs: DEFAULT_OUTPUTS,
  };
}

/** The runtime's exported values, from its TypeScript source (this process runs under tsx or Vitest). */
async function importRuntime(absolute: string, cwd: string): Promise<RuntimeExports> {
  const displayPath = relative(cwd, absolute) || absolute;
  if (!existsSync(absolute)) throw new MissingFileError(`cannot read ${displayPath}: no such file`);
  try {
    return { displayPath, values: { ...(await import(pathToFileURL(absolute).href)) } };
  } catch (error) {
    throw new MissingFileError(`cannot load ${displayPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `l10n/*.yaml` beside the spec, sorted, so a run does not depend on directory order. */
function localeFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => resolve(folder, name));
}

function existingTests(folder: string): Set<string> {
  if (!existsSync(folder)) return new Set();
  return new Set(readdirSync(folder).filter((name) => name.endsWith('.test.ts')).map((name) => name.slice(0, -'.test.ts'.length)));
}
