import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_OUTPUTS, DEFAULT_RUNTIME_PATHS, type GenerateContext, type SourceText } from './context.js';

/** The repository this generator lives in: outputs and runtime paths are relative to it. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A file the generator needs is not there: a usage problem (exit 2), not a spec problem. */
export class MissingFileError extends Error {}

/**
 * Reads what a run over the real workspace needs: the spec given on the command line, the
 * runtime's sources and the list of block tests that already exist.
 */
export function readWorkspaceContext(specArgument: string, cwd: string, repoRoot = REPO_ROOT): GenerateContext {
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
    existingTests: existingTests(resolve(repoRoot, DEFAULT_OUTPUTS.blockTests)),
    outputs: DEFAULT_OUTPUTS,
  };
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
