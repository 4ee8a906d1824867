import { argumentTypeOf } from './argument-types.js';
import { formatPath, type SpecPath } from './problems.js';
import { placeholders } from './placeholders.js';
import { declaredArguments, isLabel, isRecord, rawBlocks, rawMenus, type Raw } from './raw-spec.js';
import { BLOCK_SHAPES, BLOCK_TYPES, shapeOf } from './shapes.js';

/**
 * Rules that relate one field of the spec to another, one `ensureX` function per rule, each
 * reporting what it finds to the sink. They read the raw YAML data (not yet known to be well
 * shaped) so that they run even when the schema found problems too: the author sees every
 * mistake at once. Each rule only looks at fields of the right type.
 */

/** Where a rule reports (validate.ts gives it the ProblemSink, which locates the path). */
export interface RuleSink {
  report(path: SpecPath, message: string, options?: { atKey?: boolean }): void;
}

type BlockRule = (block: Raw, at: SpecPath, sink: RuleSink) => void;
type SpecRule = (spec: Raw, sink: RuleSink) => void;

/** Runs every rule over the raw spec. */
export function checkRules(spec: unknown, sink: RuleSink): void {
  if (!isRecord(spec)) return;
  for (const rule of SPEC_RULES) rule(spec, sink);
  for (const [block, at] of rawBlocks(spec)) {
    for (const rule of BLOCK_RULES) rule(block, at, sink);
  }
}

/** Each label id names one label: translations find its text by it. */
export const ensureUniqueLabels: SpecRule = (spec, sink) => {
  ensureUnique(spec, sink, 'label', () => true);
};

/** A menu lists its items, or names the runtime function that lists them: one of the two. */
export const ensureMenuHasItemsOrFunction: SpecRule = (spec, sink) => {
  for (const [name, menu] of rawMenus(spec)) {
    const has = [menu.items, menu.function].filter((field) => field !== undefined).length;
    if (has === 0) sink.report(['menus', name], `menu ${name} needs items (a static menu) or a function (a dynamic menu)`, { atKey: true });
    if (has === 2) sink.report(['menus', name, 'function'], `menu ${name} has both items and a function: a static menu lists items, a dynamic one names a function`, { atKey: true });
  }
};

/** Item values are what the block receives: two equal ones could not be told apart. */
export const ensureUniqueMenuValues: SpecRule = (spec, sink) => {
  for (const [name, menu] of rawMenus(spec)) {
    if (!Array.isArray(menu.items)) continue;
    const seen = new Set<string>();
    menu.items.forEach((item, index) => {
      if (!isRecord(item) || item.value === undefined) return;
      const value = String(item.value);
      if (seen.has(value)) sink.report(['menus', name, 'items', index, 'value'], `duplicate value '${value}' in menu ${name}`);
      seen.add(value);
    });
  }
};

/** A menu nobody uses is a mistake (a renamed argument menu, say), as an unused argument is. */
export const ensureMenusUsed: SpecRule = (spec, sink) => {
  const used = new Set(rawBlocks(spec).flatMap(([block]) => Object.values(declaredArguments(block)).map((argument) => (isRecord(argument) ? argument.menu : undefined))));
  for (const [name] of rawMenus(spec)) {
    if (!used.has(name)) sink.report(['menus', name], `menu ${name} is defined but no argument uses it`, { atKey: true });
  }
};

/** The extension class gets a method per dynamic menu (`<menu>Menu`): no opcode may take its name. */
export const ensureMenuMethodsFree: SpecRule = (spec, sink) => {
  const methods = new Map(rawMenus(spec).filter(([, menu]) => menu.function !== undefined).map(([name]) => [`${name}Menu`, name]));
  for (const [block, at] of rawBlocks(spec)) {
    const menu = typeof block.opcode === 'string' ? methods.get(block.opcode) : undefined;
    if (menu !== undefined) sink.report([...at, 'opcode'], `opcode '${String(block.opcode)}' is the name of the method that lists menu ${menu}'s items`);
  }
};

