import type { SpecPath } from './problems.js';

/**
 * The raw YAML data of a spec, before the schema has checked its shape: what the rules
 * (rules.ts) read, so that they run even when the schema found problems too. Each accessor
 * skips what is not of the shape it looks for.
 */
export type Raw = Record<string, unknown>;

/** Every block of the raw spec that is a map, with its path. */
export function rawBlocks(spec: Raw): Array<[Raw, SpecPath]> {
  if (!Array.isArray(spec.blocks)) return [];
  return spec.blocks.flatMap((group, groupIndex) => {
    if (!isRecord(group) || !Array.isArray(group.blocks)) return [];
    return group.blocks.flatMap((block, blockIndex): Array<[Raw, SpecPath]> => (isRecord(block) ? [[block, ['blocks', groupIndex, 'blocks', blockIndex]]] : []));
  });
}

/** The menus of the raw spec that are maps, by name. */
export function rawMenus(spec: Raw): Array<[string, Raw]> {
  if (!isRecord(spec.menus)) return [];
  return Object.entries(spec.menus).flatMap(([name, menu]): Array<[string, Raw]> => (isRecord(menu) ? [[name, menu]] : []));
}

/** A palette label (`label: <id>`) rather than a block. */
export function isLabel(entry: Raw): boolean {
  return entry.label !== undefined;
}

/** A block's `arguments` map, or an empty one when it has none that is a map. */
export function declaredArguments(block: Raw): Raw {
  return isRecord(block.arguments) ? block.arguments : {};
}

/** A YAML map (not a list, not a scalar). */
export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
