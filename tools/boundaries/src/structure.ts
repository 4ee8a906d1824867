import fs from 'node:fs';
import path from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';

const SOURCE = /\.(c|m)?[jt]sx?$/;
/** dpdm skips an import with this comment before it; here it would hide a cycle. */
const IGNORE_COMMENT = '@dpdm-ignore';

/** Source files under `folder`, relative to it with forward slashes, sorted. */
function sourceFiles(folder: string): string[] {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder`);
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => SOURCE.test(file) && !file.split('/').includes('node_modules') && fs.statSync(path.join(folder, file)).isFile())
    .sort();
}

/**
 * The import cycles among the source files under `folder` (an absolute path), found by dpdm
 * with type-only imports, re-exports and dynamic imports all counted (STYLE.md: "an import
 * loop, type imports included, is a sign that a lower room knows its owner"). Imports are
 * resolved as TypeScript resolves them (`./a.js` finds `a.ts`), with the tsconfig.json nearest
 * the folder. Each cycle is its files relative to `folder` in import order, the first
 * importing the second and the last importing the first, starting at the file first in path
 * order; cycles are sorted, none gives `[]`. Throws for a folder that does not exist, a
 * relative import that does not resolve, and a file that asks dpdm to skip an import: each
 * would let a cycle go unseen.
 */
export async function findImportCycles(folder: string): Promise<string[][]> {
  const files = sourceFiles(folder);
  for (const file of files) {
    if (fs.readFileSync(path.join(folder, file), 'utf8').includes(IGNORE_COMMENT)) {
      throw new Error(`${file}: ${IGNORE_COMMENT} would hide an import from the cycle check`);
    }
  }
  const tree = await parseDependencyTree(files, { cwd: folder, context: folder, transform: false, skipDynamicImports: false });
  // An import dpdm cannot resolve is an edge it does not see: fail rather than miss a cycle.
  for (const dependency of Object.values(tree).flatMap((dependencies) => dependencies ?? [])) {
    if (dependency.id === null && dependency.request.startsWith('.')) {
      throw new Error(`${dependency.issuer}: cannot resolve '${dependency.request}', so the cycle check cannot follow it`);
    }
  }
  const cycles = new Map<string, string[]>();
  for (const found of parseCircular(tree)) {
    const cycle = startAtFirst(found.map((file) => file.split(path.sep).join('/')));
    cycles.set(cycle.join(' → '), cycle);
  }
  return [...cycles.keys()].sort().map((key) => cycles.get(key) ?? []);
}

/** The cycle turned to start at its first file in path order: dpdm reads files concurrently, so where it enters a cycle varies. */
function startAtFirst(cycle: readonly string[]): string[] {
  const start = cycle.indexOf([...cycle].sort()[0] ?? '');
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}

/** A source file and its number of lines. */
export interface LongFile {
  file: string;
  lines: number;
}

/**
 * The source files under `folder` (an absolute path) longer than `maxLines` lines, with
 * their line counts (as `wc -l`, plus a last line without a line break), relative to `folder`
 * and in path order; none gives `[]`. STYLE.md: "none of our files should need scrolling to
 * understand"; issue 19 sets 300 lines for the runtime. Throws for a folder that does not exist.
 */
export function findLongFiles(folder: string, maxLines: number): LongFile[] {
  return sourceFiles(folder)
    .map((file) => ({ file, lines: lineCount(fs.readFileSync(path.join(folder, file), 'utf8')) }))
    .filter((counted) => counted.lines > maxLines);
}

function lineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}
