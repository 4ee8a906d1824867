/** A rate measured in the page: `handled` messages, the first to the last `ms` apart. */
export interface Measured {
  handled: number;
  ms: number;
  perSecond: number;
  /** VM frames that ran meanwhile. */
  frames?: number;
  /** The longest time between two of them, ms, where the page measured it. */
  longestFrameGapMs?: number;
  /** Why the run fell short of all messages (then the rate is of those it handled). */
  shortfall?: string;
}

/** A run either measured or not, with the reason it could not be. */
export type Outcome = Measured | { failure: string };

export interface ReportRow {
  run: string;
  outcome: Outcome;
  /** The raw count this run is compared with (none for a raw row). */
  raw?: Outcome;
  /** The least ratio to raw that meets the goal, or null for a run without one. */
  goal?: number | null;
  /**
   * The least frame rate of the VM during the run that meets its goal: a run handling one
   * message per frame is judged by the frames it kept, not by its message rate (issue 22:
   * 0.9 of the 60 fps asked for while a server floods the page).
   */
  minFps?: number;
}

function isMeasured(outcome: Outcome | undefined): outcome is Measured {
  return outcome !== undefined && !('failure' in outcome);
}

/** "8,912" for a rate; a dash for a run that could not be measured. */
export function formatRate(perSecond: number | null): string {
  return perSecond === null ? '—' : Math.round(perSecond).toLocaleString('en');
}

function cells(row: ReportRow): string[] {
  const { outcome } = row;
  if (!isMeasured(outcome)) return [row.run, '—', '—', '—', formatRate(null), '—', `FAILED: ${outcome.failure}`];
  const ratio = isMeasured(row.raw) ? outcome.perSecond / row.raw.perSecond : null;
  const ratioText = row.raw === undefined ? '' : ratio === null ? '—' : `${ratio.toFixed(3)}×`;
  let goal = '';
  if (outcome.shortfall !== undefined) goal = `INCOMPLETE: ${outcome.shortfall}`;
  else if (row.minFps !== undefined) {
    const fps = outcome.frames === undefined ? null : (outcome.frames * 1000) / outcome.ms;
    goal = `≥ ${row.minFps} fps, one message per frame: ${fps === null ? 'NOT measured' : fps >= row.minFps ? 'met' : 'NOT met'}`;
  } else if (row.goal === null) goal = 'one per frame (no goal)';
  else if (row.raw === undefined) goal = 'the baseline of the next row';
  else if (row.goal !== undefined) goal = `≥ ${row.goal.toFixed(2)}× raw: ${ratio === null ? '—' : ratio >= row.goal ? 'met' : 'NOT met'}`;
  const gap = outcome.longestFrameGapMs === undefined ? '' : `, longest gap ${(outcome.longestFrameGapMs / 1000).toFixed(2)} s`;
  const frames = outcome.frames === undefined ? '' : `${outcome.frames} (${((outcome.frames * 1000) / outcome.ms).toFixed(1)} fps${gap})`;
  return [
    row.run, outcome.handled.toLocaleString('en'), `${(outcome.ms / 1000).toFixed(2)} s`, frames, formatRate(outcome.perSecond), ratioText, goal,
  ];
}

/** Prints the rows as a table; returns whether any run could not be measured or fell short. */
export function printTable(rows: ReportRow[]): boolean {
  const header = ['run', 'messages', 'first→last', 'VM frames', 'messages/s', '÷ raw', 'goal'];
  const table = [header, ...rows.map(cells)];
  const widths = header.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
  for (const [index, line] of table.entries()) {
    console.log(line.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ').trimEnd());
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  }
  return rows.some((row) => !isMeasured(row.outcome) || row.outcome.shortfall !== undefined);
}
