import { formatPath, type SpecPath } from './problems.js';

/**
 * Rules that relate one field of the spec to another. They read the raw YAML data (not yet
 * known to be well shaped) so that they can run even when the schema found problems too:
 * the author sees every mistake at once. Each rule only looks at fields of the right type.
 */

export interface RuleProblem {
  path: SpecPath;
  message: string;
  /** Point at the key itself rather than at its value (for "defined but not used"). */
  atKey?: boolean;
}

type Raw = Record<string, unknown>;

const HAT_TYPES = new Set(['event', 'hat']);
const HANDLER_TYPES = new Set(['command', 'reporter', 'boolean']);
const MONITOR_TYPES = new Set(['reporter', 'boolean']);

/** `connect to [URL] and [X]` → `['URL', 'X']`. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\[([^\]]*)\]/g)].map((match) => match[1] ?? '');
}

export function checkRules(spec: unknown): RuleProblem[] {
  if (!isRecord(spec) || !Array.isArray(spec.blocks)) return [];
  const problems: RuleProblem[] = [];
  const firstOpcode = new Map<string, string>();
  const firstEvent = new Map<string, string>();
  spec.blocks.forEach((group, groupIndex) => {
    if (!isRecord(group) || !Array.isArray(group.blocks)) return;
    group.blocks.forEach((block, blockIndex) => {
      if (!isRecord(block)) return;
      const at: SpecPath = ['blocks', groupIndex, 'blocks', blockIndex];
      problems.push(...checkBlock(block, at));
      problems.push(...checkUnique(block.opcode, firstOpcode, [...at, 'opcode'], 'opcode'));
      if (HAT_TYPES.has(String(block.blockType))) {
        problems.push(...checkUnique(block.event, firstEvent, [...at, 'event'], 'event'));
      }
    });
  });
  return problems;
}

function checkUnique(value: unknown, seen: Map<string, string>, path: SpecPath, what: string): RuleProblem[] {
  if (typeof value !== 'string') return [];
  const where = formatPath(path);
  const first = seen.get(value);
  if (first !== undefined) return [{ path, message: `duplicate ${what} '${value}' (first used at ${first})` }];
  seen.set(value, where);
  return [];
}

function checkBlock(block: Raw, at: SpecPath): RuleProblem[] {
  return [...checkShapeFields(block, at), ...checkArguments(block, at)];
}

/** Hats are started by the runtime on an event; every other block calls a runtime handler. */
function checkShapeFields(block: Raw, at: SpecPath): RuleProblem[] {
  const blockType = String(block.blockType);
  const problems: RuleProblem[] = [];
  if (HAT_TYPES.has(blockType)) {
    if (block.event === undefined) problems.push({ path: at, message: `a ${blockType} block needs an event (a key of HatOpcodes, e.g. open)` });
    if (block.handler !== undefined) problems.push({ path: [...at, 'handler'], message: `a ${blockType} block has no handler: the runtime starts it on its event`, atKey: true });
    if (block.disableMonitor !== undefined) problems.push({ path: [...at, 'disableMonitor'], message: 'hats have no monitor', atKey: true });
    if (blockType === 'event' && block.isEdgeActivated === true) problems.push({ path: [...at, 'isEdgeActivated'], message: 'an event block cannot be edge-activated (use blockType: hat)' });
  }
  if (HANDLER_TYPES.has(blockType)) {
    if (block.handler === undefined) problems.push({ path: at, message: `a ${blockType} block needs a handler (a method of WebSocketRuntime)` });
    if (block.event !== undefined) problems.push({ path: [...at, 'event'], message: `only hats have an event; a ${blockType} block has a handler`, atKey: true });
    for (const flag of ['isEdgeActivated', 'shouldRestartExistingThreads']) {
      if (block[flag] !== undefined) problems.push({ path: [...at, flag], message: `only hats have ${flag}`, atKey: true });
    }
    if (!MONITOR_TYPES.has(blockType) && block.disableMonitor !== undefined) {
      problems.push({ path: [...at, 'disableMonitor'], message: 'only reporters and booleans have a monitor', atKey: true });
    }
  }
  return problems;
}

function checkArguments(block: Raw, at: SpecPath): RuleProblem[] {
  const defined = isRecord(block.arguments) ? block.arguments : {};
  const problems: RuleProblem[] = [];
  if (typeof block.text === 'string') {
    const used = placeholders(block.text);
    for (const name of used) {
      if (!(name in defined)) problems.push({ path: [...at, 'text'], message: `argument [${name}] is used in the text but not defined in arguments` });
    }
    for (const name of Object.keys(defined)) {
      if (!used.includes(name)) problems.push({ path: [...at, 'arguments', name], message: `argument ${name} is defined but not used in the text`, atKey: true });
    }
  }
  for (const [name, argument] of Object.entries(defined)) {
    if (!isRecord(argument) || argument.default === undefined) continue;
    const expected = argument.type;
    const actual = typeof argument.default;
    if ((expected === 'string' || expected === 'number' || expected === 'boolean') && actual !== expected) {
      problems.push({ path: [...at, 'arguments', name, 'default'], message: `expected a ${expected} default for a ${expected} argument, received ${actual}` });
    }
  }
  return problems;
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
