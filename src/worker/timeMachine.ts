/**
 * The time machine: one simulation, the run's recorded actions, and checkpoints.
 *
 * - Advancing applies each recorded action at its instant and, in new territory,
 *   takes a snapshot every `everyInstants` engine instants (at least `minGapMs`
 *   apart; thinned to `maxCheckpoints`, the spacing doubling).
 * - Seeking back restores the nearest checkpoint ≤ t and replays the actions in
 *   (checkpoint, t]: deterministic, so it lands on exactly the state a straight
 *   run had — and it is instant, since only a few instants are replayed.
 * - A dispatch records the action at now; actions and checkpoints after now are
 *   discarded first (a fork), as an editor's undo does.
 * - Beyond `reachedMs` (the furthest instant simulated in this future) it steps
 *   event by event and calls `onInstant` after each one (the lanes sample there).
 */
import { applyAction, normalizeActions } from '../engine/index.ts';
import { eventCount, eventsSince, type EngineApi, type SimLike } from './engine.ts';
import type { Action, Run, TimedAction } from './protocol.ts';

export interface TimeMachineOptions {
  /**
   * Engine instants handled between checkpoints (doubles each time the cap thins
   * them). Replay cost is proportional to instants, not to simulated time: a quiet
   * hour replays in one jump.
   */
  everyInstants?: number;
  /** Least simulated time between two checkpoints. */
  minGapMs?: number;
  /** Most checkpoints kept; over it every other one is dropped. */
  maxCheckpoints?: number;
  /**
   * Memory budget of all checkpoints, in bytes (estimated). A snapshot holds the
   * whole event log, so it grows with the run; over budget they are thinned too.
   */
  maxBytes?: number;
}

export interface TimeMachineHooks {
  /** After each instant handled in new territory (and after a dispatch). */
  instant(sim: SimLike): void;
  /** Before the instant that forks: everything recorded after `atMs` is gone. */
  fork(atMs: number, sim: SimLike): void;
}

interface Checkpoint {
  atMs: number;
  /** Estimated size of the snapshot. */
  bytes: number;
  /** How many of the run's actions the snapshot already includes. */
  applied: number;
  snap: unknown;
}

export const DEFAULT_CHECKPOINT_EVERY_INSTANTS = 24;
export const DEFAULT_CHECKPOINT_MIN_GAP_MS = 1_000;
export const DEFAULT_MAX_CHECKPOINTS = 200;
export const DEFAULT_MAX_CHECKPOINT_BYTES = 64 * 1024 * 1024;
/** Guard against an engine that keeps scheduling work at the same instant. */
const MAX_STEPS_PER_INSTANT = 10_000;

export class TimeMachine {
  sim: SimLike;
  readonly manifest: Run['manifest'];
  readonly seed: number;
  private actionList: TimedAction[];
  private applied = 0;
  private checkpoints: Checkpoint[] = [];
  private everyInstants: number;
  private readonly minGapMs: number;
  private readonly maxCheckpoints: number;
  private readonly maxBytes: number;
  private sinceCheckpoint = 0;
  /** Size of the first snapshot (no events yet) and of one event, estimated. */
  private baseBytes = 0;
  private bytesPerEvent = 200;
  /** The furthest instant simulated (and sampled) in the current future. */
  reachedMs = 0;
  /** Set whenever the engine handled something; cleared by the frame builder. */
  touched = true;
  /** Set when the state went back in time (restore); cleared by the frame builder. */
  rewound = false;

  constructor(
    private readonly engine: EngineApi,
    run: Run,
    private readonly hooks: TimeMachineHooks,
    opts: TimeMachineOptions = {},
  ) {
    this.everyInstants = Math.max(1, opts.everyInstants ?? DEFAULT_CHECKPOINT_EVERY_INSTANTS);
    this.minGapMs = Math.max(0, opts.minGapMs ?? DEFAULT_CHECKPOINT_MIN_GAP_MS);
    this.maxCheckpoints = Math.max(2, opts.maxCheckpoints ?? DEFAULT_MAX_CHECKPOINTS);
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_CHECKPOINT_BYTES;
    this.manifest = run.manifest;
    this.seed = run.seed;
    this.actionList = normalizeActions(run.actions ?? []);
    this.sim = engine.create({ manifest: run.manifest, seed: run.seed });
    const snap = this.sim.snapshot();
    this.baseBytes = JSON.stringify(snap).length;
    this.checkpoints.push({ atMs: 0, applied: 0, bytes: this.baseBytes, snap });
    this.advanceTo(0);
  }

  get nowMs(): number {
    return this.sim.nowMs;
  }

  /** The run as recorded in this future (a copy). */
  get run(): Run {
    return { manifest: this.manifest, seed: this.seed, actions: this.actions };
  }

  get actions(): TimedAction[] {
    return this.actionList.map((a) => ({ atMs: a.atMs, action: a.action }));
  }

  /** End of the current future: what was simulated, or recorded, furthest. */
  get horizonMs(): number {
    return Math.max(this.reachedMs, this.sim.nowMs, this.actionList.at(-1)?.atMs ?? 0);
  }

