import type { z } from 'zod';
import type { LoadedSpec } from './load.js';
import type { ArgumentModel, BlockModel, GroupModel, MenuModel, SpecLocation, SpecModel } from './model.js';
import { formatPath, locate, ProblemSink, type Problem, type SpecPath } from './problems.js';
import { placeholders } from './placeholders.js';
import { ensurePiecesNamed } from './pieces.js';
import { isRecord } from './raw-spec.js';
import { checkRules } from './rules.js';
import { specSchema, type BlockInput, type LabelInput, type MenuInput, type SpecInput } from './schema.js';
import { BLOCK_SHAPES, type HandlerBlockType, type HatBlockType, type PaletteBlockType } from './shapes.js';

export type Validation = { ok: true; model: SpecModel } | { ok: false; problems: Problem[] };

/** The one place where defaults are applied: what the spec may leave out. */
export const DEFAULTS = {
  argument: { string: '', number: 0, boolean: false },
  isEdgeActivated: false,
  shouldRestartExistingThreads: false,
  disableMonitor: false,
  /** A handler acts on the connection of the sprite that runs the block. */
  usesTarget: true,
  hideFromPalette: false,
  /** As the VM: a menu that does not say it accepts reporters is a field. */
  acceptReporters: false,
  docs: '',
  original: '',
  /** A piece brings no socket worker unless it says so. */
  worker: false,
} as const;

/**
 * Checks the loaded spec against the schema and the rules, collecting every problem with
 * its line and column; only a spec without problems becomes a model.
 */
export function validateSpec(loaded: LoadedSpec, file: string): Validation {
  if (loaded.problems.length > 0) return { ok: false, problems: loaded.problems };
  const raw = loaded.data;
  const where = (path: SpecPath, atKey = false): SpecLocation => ({
    ...locate(loaded.document, loaded.lineCounter, path, atKey),
    path: formatPath(path),
  });
  const sink = new ProblemSink(file, (path, atKey) => locate(loaded.document, loaded.lineCounter, path, atKey));

  const parsed = specSchema.safeParse(raw);
  if (!parsed.success) for (const issue of parsed.error.issues) reportSchemaIssue(issue, sink, raw);
  checkRules(raw, sink);
  if (isRecord(raw)) ensurePiecesNamed(raw, sink);
  if (!parsed.success || sink.size > 0) return { ok: false, problems: sink.problems() };
  return { ok: true, model: toModel(parsed.data, where) };
}

/** One zod issue as located problems, in the spec's words (also used for locale files). */
export function reportSchemaIssue(issue: z.core.$ZodIssue, sink: ProblemSink, raw: unknown, prefix: SpecPath = []): void {
  const path = [...prefix, ...issue.path.filter((part): part is string | number => typeof part !== 'symbol')];
  if (issue.code === 'invalid_union') {
    // A palette entry: a label if it has a `label` key (the first branch), else a block.
    const entry = valueAt(raw, path);
    const branch = typeof entry === 'object' && entry !== null && 'label' in entry ? 0 : 1;
    for (const inner of issue.errors[branch] ?? []) reportSchemaIssue(inner, sink, raw, path);
    return;
  }
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) sink.report([...path, key], `unknown key '${key}'`, { atKey: true });
    return;
  }
  if (issue.code === 'invalid_key') {
    // A record key that fails its own check (an argument name): say why, at the key.
    sink.report(path, issue.issues[0]?.message ?? issue.message, { atKey: true });
    return;
  }
  const message = issue.message.replace(/^Invalid input: /, '');
  const missing = /^expected (.*), received undefined$/.exec(message);
  const key = path[path.length - 1];
  if (missing !== null && typeof key === 'string') {
    // Located at the map the key is missing from (the path's deepest existing node).
    sink.report(path, `missing key '${key}' (expected ${missing[1]})`);
    return;
  }
  sink.report(path, message);
}

function valueAt(data: unknown, path: SpecPath): unknown {
  return path.reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[part] : undefined), data);
}

