import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_OUTPUTS, DEFAULT_RUNTIME_PATHS, type GenerateContext, type RuntimeExports, type SourceText } from './context.js';
import { decodeText } from './decode.js';
import { loadSpec } from './load.js';
import type { SpecModel } from './model.js';
import { formatProblem, type Problem } from './problems.js';
import { validateSpec } from './validate.js';

/** The repository this generator lives in: outputs and runtime paths are relative to it. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The repository's spec, relative to REPO_ROOT: what `npm run generate` generates from. */
export const SPEC_PATH = 'specs/websocket.yaml';

/**
 * A file or folder the generator needs cannot be read (missing, a directory, a FIFO, no
 * permission): a usage problem (exit 2, one line), not a spec problem.
 */
export class UnreadableFileError extends Error {}

/** Files that were read but hold bytes that are no text (see decode.ts): spec problems (exit 1), located. */
export class UndecodableFilesError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} file(s) are not UTF-8 text`);
  }
}

const specModels = new Map<string, SpecModel>();

/**
 * A spec as the generator validates it (defaults applied): for tests and tools that list the
 * blocks the extension was generated from, so none keeps a copy of them. `specPath` is
 * relative to `repoRoot` (default: the repository's spec). Read and validated once per
 * process and path; callers must not change the model. Throws UnreadableFileError for a file that
 * cannot be read, and an Error listing every problem (`file:line:col path: message`, as
 * `npm run generate` prints them) for a spec the generator would reject. Checks nothing
 * against the runtime: `generate()` does that.
 */
export function readSpecModel(specPath = SPEC_PATH, repoRoot = REPO_ROOT): SpecModel {
  const absolute = resolve(repoRoot, specPath);
  const cached = specModels.get(absolute);
  if (cached !== undefined) return cached;
  const decoded = decodeText(readRegularFile(absolute, specPath), specPath);
  if (!decoded.ok) throw new UndecodableFilesError([decoded.problem]);
  const validation = validateSpec(loadSpec(decoded.text, specPath), specPath);
  if (!validation.ok) throw new Error(`${specPath} is not valid:\n${validation.problems.map(formatProblem).join('\n')}`);
  specModels.set(absolute, validation.model);
  return validation.model;
}

/**
 * Reads what a run over the real workspace needs: the spec given on the command line, the
 * locale files beside it, the runtime's sources, the values its package exports (imported, so
 * the runtime must load in Node) and the list of block tests that already exist. Throws
 * UnreadableFileError for a path that cannot be read or a runtime that does not load, and, once
 * every file is read, UndecodableFilesError for all those whose bytes are not text.
 */
export async function readWorkspaceContext(specArgument: string, cwd: string, repoRoot = REPO_ROOT): Promise<GenerateContext> {
  const problems: Problem[] = [];
  const display = (absolute: string): string => relative(cwd, absolute) || absolute;
  const read = (absolute: string): SourceText => {
    const decoded = decodeText(readRegularFile(absolute, display(absolute)), display(absolute));
    if (!decoded.ok) problems.push(decoded.problem);
    return { path: relative(repoRoot, absolute), displayPath: display(absolute), text: decoded.ok ? decoded.text : '' };
  };
  const specPath = resolve(cwd, specArgument);
  const localeFolder = resolve(dirname(specPath), 'l10n');
  const context = {
    spec: read(specPath),
    translations: localeFiles(localeFolder, display(localeFolder)).map(read),
    runtime: read(resolve(repoRoot, DEFAULT_RUNTIME_PATHS.runtime)),
    host: read(resolve(repoRoot, DEFAULT_RUNTIME_PATHS.host)),
    runtimeModules: runtimeModules(resolve(repoRoot, dirname(DEFAULT_RUNTIME_PATHS.runtime)), display).map(read),
    galleryDifferences: read(resolve(repoRoot, DEFAULT_RUNTIME_PATHS.galleryDifferences)),
    runtimeExports: await importRuntime(resolve(repoRoot, DEFAULT_RUNTIME_PATHS.exports), cwd),
    existingTests: existingTests(resolve(repoRoot, DEFAULT_OUTPUTS.blockTests)),
    outputs: DEFAULT_OUTPUTS,
  };
  if (problems.length > 0) throw new UndecodableFilesError(problems);
  return context;
}

/**
 * The bytes of a regular file. Opened without blocking and checked before reading (issue 20,
 * G6): reading a directory threw EISDIR, and opening a FIFO waited for a writer forever.
 */
function readRegularFile(absolute: string, shown: string): Buffer {
  const fd = attempt(shown, () => openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK));
  try {
    const stats = attempt(shown, () => fstatSync(fd));
    if (stats.isDirectory()) throw new UnreadableFileError(`cannot read ${shown}: a directory, not a file`);
    if (!stats.isFile()) throw new UnreadableFileError(`cannot read ${shown}: not a regular file`);
    return attempt(shown, () => readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}

/** The runtime's exported values, from its TypeScript source (this process runs under tsx or Vitest). */
async function importRuntime(absolute: string, cwd: string): Promise<RuntimeExports> {
  const displayPath = relative(cwd, absolute) || absolute;
  if (!existsSync(absolute)) throw new UnreadableFileError(`cannot read ${displayPath}: no such file`);
  try {
    return { displayPath, values: { ...(await import(pathToFileURL(absolute).href)) } };
  } catch (error) {
    throw new UnreadableFileError(`cannot load ${displayPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `l10n/*.yaml` beside the spec, sorted, so a run does not depend on directory order. */
function localeFiles(folder: string, shown: string): string[] {
  if (!existsSync(folder)) return [];
  return attempt(shown, () => readdirSync(folder))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => resolve(folder, name));
}

/** The runtime's TypeScript sources, sorted (facets' classes and what they import); runtime.ts is read on its own. */
function runtimeModules(folder: string, display: (absolute: string) => string): string[] {
  return attempt(display(folder), () => readdirSync(folder))
    .filter((name) => name.endsWith('.ts') && name !== 'runtime.ts')
    .sort()
    .map((name) => resolve(folder, name));
}

function existingTests(folder: string): Set<string> {
  if (!existsSync(folder)) return new Set();
  return new Set(attempt(folder, () => readdirSync(folder)).filter((name) => name.endsWith('.test.ts')).map((name) => name.slice(0, -'.test.ts'.length)));
}

/** Runs a file system call, turning its error into an UnreadableFileError that names the path and says why in words. */
function attempt<T>(shown: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UnreadableFileError(`cannot read ${shown}: ${FILE_ERRORS[code] ?? (error as Error).message}`);
  }
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
};