  get checkpointCount(): number {
    return this.checkpoints.length;
  }

  /** Estimated memory held by checkpoints. */
  get checkpointBytes(): number {
    return this.checkpoints.reduce((n, c) => n + c.bytes, 0);
  }

  /** A snapshot's size from the event count, re-measuring one event's size on a sample. */
  private estimateBytes(): number {
    const count = eventCount(this.sim);
    const sample = eventsSince(this.sim, Math.max(0, count - 20));
    if (sample.length) this.bytesPerEvent = JSON.stringify(sample).length / sample.length;
    return Math.round(this.baseBytes + count * this.bytesPerEvent * 1.1);
  }

  /** The next instant at which anything happens: an engine job or a recorded action. */
  nextInstant(): number | undefined {
    const ne = this.sim.nextEventAtMs();
    const na = this.actionList[this.applied]?.atMs;
    if (ne === undefined) return na;
    return na === undefined ? ne : Math.min(ne, na);
  }

  /** Runs forward to `targetMs` (≥ now), applying recorded actions on the way. */
  advanceTo(targetMs: number): void {
    const target = Math.round(targetMs);
    if (target < this.sim.nowMs) throw new RangeError('advanceTo cannot go back; use seek');
    let sameInstant = 0;
    for (;;) {
      const now = this.sim.nowMs;
      const sampling = now >= this.reachedMs;
      const ne = this.sim.nextEventAtMs();
      let t = target;
      if (sampling && ne !== undefined) t = Math.min(t, Math.max(ne, now));
      if (!sampling) t = Math.min(t, this.reachedMs);
      const action = this.actionList[this.applied];
      if (action && action.atMs <= t) t = Math.max(action.atMs, now);

      if (ne !== undefined && ne <= t) this.touched = true;
      if (t === now) {
        if (++sameInstant > MAX_STEPS_PER_INSTANT)
          throw new Error(`the engine keeps scheduling work at ${now} ms`);
      } else sameInstant = 0;
      this.sim.advance(t - now);

      while (this.actionList[this.applied] && this.actionList[this.applied]!.atMs <= t) {
        // The run's policy (engine/run): a recorded action the engine refuses at its
        // instant (a crash after the pod is gone) changes nothing, every time.
        applyAction(this.sim, this.actionList[this.applied]!.action);
        this.applied++;
        this.touched = true;
      }
      if (this.sim.nowMs >= this.reachedMs) {
        this.reachedMs = this.sim.nowMs;
        this.hooks.instant(this.sim);
        if (++this.sinceCheckpoint >= this.everyInstants) this.checkpoint();
      }

      const pending = this.sim.nextEventAtMs();
      const more = pending !== undefined && pending <= target && pending <= this.sim.nowMs;
      if (this.sim.nowMs >= target && !more) break;
    }
  }

  /** Goes to `ms`: back by restoring a checkpoint and replaying, forward by advancing. */
  seek(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('seek needs a time ≥ 0');
    const t = Math.round(ms);
    if (t >= this.sim.nowMs) {
      this.advanceTo(t);
      return;
    }
    let i = this.checkpoints.length - 1;
    while (i > 0 && this.checkpoints[i]!.atMs > t) i--;
    const cp = this.checkpoints[i]!;
    this.sim = this.engine.restore(cp.snap);
    this.applied = cp.applied;
    this.touched = true;
    this.rewound = true;
    this.advanceTo(t);
  }

  /**
   * Applies `action` now and records it. If the engine refuses it, it throws and
   * nothing changes. Otherwise any future recorded after now is discarded first.
   */
  dispatch(
    action: Action,
    refused: (err: unknown) => Error = (e) => e as Error,
  ): {
    forked: boolean;
  } {
    const now = this.sim.nowMs;
    try {
      this.sim.dispatch(action);
    } catch (err) {
      throw refused(err);
    }
    const forked = this.actionList.length > this.applied || this.reachedMs > now;
    if (forked) this.hooks.fork(now, this.sim);
    this.actionList.length = this.applied;
    while (this.checkpoints.length > 1 && this.checkpoints.at(-1)!.atMs > now)
      this.checkpoints.pop();
    this.reachedMs = now;
    this.actionList.push({ atMs: now, action: structuredClone(action) });
    this.applied++;
    this.touched = true;
    this.hooks.instant(this.sim);
    this.advanceTo(now);
    return { forked };
  }

  private checkpoint(): void {
    const now = this.sim.nowMs;
    if (now < this.checkpoints.at(-1)!.atMs + Math.max(1, this.minGapMs)) return;
    this.checkpoints.push({
      atMs: now,
      applied: this.applied,
      bytes: this.estimateBytes(),
      snap: this.sim.snapshot(),
    });
    this.sinceCheckpoint = 0;
    while (
      this.checkpoints.length > 2 &&
      (this.checkpoints.length > this.maxCheckpoints || this.checkpointBytes > this.maxBytes)
    ) {
      this.checkpoints = this.checkpoints.filter((_, i) => i % 2 === 0);
      this.everyInstants *= 2;
    }
  }
}
