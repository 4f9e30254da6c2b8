/**
 * Simulated time: integer milliseconds since the manifest was applied.
 * Jobs are kept in a binary heap ordered by (atMs, insertion order), so two
 * jobs due at the same instant run in the order they were scheduled — the
 * property that makes a run replay byte for byte.
 */
export type JobId = number;

interface Job {
  readonly id: JobId;
  readonly atMs: number;
  readonly seq: number;
  readonly run: () => void;
}

export class SimClock {
  private now = 0;
  private seq = 0;
  private heap: Job[] = [];
  private cancelled = new Set<JobId>();

  get nowMs(): number {
    return this.now;
  }

  /** Schedules `run` at `atMs` (clamped to now). Returns an id for `cancel`. */
  schedule(atMs: number, run: () => void): JobId {
    if (!Number.isFinite(atMs)) throw new RangeError(`cannot schedule at ${atMs}`);
    const job: Job = {
      id: ++this.seq,
      atMs: Math.max(this.now, Math.round(atMs)),
      seq: this.seq,
      run,
    };
    this.push(job);
    return job.id;
  }

  /** Schedules `run` `delayMs` from now. */
  after(delayMs: number, run: () => void): JobId {
    return this.schedule(this.now + delayMs, run);
  }

  cancel(id: JobId | undefined): void {
    if (id !== undefined) this.cancelled.add(id);
  }

  /** The time of the next pending job, or undefined when nothing is due. */
  nextDueMs(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.atMs;
  }

  /** Runs every job due up to and including `targetMs`, then sets the time to it. */
  advanceTo(targetMs: number): void {
    if (targetMs < this.now) {
      throw new RangeError(
        `simulated time cannot go back (now ${this.now} ms, asked ${targetMs} ms)`,
      );
    }
    for (;;) {
      this.dropCancelled();
      const head = this.heap[0];
      if (!head || head.atMs > targetMs) break;
      this.pop();
      this.now = head.atMs;
      head.run();
    }
    this.now = Math.round(targetMs);
  }

  /** Runs only the jobs of the next due instant; returns that instant, or undefined. */
  step(): number | undefined {
    const at = this.nextDueMs();
    if (at === undefined) return undefined;
    this.advanceTo(at);
    return at;
  }

  private dropCancelled(): void {
    while (this.heap.length && this.cancelled.has(this.heap[0]!.id)) {
      this.cancelled.delete(this.heap[0]!.id);
      this.pop();
    }
  }

  private less(a: Job, b: Job): boolean {
    return a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);
  }

  private push(job: Job): void {
    const h = this.heap;
    h.push(job);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): Job | undefined {
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
