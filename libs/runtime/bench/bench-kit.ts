import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Median of a list of figures: robust against the odd slow round on a shared machine. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds taken by `work`. */
/**
 * The round whose ratio `a[i] / b[i]` is the median of the paired ratios: that ratio and both
 * times of that same round. A row prints these three together, so its figures agree with its
 * ratio (printing each side's own median beside the median ratio gave "0.63×" next to two equal
 * figures, issue 22). Pairing rounds still cancels drift that falls on both sides of one round.
 */
export function pairedMedian(a: number[], b: number[]): { ratio: number; a: number; b: number } {
  const rounds = a.map((value, i) => ({ ratio: value / b[i]!, a: value, b: b[i]! })).sort((x, y) => x.ratio - y.ratio);
  return rounds[Math.floor((rounds.length - 1) / 2)]!;
}

export function time(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

export async function timeAsync(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** A full garbage collection, enabled at run time so `tsx bench/index.ts` needs no flag. */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

export interface Row {
  figure: string;
  value: string;
  target: string;
  met: boolean | null;
}

export function printTable(rows: Row[]): void {
  const header = { figure: 'figure', value: 'measured', target: 'target', met: 'met' };
  const cells = [header, ...rows.map((r) => ({ ...r, met: r.met === null ? '—' : r.met ? 'yes' : 'NO' }))];
  const widths = (['figure', 'value', 'target', 'met'] as const).map((key) => Math.max(...cells.map((c) => String(c[key]).length)));
  for (const [i, cell] of cells.entries()) {
    const line = (['figure', 'value', 'target', 'met'] as const).map((key, k) => String(cell[key]).padEnd(widths[k]!)).join(' | ');
    console.log(line);
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  }
}