function toModel(spec: SpecInput, where: (path: SpecPath) => SpecLocation): SpecModel {
  const groups: GroupModel[] = spec.blocks.map((group, groupIndex) => ({
    group: group.group,
    docs: group.docs ?? DEFAULTS.docs,
    piece: group.piece ?? '',
    gallery: group.gallery ?? '',
    blocks: group.blocks.map((entry, blockIndex) => {
      const at = (path: SpecPath): SpecLocation => where(['blocks', groupIndex, 'blocks', blockIndex, ...path]);
      return 'label' in entry ? toLabel(entry, at) : toBlock(entry, at, spec.menus ?? {});
    }),
  }));
  return {
    extension: {
      ...spec.extension,
      translateName: spec.extension.translateName ?? true,
      original: spec.extension.original ?? DEFAULTS.original,
      docs: {
        title: spec.extension.docs.title,
        intro: spec.extension.docs.intro ?? DEFAULTS.docs,
        tryIt: {
          standalone: spec.extension.docs.tryIt?.standalone ?? DEFAULTS.docs,
          gallery: spec.extension.docs.tryIt?.gallery ?? DEFAULTS.docs,
        },
        sections: (spec.extension.docs.sections ?? []).map((section) => ({ ...section, gallery: section.gallery ?? '' })),
        gallery: spec.extension.docs.gallery ?? null,
      },
      nameLocation: where(['extension', 'name']),
    },
    groups,
    pieces: (spec.pieces ?? []).map((piece) => ({ ...piece, worker: piece.worker ?? DEFAULTS.worker })),
    socketsInWorker: true,
    menus: Object.entries(spec.menus ?? {}).map(([name, menu]) => toMenu(name, menu, (path) => where(['menus', name, ...path]))),
    blocksLocation: where(['blocks']),
  };
}

/** The rules guarantee a menu has either items or a function. */
function toMenu(name: string, menu: MenuInput, where: (path: SpecPath) => SpecLocation): MenuModel {
  const items: MenuModel['items'] =
    menu.function !== undefined
      ? { kind: 'dynamic', function: menu.function, functionLocation: where(['function']) }
      : { kind: 'static', items: (menu.items ?? []).map((item, index) => ({ value: item.value, text: item.text, translatorNote: item.translatorNote ?? '', location: where(['items', index, 'text']) })) };
  const mirrors = menu.mirrors === undefined ? {} : { mirrors: { name: menu.mirrors, location: where(['mirrors']) } };
  return { name, acceptReporters: menu.acceptReporters ?? DEFAULTS.acceptReporters, items, ...mirrors, location: where([]) };
}

/** A label is the `label` shape's entry: its id stands where a block has its opcode. */
function toLabel(label: LabelInput, where: (path: SpecPath) => SpecLocation): BlockModel {
  return { opcode: label.label, blockType: 'label', text: label.text, translatorNote: '', arguments: [], docs: DEFAULTS.docs, gallery: '', hideFromPalette: false, location: where([]) };
}

/**
 * The block's arguments in the order their placeholders first appear in its text, whatever
 * order the `arguments` map lists them in: the handler receives them in that order, which is
 * the order a reader of the block sees. (The rules guarantee each placeholder is declared and
 * each declared argument is used.)
 */
function inTextOrder(block: BlockInput, menus: Record<string, MenuInput>): ArgumentModel[] {
  const declared = block.arguments ?? {};
  return [...new Set(placeholders(block.text))].flatMap((name): ArgumentModel[] => {
    const argument = Object.hasOwn(declared, name) ? declared[name] : undefined;
    if (argument === undefined) return [];
    // A static menu's first item is its default, as the VM shows an empty dropdown otherwise.
    const firstItem = argument.menu === undefined ? undefined : menus[argument.menu]?.items?.[0]?.value;
    const field = argument.menu !== undefined && !(menus[argument.menu]?.acceptReporters ?? DEFAULTS.acceptReporters);
    const model: ArgumentModel = { name, type: argument.type, default: argument.default ?? firstItem ?? DEFAULTS.argument[argument.type], field };
    return [argument.menu === undefined ? model : { ...model, menu: argument.menu }];
  });
}

function toBlock(block: BlockInput, where: (path: SpecPath) => SpecLocation, menus: Record<string, MenuInput>): BlockModel {
  const base = {
    opcode: block.opcode,
    text: block.text,
    translatorNote: block.translatorNote ?? '',
    arguments: inTextOrder(block, menus),
    docs: block.docs ?? DEFAULTS.docs,
    gallery: block.gallery ?? '',
    hideFromPalette: block.hideFromPalette ?? DEFAULTS.hideFromPalette,
    location: where([]),
  };
  const runs: string = BLOCK_SHAPES[block.blockType].runs;
  if (runs === 'nothing') return { ...base, blockType: block.blockType as PaletteBlockType };
  if (runs === 'event') {
    return {
      ...base,
      blockType: block.blockType as HatBlockType,
      // The rules guarantee a hat has an event.
      event: block.event ?? '',
      isEdgeActivated: block.isEdgeActivated ?? DEFAULTS.isEdgeActivated,
      shouldRestartExistingThreads: block.shouldRestartExistingThreads ?? DEFAULTS.shouldRestartExistingThreads,
      eventLocation: where(['event']),
    };
  }
  return {
    ...base,
    blockType: block.blockType as HandlerBlockType,
    handler: block.handler ?? '',
    // The rules allow the key only on shapes that call a handler.
    usesTarget: block.usesTarget ?? DEFAULTS.usesTarget,
    // The rules allow the flag only on shapes with a monitor.
    disableMonitor: block.disableMonitor ?? DEFAULTS.disableMonitor,
    handlerLocation: where(['handler']),
  };
}
