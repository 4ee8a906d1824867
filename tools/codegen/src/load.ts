import { isAlias, isScalar, LineCounter, parseDocument, visit, type Document, type YAMLError, type YAMLWarning } from 'yaml';
import type { Problem } from './problems.js';

export interface LoadedSpec {
  document: Document;
  lineCounter: LineCounter;
  /** The document as plain data; undefined when it could not be read. */
  data: unknown;
  /** YAML problems; when there are any, the document is not validated further. */
  problems: Problem[];
}

/**
 * Aliases expanded at most this many times: a spec has no need of more, and a few nested
 * aliases (`&a [*b, *b, ...]`) would otherwise expand to gigabytes.
 */
export const MAX_ALIAS_COUNT = 100;

/**
 * Parses the spec text, keeping node ranges so every later message can name a line. Every
 * way a text can fail to be read becomes a located problem, never an exception: syntax
 * errors, tags the YAML core schema does not know (`!evil`, which would otherwise be taken
 * as a plain string), nesting too deep for the parser, an alias without an anchor, aliases
 * that expand too far, and a `__proto__` key (issue 20: the schema's records drop it without
 * a word, so a menu or a translation of that name was silently lost).
 */
export function loadSpec(text: string, file: string): LoadedSpec {
  const lineCounter = new LineCounter();
  const document = parseDocument(withLineFeeds(text), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, message: string): Problem => ({ file, ...lineCounter.linePos(offset), path: '', message: `YAML: ${message}` });
  // Past the parser's depth, whatever else it reports is a consequence: keep the cause only.
  const tooDeep = document.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION');
  const found = tooDeep === undefined ? [...document.errors, ...document.warnings] : [tooDeep];
  const problems = found.map((error) => at(error.pos[0], yamlMessage(error)));
  if (problems.length === 0) problems.push(...unreadableNodes(document).map(({ offset, message }) => at(offset, message)));
  if (problems.length > 0) return { document, lineCounter, data: undefined, problems };
  try {
    return { document, lineCounter, data: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), problems };
  } catch (error) {
    // yaml throws (a ReferenceError) only when aliases expand past maxAliasCount: every alias resolves by now.
    const message = `aliases expand to too much data (more than ${MAX_ALIAS_COUNT} copies); write the values out (${(error as Error).message})`;
    return { document, lineCounter, data: undefined, problems: [at(firstAliasOffset(document), message)] };
  }
}

/**
 * YAML 1.2 (5.4) reads a CR alone as a line break, as a CR LF; the yaml package knows only LF
 * and CR LF, and read an old Mac file as one line. Each lone CR becomes an LF, one character
 * for one, so offsets, and so lines and columns, stay right.
 */
function withLineFeeds(text: string): string {
  return text.replace(/\r(?!\n)/g, '\n');
}

/** Aliases without an anchor before them, and `__proto__` keys, where they are written. */
function unreadableNodes(document: Document): Array<{ offset: number; message: string }> {
  const found: Array<{ offset: number; message: string }> = [];
  visit(document, {
    Alias(_key, node) {
      if (node.resolve(document) !== undefined) return;
      found.push({
        offset: node.range?.[0] ?? 0,
        message: `alias *${node.source} has no anchor &${node.source} before it (an alias repeats a value marked with its anchor earlier in the file)`,
      });
    },
    Pair(_key, pair) {
      if (!isScalar(pair.key) || pair.key.value !== '__proto__') return;
      found.push({ offset: pair.key.range?.[0] ?? 0, message: "key '__proto__' is not allowed: JavaScript takes it for an object's prototype, so its value would be lost" });
    },
  });
  return found;
}

function yamlMessage(error: YAMLError | YAMLWarning): string {
  if (error.code === 'RESOURCE_EXHAUSTION') return 'nested too deeply to read; a spec needs only a few levels';
  if (error.code === 'TAG_RESOLVE_FAILED') return `${error.message.split('\n')[0]} (the spec uses plain YAML values only)`;
  return error.message.split('\n')[0] ?? '';
}

function firstAliasOffset(document: Document): number {
  let offset = 0;
  visit(document, {
    Alias(_key, node) {
      if (!isAlias(node)) return undefined;
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}
