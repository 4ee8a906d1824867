import { isMap, isSeq, isScalar, isPair, type Document, type LineCounter, type Node } from 'yaml';
import type { SpecLocation } from './model.js';

export type SpecPath = ReadonlyArray<string | number>;

/** One mistake in the spec, already located: `file:line:col path: message`. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
}

/** The problem as one printable line (see `printable`: keys and paths may hold any character). */
export function formatProblem(problem: Problem): string {
  const where = problem.path === '' ? '' : ` ${problem.path}`;
  return printable(`${problem.file}:${problem.line}:${problem.col}${where}: ${problem.message}`);
}

/**
 * Text that is safe to print on one terminal line, whatever a spec, a key or a path holds
 * (issue 20, G7): control characters (C0, DEL and C1, among them ESC, which starts a
 * terminal's commands, and BEL), the line and paragraph separators and the bidirectional
 * controls (which reorder what is shown) become JavaScript escapes: `\x1b`, `\u202e`.
 */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu, (character) => {
    const code = character.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * The one place every check reports to (schema, rules, handler check), so each check is a
 * function that reports what it finds and never stops the others: the author sees every
 * mistake at once. Problems come out sorted by position.
 */
export class ProblemSink {
  private readonly found: Problem[] = [];

  /** `locate` turns a path in the spec into its line and column (see `locate` below). */
  constructor(
    readonly file: string,
    private readonly locateSpecPath: (path: SpecPath, atKey: boolean) => { line: number; col: number } = () => ({ line: 1, col: 1 }),
  ) {}

  /** A problem at a path of the spec; `atKey` points at the key rather than its value (for "not allowed here"). */
  report(path: SpecPath, message: string, options: { atKey?: boolean } = {}): void {
    this.found.push({ file: this.file, ...this.locateSpecPath(path, options.atKey ?? false), path: formatPath(path), message });
  }

  /** A problem at a place already located (a model's location). */
  reportAt(location: SpecLocation, message: string): void {
    this.found.push({ file: this.file, line: location.line, col: location.col, path: location.path, message });
  }

  get size(): number {
    return this.found.length;
  }

  problems(): Problem[] {
    return sortProblems(this.found);
  }
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
