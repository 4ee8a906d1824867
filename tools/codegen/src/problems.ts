import { isMap, isSeq, isScalar, isPair, type Document, type LineCounter, type Node } from 'yaml';

export type SpecPath = ReadonlyArray<string | number>;

/** One mistake in the spec, already located: `file:line:col path: message`. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.path === '' ? '' : ` ${problem.path}`;
  return `${problem.file}:${problem.line}:${problem.col}${where}: ${problem.message}`;
}

/** In the order they appear in the file, so the author can fix them top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col || a.message.localeCompare(b.message));
}

/** `['blocks', 3, 'arguments', 'CODE']` → `blocks[3].arguments.CODE`. */
export function formatPath(path: SpecPath): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

/**
 * Finds where `path` is written: the value's node, or with `atKey` the key itself (so an
 * unknown key is pointed at, not its value). When the path does not exist (a missing key),
 * the deepest node that does exist is used, which is the map the key is missing from.
 */
export function locate(
  document: Document,
  lineCounter: LineCounter,
  path: SpecPath,
  atKey = false,
): { line: number; col: number } {
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const part of path) {
    const next = child(node, part);
    if (next === undefined) break;
    offset = (atKey && part === path[path.length - 1] ? rangeStart(next.key) : undefined) ?? rangeStart(next.value) ?? offset;
    node = next.value;
  }
  return lineCounter.linePos(offset);
}

function child(node: unknown, part: string | number): { key: unknown; value: unknown } | undefined {
  if (isSeq(node) && typeof part === 'number') {
    const value = node.items[part];
    return value === undefined ? undefined : { key: undefined, value };
  }
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(part));
    return pair === undefined ? undefined : { key: pair.key, value: pair.value ?? pair.key };
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
