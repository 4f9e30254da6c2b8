/**
 * `kubectl get pods -w` as the worker sees it: the pods' rows read after every
 * engine instant in new territory (the lanes sample there too), a line kept
 * whenever a row changed. The history therefore depends on the run only — the
 * same lines at 1×, 10× and 100×, after a seek and from a share link — and
 * covers 0…horizonMs; a consumer prints the lines up to its `nowMs`.
 * Changes leave as deltas, as lanes do.
 */
import {
  appendRowChange,
  DEFAULT_EPOCH_MS,
  getPodsWatchLines,
  printPod,
  type RowChange,
} from '../engine/index.ts';
import type { EngineRow, SimLike } from './engine.ts';
import type { PodRow, WatchLine } from './protocol.ts';

export type { RowChange };

/** The engine's rows with RESTARTS as text, as the frames carry them. */
export function toPodRows(rows: readonly EngineRow[]): PodRow[] {
  return rows.map((r) => ({
    name: r.name,
    ready: r.ready,
    status: r.status,
    restarts: String(r.restarts),
    age: r.age,
  }));
}

export class WatchTracker {
  private history: readonly RowChange[] = [];
  /** The lines as the terminal prints them: header, then one per change. */
  private printed: string[] = [];
  /** How many lines of `history` the consumer already has. */
  private sent = 0;
  private resetPending = true;
  /** Pods whose rows the last sample printed. */
  private listed = new Set<string>();

  /** Forget everything (load/reset). */
  reset(): void {
    this.history = [];
    this.printed = [];
    this.listed.clear();
    this.sent = 0;
    this.resetPending = true;
  }

  /**
   * Reads the rows now; a line for each pod whose row changed. A pod that left
   * the API since the last sample gets its DELETED line: its final object, printed
   * (a line like the one before it is not repeated, as for every change).
   */
  sample(sim: SimLike): void {
    const rows = toPodRows(sim.printRows());
    const now = new Set(rows.map((r) => r.name));
    const gone = [...this.listed].filter((name) => !now.has(name));
    this.listed = now;
    if (gone.length) rows.push(...this.deletedRows(sim, gone));
    const next = appendRowChange(this.history, sim.nowMs, rows);
    if (next === this.history) return;
    this.history = next;
    this.print();
  }

  /**
   * Header and first instant's rows are flushed together, every later line on its
   * own: widths only grow, so a line once printed never changes.
   */
  private print(): void {
    const first = this.history[0]?.atMs;
    const initial = this.history.filter((c) => c.atMs === first).length;
    this.printed = getPodsWatchLines(this.history, Math.max(1, initial));
  }

  private deletedRows(sim: SimLike, names: string[]): PodRow[] {
    const out: PodRow[] = [];
    const at = new Date(DEFAULT_EPOCH_MS + sim.nowMs);
    for (const pod of sim.pods()) {
      const name = pod.metadata?.name ?? '';
      if (!names.includes(name)) continue;
      out.push(...toPodRows([printPod(pod, at)]));
    }
    return out;
  }

  /** A fork at `atMs`: the lines of the discarded future (after `atMs`) are gone. */
  truncateAfter(atMs: number): void {
    const keep = this.history.filter((c) => c.atMs <= atMs);
    if (keep.length === this.history.length) return;
    this.history = keep;
    this.print();
    if (keep.length < this.sent) {
      this.sent = 0;
      this.resetPending = true;
    }
  }

  /** What the consumer lacks since the last call; null when nothing. */
  takeDelta(): { reset: boolean; header: string; items: WatchLine[] } | null {
    if (!this.resetPending && this.sent === this.history.length) return null;
    const items = this.history
      .slice(this.sent)
      .map((c, i) => ({ ...c, text: this.printed[this.sent + i + 1] ?? '' }));
    const delta = { reset: this.resetPending, header: this.printed[0] ?? '', items };
    this.sent = this.history.length;
    this.resetPending = false;
    return delta;
  }
}