/** Each opcode names one block: the VM keys blocks (and saved projects) by it. */
export const ensureUniqueOpcodes: SpecRule = (spec, sink) => {
  ensureUnique(spec, sink, 'opcode', () => true);
};

/** The runtime starts one hat per event (HatOpcodes maps an event to one opcode). */
export const ensureUniqueHatEvents: SpecRule = (spec, sink) => {
  ensureUnique(spec, sink, 'event', (block) => shapeOf(block.blockType)?.runs === 'event');
};

/**
 * Members the generated extension class has of its own (its constructor, getInfo, the
 * injected `scratch` and `runtime`) or that every JavaScript object has (`toString`,
 * `__proto__`, ...): a block method of that name would replace it.
 */
export const RESERVED_MEMBER_NAMES: ReadonlySet<string> = new Set(['constructor', 'getInfo', 'scratch', 'runtime', ...Object.getOwnPropertyNames(Object.prototype)]);

/** An opcode becomes a method of the extension class: it must not replace one the class needs. */
export const ensureOpcodeNotReserved: BlockRule = (block, at, sink) => {
  if (typeof block.opcode !== 'string' || !RESERVED_MEMBER_NAMES.has(block.opcode)) return;
  sink.report([...at, 'opcode'], `opcode '${block.opcode}' is taken: the extension class or every JavaScript object already has a member of that name`);
};

/** What the shape runs needs naming: a runtime handler, or the event that starts the hat. */
export const ensureShapeRequirements: BlockRule = (block, at, sink) => {
  const shape = shapeOf(block.blockType);
  const blockType = String(block.blockType);
  if (shape?.runs === 'event' && block.event === undefined) {
    sink.report(at, `a ${blockType} block needs an event (a key of HatOpcodes, e.g. open)`);
  }
  if (shape?.runs === 'handler' && block.handler === undefined) {
    sink.report(at, `a ${blockType} block needs a handler (a method of WebSocketRuntime)`);
  }
};

/** A hat names no handler, only hats have an event and the hat flags, and a block that runs nothing has none of these. */
export const ensureNoFieldsOfOtherShapes: BlockRule = (block, at, sink) => {
  const shape = shapeOf(block.blockType);
  const blockType = String(block.blockType);
  if (shape?.runs === 'event') {
    if (block.handler !== undefined) sink.report([...at, 'handler'], `a ${blockType} block has no handler: the runtime starts it on its event`, { atKey: true });
    if (block.usesTarget !== undefined) sink.report([...at, 'usesTarget'], `a ${blockType} block has no handler, so it has no usesTarget: the runtime starts it for a sprite`, { atKey: true });
  }
  if (shape?.runs === 'nothing') {
    for (const field of ['handler', 'usesTarget', 'event', 'arguments', 'isEdgeActivated', 'shouldRestartExistingThreads']) {
      if (block[field] !== undefined) sink.report([...at, field], `a ${blockType} block runs nothing, so it has no ${field}`, { atKey: true });
    }
  }
  if (shape?.runs === 'handler') {
    if (block.event !== undefined) sink.report([...at, 'event'], `only hats have an event; a ${blockType} block has a handler`, { atKey: true });
    for (const flag of ['isEdgeActivated', 'shouldRestartExistingThreads']) {
      if (block[flag] !== undefined) sink.report([...at, flag], `only hats have ${flag}`, { atKey: true });
    }
  }
};

/** `disableMonitor` only where the shape has a monitor checkbox. */
export const ensureMonitorFlagOnlyWithMonitor: BlockRule = (block, at, sink) => {
  const shape = shapeOf(block.blockType);
  if (shape === undefined || shape.monitor || block.disableMonitor === undefined) return;
  const message = shape.runs === 'event' ? 'hats have no monitor' : `only ${MONITOR_SHAPES.map((type) => `${type}s`).join(' and ')} have a monitor`;
  sink.report([...at, 'disableMonitor'], message, { atKey: true });
};

