import type { z } from 'zod';
import type { LoadedSpec } from './load.js';
import type { ArgumentModel, BlockModel, GroupModel, SpecLocation, SpecModel } from './model.js';
import { formatPath, locate, sortProblems, type Problem, type SpecPath } from './problems.js';
import { checkRules } from './rules.js';
import { specSchema, type BlockInput, type SpecInput } from './schema.js';

export type Validation = { ok: true; model: SpecModel } | { ok: false; problems: Problem[] };

/** The one place where defaults are applied: what the spec may leave out. */
export const DEFAULTS = {
  argument: { string: '', number: 0, boolean: false },
  isEdgeActivated: false,
  shouldRestartExistingThreads: false,
  disableMonitor: false,
  docs: '',
  original: '',
} as const;

/**
 * Checks the loaded spec against the schema and the rules, collecting every problem with
 * its line and column; only a spec without problems becomes a model.
 */
export function validateSpec(loaded: LoadedSpec, file: string): Validation {
  if (loaded.problems.length > 0) return { ok: false, problems: loaded.problems };
  const raw: unknown = loaded.document.toJS();
  const where = (path: SpecPath, atKey = false): SpecLocation => ({
    ...locate(loaded.document, loaded.lineCounter, path, atKey),
    path: formatPath(path),
  });
  const toProblem = (path: SpecPath, message: string, atKey = false): Problem => ({ file, ...where(path, atKey), message });

  const parsed = specSchema.safeParse(raw);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.flatMap((issue) => schemaProblems(issue, toProblem))),
    ...checkRules(raw).map((rule) => toProblem(rule.path, rule.message, rule.atKey)),
  ];
  if (!parsed.success || problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, model: toModel(parsed.data, where) };
}

function schemaProblems(
  issue: z.core.$ZodIssue,
  toProblem: (path: SpecPath, message: string, atKey?: boolean) => Problem,
): Problem[] {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => toProblem([...path, key], `unknown key '${key}'`, true));
  }
  return [toProblem(path, issue.message.replace(/^Invalid input: /, ''))];
}

function toModel(spec: SpecInput, where: (path: SpecPath) => SpecLocation): SpecModel {
  const groups: GroupModel[] = spec.blocks.map((group, groupIndex) => ({
    group: group.group,
    docs: group.docs ?? DEFAULTS.docs,
    blocks: group.blocks.map((block, blockIndex) => toBlock(block, (path) => where(['blocks', groupIndex, 'blocks', blockIndex, ...path]))),
  }));
  return {
    extension: {
      ...spec.extension,
      original: spec.extension.original ?? DEFAULTS.original,
      docs: {
        title: spec.extension.docs.title,
        intro: spec.extension.docs.intro ?? DEFAULTS.docs,
        tryIt: {
          standalone: spec.extension.docs.tryIt?.standalone ?? DEFAULTS.docs,
          gallery: spec.extension.docs.tryIt?.gallery ?? DEFAULTS.docs,
        },
      },
    },
    groups,
    blocksLocation: where(['blocks']),
  };
}

function toBlock(block: BlockInput, where: (path: SpecPath) => SpecLocation): BlockModel {
  const base = {
    opcode: block.opcode,
    text: block.text,
    arguments: Object.entries(block.arguments ?? {}).map(
      ([name, argument]): ArgumentModel => ({ name, type: argument.type, default: argument.default ?? DEFAULTS.argument[argument.type] }),
    ),
    docs: block.docs ?? DEFAULTS.docs,
    location: where([]),
  };
  if (block.blockType === 'event' || block.blockType === 'hat') {
    return {
      ...base,
      blockType: block.blockType,
      // The rules guarantee a hat has an event.
      event: block.event ?? '',
      isEdgeActivated: block.isEdgeActivated ?? DEFAULTS.isEdgeActivated,
      shouldRestartExistingThreads: block.shouldRestartExistingThreads ?? DEFAULTS.shouldRestartExistingThreads,
      eventLocation: where(['event']),
    };
  }
  return {
    ...base,
    blockType: block.blockType,
    handler: block.handler ?? '',
    disableMonitor: block.disableMonitor ?? DEFAULTS.disableMonitor,
    handlerLocation: where(['handler']),
  };
}
