import type { RuntimeExports } from './context.js';
import type { MenuModel, SpecModel } from './model.js';
import { ProblemSink, type Problem } from './problems.js';

/**
 * Checks each menu that says `mirrors: NAME` against the list the runtime package exports
 * under NAME (e.g. `STATISTICS`, the statistic names the runtime counts): the menu's item
 * values must be exactly that list's strings, in its order, so a name added to or removed from
 * either side fails generation instead of giving a block that silently answers 0. Problems
 * are located at the `mirrors` key's value and name what is missing from the menu, what the
 * runtime does not have, or the runtime's order. Also a problem: `mirrors` on a dynamic menu
 * (its items come from the runtime at run time), and a NAME the runtime does not export as
 * an array of strings. Pure: `runtime` holds the values, read by workspace.ts.
 */
export function checkMirroredMenus(spec: SpecModel, specFile: string, runtime: RuntimeExports): Problem[] {
  const sink = new ProblemSink(specFile);
  for (const menu of spec.menus) ensureMirrorMatches(menu, runtime, sink);
  return sink.problems();
}

function ensureMirrorMatches(menu: MenuModel, runtime: RuntimeExports, sink: ProblemSink): void {
  const { mirrors } = menu;
  if (mirrors === undefined) return;
  if (menu.items.kind === 'dynamic') {
    sink.reportAt(mirrors.location, `menu ${menu.name} lists its items with function '${menu.items.function}' at run time: only a menu with items can mirror a runtime list`);
    return;
  }
  const list = runtime.values[mirrors.name];
  if (!isStringArray(list)) {
    const found = list === undefined ? 'does not export it' : 'exports it, but not as an array of strings';
    sink.reportAt(mirrors.location, `menu ${menu.name} mirrors ${mirrors.name}, but the runtime (${runtime.displayPath}) ${found}`);
    return;
  }
  const values = menu.items.items.map((item) => item.value);
  const missing = list.filter((value) => !values.includes(value));
  const extra = values.filter((value) => !list.includes(value));
  const quoted = (names: readonly string[]): string => names.map((name) => `'${name}'`).join(', ');
  const differences = [
    ...(missing.length > 0 ? [`missing ${quoted(missing)}`] : []),
    ...(extra.length > 0 ? [`not in the runtime: ${quoted(extra)}`] : []),
  ];
  const sameOrder = values.length === list.length && values.every((value, index) => value === list[index]);
  if (differences.length === 0 && sameOrder) return;
  const detail = differences.length > 0 ? differences.join('; ') : `the same values in another order (the runtime's: ${quoted(list)})`;
  sink.reportAt(mirrors.location, `menu ${menu.name}'s item values differ from ${mirrors.name} of the runtime (${runtime.displayPath}): ${detail}`);
}

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