/** The VM polls only shapes that can be edge-activated; a hat started by an event is not polled. */
export const ensureEdgeActivationAllowed: BlockRule = (block, at, sink) => {
  const shape = shapeOf(block.blockType);
  if (shape?.runs !== 'event' || shape.edgeActivated || block.isEdgeActivated !== true) return;
  sink.report([...at, 'isEdgeActivated'], `an ${String(block.blockType)} block cannot be edge-activated (use blockType: ${EDGE_SHAPES.join(' or ')})`);
};

/** Every `[PLACEHOLDER]` in the text names a declared argument (a label's text is only text). */
export const ensurePlaceholdersDeclared: BlockRule = (block, at, sink) => {
  if (typeof block.text !== 'string' || isLabel(block)) return;
  const declared = declaredArguments(block);
  for (const name of placeholders(block.text)) {
    if (!Object.hasOwn(declared, name)) sink.report([...at, 'text'], `argument [${name}] is used in the text but not defined in arguments`);
  }
};

/** Every declared argument appears in the text, or the block could never receive it. */
export const ensureArgumentsUsed: BlockRule = (block, at, sink) => {
  if (typeof block.text !== 'string') return;
  const used = placeholders(block.text);
  for (const name of Object.keys(declaredArguments(block))) {
    if (!used.includes(name)) sink.report([...at, 'arguments', name], `argument ${name} is defined but not used in the text`, { atKey: true });
  }
};

/** A Boolean input is an empty slot in Scratch: it shows no default. */
export const ensureDefaultOnlyWhereShown: BlockRule = (block, at, sink) => {
  for (const [name, argument] of Object.entries(declaredArguments(block))) {
    if (!isRecord(argument) || argument.default === undefined || argumentTypeOf(argument.type)?.hasDefault !== false) continue;
    sink.report([...at, 'arguments', name, 'default'], `a ${String(argument.type)} argument has no default: Scratch shows it as an empty slot`, { atKey: true });
  }
};

/**
 * An argument's menu exists, belongs on a string or number argument (a Boolean slot has no
 * dropdown), and a static menu's default is one of its items.
 */
export const ensureArgumentMenus = (spec: Raw, sink: RuleSink): void => {
  const menus = new Map(rawMenus(spec));
  for (const [block, at] of rawBlocks(spec)) {
    for (const [name, argument] of Object.entries(declaredArguments(block))) {
      if (!isRecord(argument) || typeof argument.menu !== 'string') continue;
      const path = [...at, 'arguments', name, 'menu'];
      const menu = menus.get(argument.menu);
      if (menu === undefined) {
        sink.report(path, `menu ${argument.menu} is not defined in menus${menus.size > 0 ? ` (there are ${[...menus.keys()].join(', ')})` : ''}`);
        continue;
      }
      if (argument.type === 'boolean') sink.report(path, 'a boolean argument cannot have a menu: Scratch shows it as an empty slot');
      if (argument.default !== undefined && Array.isArray(menu.items)) {
        const values = menu.items.filter(isRecord).map((item) => String(item.value));
        if (!values.includes(String(argument.default))) {
          sink.report([...at, 'arguments', name, 'default'], `default '${String(argument.default)}' is not an item of menu ${argument.menu} (${values.join(', ')})`);
        }
      }
    }
  }
};

/**
 * A hat the runtime starts runs no input: its arguments must be fields, menus that do not
 * accept reporters, whose values the VM can match when it starts the hat.
 */
export const ensureHatArgumentsAreFields = (spec: Raw, sink: RuleSink): void => {
  const menus = new Map(rawMenus(spec));
  for (const [block, at] of rawBlocks(spec)) {
    if (shapeOf(block.blockType)?.runs !== 'event') continue;
    for (const [name, argument] of Object.entries(declaredArguments(block))) {
      if (!isRecord(argument)) continue;
      const menu = typeof argument.menu === 'string' ? menus.get(argument.menu) : undefined;
      if (menu === undefined) {
        if (typeof argument.menu !== 'string') sink.report([...at, 'arguments', name], `a ${String(block.blockType)} block takes only fields: give argument ${name} a menu with acceptReporters: false`, { atKey: true });
      } else if (menu.acceptReporters === true) {
        sink.report([...at, 'arguments', name, 'menu'], `a ${String(block.blockType)} block takes only fields, but menu ${String(argument.menu)} accepts reporters`);
      }
    }
  }
};

