/**
 * `kubectl get pods -w`: the table printer writes through cli-runtime's
 * tabwriter (minwidth 6, padding 3, RememberWidths). The header and the rows
 * present when the watch starts are flushed together; every later watch event
 * is one row flushed on its own, so a column never narrows, and a line printed
 * before a wider value appeared keeps its narrower layout.
 *
 * Input: the row changes in the order the watch saw them — each row is the pod's
 * `kubectl get pods` row *as printed at that instant* (AGE and "(5s ago)" are
 * frozen in the line, as in a terminal). Build the list with `appendRowChange`
 * as frames arrive (or from any replay of the pod's history); `initialCount`
 * rows form the first flush.
 */
import { GET_TABWRITER, Tabwriter } from './tabwriter.ts';

export interface WatchRow {
  name: string;
  ready: string;
  status: string;
  restarts: string;
  age: string;
}

export interface RowChange {
  /** Simulated ms at which the row was printed. */
  atMs: number;
  row: WatchRow;
}

export const WATCH_HEADER = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'] as const;

function line(cells: readonly string[]): string {
  return `${cells.join('\t')}\n`;
}

/** The lines a terminal shows (no trailing newline on each). */
export function getPodsWatchLines(changes: readonly RowChange[], initialCount = 1): string[] {
  if (changes.length === 0) return [];
  const tw = new Tabwriter(GET_TABWRITER, true);
  tw.write(line(WATCH_HEADER));
  changes.forEach((c, i) => {
    if (i >= initialCount) tw.flush();
    const r = c.row;
    tw.write(line([r.name, r.ready, r.status, r.restarts, r.age]));
  });
  return tw.toString().replace(/\n$/, '').split('\n');
}

/** What makes a new watch line: a change in any column but AGE and the "(… ago)" of RESTARTS. */
export function rowIdentity(r: WatchRow): string {
  return [r.name, r.ready, r.status, r.restarts.replace(/\s*\(.*\)$/, '')].join('\u0000');
}

/**
 * Adds the rows of one instant to a watch history. Returns the same array when
 * nothing changed. After a seek back or a reload (`atMs` earlier than the last
 * entry), the lines printed at or after `atMs` are dropped first, as if the watch
 * had run only up to there; the rows of `atMs` are then printed again.
 */
export function appendRowChange(
  history: readonly RowChange[],
  atMs: number,
  rows: readonly WatchRow[],
): readonly RowChange[] {
  let base = history;
  const last = history[history.length - 1];
  if (last && atMs < last.atMs) base = history.filter((c) => c.atMs < atMs);
  const latest = new Map<string, string>();
  for (const c of base) latest.set(c.row.name, rowIdentity(c.row));
  const added: RowChange[] = [];
  for (const row of rows) {
    if (latest.get(row.name) !== rowIdentity(row)) added.push({ atMs, row: { ...row } });
  }
  if (added.length === 0) return base;
  return [...base, ...added];
}
