/**
 * Simulated time: integer milliseconds since the manifest was applied.
 *
 * Pending jobs are plain data (`{ kind, ... }` objects the simulation
 * dispatches by kind), kept in a binary heap ordered by (atMs, insertion
 * order). Two jobs due at the same instant therefore run in the order they
 * were scheduled — the property that makes a run replay byte for byte — and
 * the whole clock can be snapshotted as data and restored (`snapshot`,
 * `new SimClock(state)`).
 *
 * For convenience a job may also be a function: the default runner calls it.
 * Function jobs cannot be snapshotted meaningfully; the simulation never uses them.
 */
export type JobId = number;

export interface ClockEntry<J> {
  readonly id: JobId;
  readonly atMs: number;
  readonly job: J;
}

/** A clock as plain, structured-clonable data. */
export interface ClockState<J> {
  now: number;
  seq: number;
  /** The heap array itself (entries in heap order). */
  heap: Array<ClockEntry<J>>;
  cancelled: JobId[];
}

const callIfFunction = (job: unknown): void => {
  if (typeof job === 'function') (job as () => void)();
};

export class SimClock<J = unknown> {
  private now = 0;
  private seq = 0;
  private heap: Array<ClockEntry<J>> = [];
  private cancelled = new Set<JobId>();

  constructor(state?: ClockState<J>) {
    if (state) {
      this.now = state.now;
      this.seq = state.seq;
      this.heap = state.heap.map((e) => ({ ...e }));
      this.cancelled = new Set(state.cancelled);
    }
  }

  get nowMs(): number {
    return this.now;
  }

  /** Number of pending (not cancelled) jobs. */
  get size(): number {
    return this.heap.length - this.cancelled.size;
  }

  /** Schedules `job` at `atMs` (rounded, clamped to now). Returns an id for `cancel`. */
  schedule(atMs: number, job: J): JobId {
    if (!Number.isFinite(atMs)) throw new RangeError(`cannot schedule at ${atMs}`);
    const entry: ClockEntry<J> = {
      id: ++this.seq,
      atMs: Math.max(this.now, Math.round(atMs)),
      job,
    };
    this.push(entry);
    return entry.id;
  }

  /** Schedules `job` `delayMs` from now. */
  after(delayMs: number, job: J): JobId {
    return this.schedule(this.now + delayMs, job);
  }

  cancel(id: JobId | undefined): void {
    if (id !== undefined && id > 0 && id <= this.seq) this.cancelled.add(id);
  }

  /** The time of the next pending job, or undefined when nothing is due. */
  nextDueMs(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.atMs;
  }

  /**
   * Removes and returns the next job due at or before `targetMs`, moving the
   * time to its instant; undefined when none is due (the time is unchanged).
   */
  popDue(targetMs: number): ClockEntry<J> | undefined {
    this.dropCancelled();
    const head = this.heap[0];
    if (!head || head.atMs > targetMs) return undefined;
    this.pop();
    this.now = head.atMs;
    return head;
  }

  /** Moves the time forward without running anything (no job may be due before it). */
  setNow(targetMs: number): void {
    if (targetMs < this.now) {
      throw new RangeError(
        `simulated time cannot go back (now ${this.now} ms, asked ${targetMs} ms)`,
      );
    }
    this.now = Math.round(targetMs);
  }

  /** Runs every job due up to and including `targetMs`, then sets the time to it. */
  advanceTo(targetMs: number, run: (job: J, entry: ClockEntry<J>) => void = callIfFunction): void {
    if (targetMs < this.now) {
      throw new RangeError(
        `simulated time cannot go back (now ${this.now} ms, asked ${targetMs} ms)`,
      );
    }
    for (;;) {
      const e = this.popDue(targetMs);
      if (!e) break;
      run(e.job, e);
    }
    this.now = Math.round(targetMs);
  }

  /** Runs only the jobs of the next due instant; returns that instant, or undefined. */
  step(run?: (job: J, entry: ClockEntry<J>) => void): number | undefined {
    const at = this.nextDueMs();
    if (at === undefined) return undefined;
    this.advanceTo(at, run);
    return at;
  }

  /** The pending jobs in due order (for inspection and tests). */
  pending(): Array<ClockEntry<J>> {
    return this.heap
      .filter((e) => !this.cancelled.has(e.id))
      .sort((a, b) => a.atMs - b.atMs || a.id - b.id);
  }

  /** The clock as plain data; `new SimClock(state)` continues exactly from it. */
  snapshot(): ClockState<J> {
    this.dropCancelled();
    const live = this.heap.filter((e) => !this.cancelled.has(e.id));
    if (live.length !== this.heap.length) {
      this.heap = [];
      for (const e of live) this.push(e);
      this.cancelled.clear();
    }
    return {
      now: this.now,
      seq: this.seq,
      heap: this.heap.map((e) => ({ ...e })),
      cancelled: [],
    };
  }

  private dropCancelled(): void {
    while (this.heap.length && this.cancelled.has(this.heap[0]!.id)) {
      this.cancelled.delete(this.heap[0]!.id);
      this.pop();
    }
  }

  // Ids grow with scheduling order, so (atMs, id) is (atMs, insertion order).
  private less(a: ClockEntry<J>, b: ClockEntry<J>): boolean {
    return a.atMs < b.atMs || (a.atMs === b.atMs && a.id < b.id);
  }

  private push(entry: ClockEntry<J>): void {
    const h = this.heap;
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): ClockEntry<J> | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