/**
 * A block with a monitor checkbox (a reporter or boolean whose `disableMonitor` is not true,
 * with dropdown fields only) gets no default for its dropdowns in getInfo(): scratch-vm offers
 * no checkbox to a block whose dropdown is given one. The palette then shows each menu's first
 * item, so a default the spec writes must be that item.
 */
export const ensureMonitoredDropdownsShowFirstItem = (spec: Raw, sink: RuleSink): void => {
  const menus = new Map(rawMenus(spec));
  const fieldMenu = (argument: unknown): Raw | undefined => {
    const menu = isRecord(argument) && typeof argument.menu === 'string' ? menus.get(argument.menu) : undefined;
    return menu?.acceptReporters === true ? undefined : menu;
  };
  for (const [block, at] of rawBlocks(spec)) {
    // disableMonitor left out is false: the block has a monitor.
    if (shapeOf(block.blockType)?.monitor !== true || block.disableMonitor === true) continue;
    const args = Object.entries(declaredArguments(block));
    if (!args.every(([, argument]) => fieldMenu(argument) !== undefined)) continue;
    for (const [name, argument] of args) {
      const items = fieldMenu(argument)?.items;
      if (!isRecord(argument) || argument.default === undefined || !Array.isArray(items) || !isRecord(items[0])) continue;
      const first = String(items[0].value);
      if (String(argument.default) === first) continue;
      sink.report(
        [...at, 'arguments', name, 'default'],
        `this block offers a monitor checkbox, so its dropdown shows the menu's first item ('${first}'), not '${String(argument.default)}': ` +
          'the VM offers no checkbox to a block whose dropdown is given a default (put that item first, or set disableMonitor: true)',
      );
    }
  }
};

/** A default is of its argument's type. */
export const ensureDefaultsMatchTypes: BlockRule = (block, at, sink) => {
  for (const [name, argument] of Object.entries(declaredArguments(block))) {
    if (!isRecord(argument) || argument.default === undefined || argumentTypeOf(argument.type)?.hasDefault === false) continue;
    const expected = argumentTypeOf(argument.type)?.valueType;
    const actual = typeof argument.default;
    if (expected !== undefined && actual !== expected) {
      sink.report([...at, 'arguments', name, 'default'], `expected a ${expected} default for a ${String(argument.type)} argument, received ${actual}`);
    }
  }
};

const SPEC_RULES: SpecRule[] = [
  ensureUniqueOpcodes,
  ensureUniqueHatEvents,
  ensureUniqueLabels,
  ensureMenuHasItemsOrFunction,
  ensureUniqueMenuValues,
  ensureMenusUsed,
  ensureMenuMethodsFree,
  ensureArgumentMenus,
  ensureHatArgumentsAreFields,
  ensureMonitoredDropdownsShowFirstItem,
];
const BLOCK_RULES: BlockRule[] = [
  ensureOpcodeNotReserved,
  ensureShapeRequirements,
  ensureNoFieldsOfOtherShapes,
  ensureMonitorFlagOnlyWithMonitor,
  ensureEdgeActivationAllowed,
  ensurePlaceholdersDeclared,
  ensureArgumentsUsed,
  ensureDefaultOnlyWhereShown,
  ensureDefaultsMatchTypes,
];

const MONITOR_SHAPES = BLOCK_TYPES.filter((type) => BLOCK_SHAPES[type].monitor);
const EDGE_SHAPES = BLOCK_TYPES.filter((type) => BLOCK_SHAPES[type].edgeActivated);

function ensureUnique(spec: Raw, sink: RuleSink, field: string, applies: (block: Raw) => boolean): void {
  const first = new Map<string, string>();
  for (const [block, at] of rawBlocks(spec)) {
    const value = block[field];
    if (typeof value !== 'string' || !applies(block)) continue;
    const path = [...at, field];
    const seen = first.get(value);
    if (seen === undefined) first.set(value, formatPath(path));
    else sink.report(path, `duplicate ${field} '${value}' (first used at ${seen})`);
  }
}
