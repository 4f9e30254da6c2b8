/**
 * One loaded run: the time machine, its timeline lanes, its `get pods -w` history
 * and its frame builder,
 * wired together. The host drives a session; tests drive one directly.
 */
import { eventCount, type EngineApi } from './engine.ts';
import { FrameBuilder } from './frames.ts';
import { LaneTracker } from './lanes.ts';
import type { Action, Frame, Run } from './protocol.ts';
import { TimeMachine, type TimeMachineOptions } from './timeMachine.ts';
import { WatchTracker } from './watch.ts';

export class Session {
  readonly tm: TimeMachine;
  readonly lanes = new LaneTracker();
  readonly watch = new WatchTracker();
  private readonly builder = new FrameBuilder(this.lanes, this.watch);

  /** Throws whatever `engine.create` throws (an invalid manifest). */
  constructor(engine: EngineApi, run: Run, opts?: TimeMachineOptions) {
    const { lanes, watch } = this;
    this.tm = new TimeMachine(
      engine,
      run,
      {
        instant: (sim) => {
          lanes.sample(sim);
          watch.sample(sim);
        },
        fork: (atMs) => {
          lanes.truncateAfter(atMs);
          watch.truncateAfter(atMs);
        },
      },
      opts,
    );
  }

  get nowMs(): number {
    return this.tm.nowMs;
  }

  advanceTo(ms: number): void {
    this.tm.advanceTo(ms);
  }

  seek(ms: number): void {
    this.tm.seek(ms);
  }

  /** Pauses nothing; applies and records the action (a fork if a future was recorded). */
  dispatch(action: Action, refused?: (err: unknown) => Error): void {
    this.tm.dispatch(action, refused);
    this.builder.actionsChanged();
  }

  /** Advances to the next instant anything happens; false when nothing is pending. */
  step(): boolean {
    const t = this.tm.nextInstant();
    if (t === undefined) return false;
    this.tm.advanceTo(Math.max(t, this.tm.nowMs));
    return true;
  }

  /** Steps until a new event is recorded (at most `maxSteps` instants). */
  nextEvent(maxSteps = 10_000): void {
    const before = eventCount(this.tm.sim);
    for (let i = 0; i < maxSteps; i++) {
      if (!this.step() || eventCount(this.tm.sim) > before) return;
    }
  }

  frame(live: { playing: boolean; speed: number }): Frame {
    return this.builder.build(this.tm, { ...live, crashed: false });
  }
}
