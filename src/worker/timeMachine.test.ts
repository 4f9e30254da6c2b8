import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyView, mergeFrame, type SimView } from './merge.ts';
import type { Action, Run, TimedAction } from './protocol.ts';
import { Session } from './session.ts';
import { fakeEngine } from './testing/fakeEngine.ts';
import type { TimeMachineOptions } from './timeMachine.ts';

const manifest = {
  name: 'web',
  containers: [
    { name: 'app', exitAfterMs: 7_000 },
    { name: 'side' },
    { name: 'job', exitAfterMs: 45_000 },
  ],
};

/** A session plus the view a consumer builds by merging its frames. */
function open(run: Partial<Run> = {}, opts?: TimeMachineOptions) {
  const s = new Session(fakeEngine, { manifest, seed: 3, actions: [], ...run }, opts);
  let view: SimView = emptyView();
  const frame = () => {
    view = mergeFrame(view, structuredClone(s.frame({ playing: false, speed: 1 })));
    return view;
  };
  frame();
  return { s, frame };
}

/** The parts of a view that must not depend on how time got there. */
const state = (v: SimView) => ({
  nowMs: v.nowMs,
  pods: v.pods,
  rows: v.rows,
  events: v.events,
  logs: v.logs,
  nextEventAtMs: v.nextEventAtMs,
});

describe('time machine', () => {
  it('replays recorded actions at their instants', () => {
    const { s, frame } = open({
      actions: [{ atMs: 3_000, action: { kind: 'crash', container: 'side', exitCode: 2 } }],
    });
    s.advanceTo(3_000);
    const v = frame();
    expect(v.events.at(-1)).toMatchObject({ atMs: 3_000, reason: 'Killing' });
    expect(v.actions).toHaveLength(1);
  });

  it('seeks back instantly to exactly the earlier state', () => {
    const a = open();
    a.s.advanceTo(65_000);
    const at65 = a.frame();
    a.s.advanceTo(600_000);
    a.frame();
    a.s.seek(65_000);
    const back = a.frame();
    expect(state(back)).toEqual(state(at65));
    expect(back.horizonMs).toBe(600_000);
  });

  it('steps one instant at a time and jumps to the next event', () => {
    const { s, frame } = open();
    const first = s.tm.nextInstant()!;
    s.step();
    expect(frame().nowMs).toBe(first);
    const before = frame().events.length;
    s.nextEvent();
    expect(frame().events.length).toBeGreaterThan(before);
  });

  it('forks: an action after a seek back discards the recorded future', () => {
    const { s, frame } = open({
      actions: [{ atMs: 50_000, action: { kind: 'crash', container: 'side' } }],
    });
    s.advanceTo(120_000);
    frame();
    s.seek(20_000);
    s.dispatch({ kind: 'oom-kill', container: 'side' });
    const v = frame();
    expect(v.actions).toEqual([{ atMs: 20_000, action: { kind: 'oom-kill', container: 'side' } }]);
    expect(v.horizonMs).toBe(20_000);
    const side = v.lanes.find((l) => l.container === 'side')!;
    expect(side.segments.every((g) => g.fromMs <= 20_000)).toBe(true);
    expect(side.segments.at(-1)).toMatchObject({
      fromMs: 20_000,
      state: 'terminated',
      exitCode: 137,
    });
  });

  it('a refused action changes nothing, not even the recorded future', () => {
    const { s } = open({ actions: [{ atMs: 50_000, action: { kind: 'delete-pod' } }] });
    s.advanceTo(60_000);
    s.seek(10_000);
    expect(() => s.dispatch({ kind: 'crash', container: 'nope' })).toThrow(/nope/);
    expect(s.tm.actions).toHaveLength(1);
    expect(s.tm.horizonMs).toBe(60_000);
  });

  it('keeps the checkpoint count under its cap by thinning', () => {
    const { s } = open({}, { everyInstants: 2, minGapMs: 0, maxCheckpoints: 8 });
    s.advanceTo(3_600_000);
    expect(s.tm.checkpointCount).toBeLessThanOrEqual(8);
    const straight = open();
    straight.s.advanceTo(1_234_567);
    s.seek(1_234_567);
    expect(s.tm.sim.events()).toEqual(straight.s.tm.sim.events());
    expect(s.tm.sim.pods()).toEqual(straight.s.tm.sim.pods());
  });

  it('keeps the checkpoints within their memory budget', () => {
    const { s } = open({}, { everyInstants: 1, minGapMs: 0, maxBytes: 40_000 });
    s.advanceTo(3_600_000);
    expect(s.tm.checkpointBytes).toBeLessThanOrEqual(40_000);
    expect(s.tm.checkpointCount).toBeGreaterThan(2);
    const straight = open();
    straight.s.advanceTo(3_000_000);
    s.seek(3_000_000);
    expect(s.tm.sim.pods()).toEqual(straight.s.tm.sim.pods());
  });

  it('draws lanes with restarts, back-off and exit codes', () => {
    const { s, frame } = open();
    s.advanceTo(60_000);
    const app = frame().lanes.find((l) => l.container === 'app')!;
    expect(app.kind).toBe('app');
    expect(app.segments.map((g) => g.state)).toContain('backoff');
    expect(app.segments.find((g) => g.state === 'terminated')).toMatchObject({ exitCode: 1 });
    expect(app.restarts[0]).toMatchObject({ restartCount: 1 });
    for (let i = 1; i < app.segments.length; i++)
      expect(app.segments[i - 1]!.toMs).toBe(app.segments[i]!.fromMs);
    expect(app.segments.at(-1)!.toMs).toBeUndefined();
  });
});

const arbAction: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('crash' as const),
    container: fc.constantFrom('app', 'side', 'job'),
    exitCode: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({ kind: fc.constant('oom-kill' as const), container: fc.constantFrom('app', 'side') }),
);
const arbSchedule: fc.Arbitrary<TimedAction[]> = fc
  .array(fc.record({ atMs: fc.integer({ min: 0, max: 200_000 }), action: arbAction }), {
    maxLength: 6,
  })
  .map((xs) => [...xs].sort((a, b) => a.atMs - b.atMs));
const arbOpts = fc.record({
  everyInstants: fc.integer({ min: 1, max: 30 }),
  minGapMs: fc.constantFrom(0, 1, 1_000, 10_000),
  maxCheckpoints: fc.integer({ min: 2, max: 12 }),
});

describe('time machine properties', () => {
  it('seek back then forward equals a straight run', () => {
    fc.assert(
      fc.property(
        arbSchedule,
        fc.integer({ min: 0, max: 250_000 }),
        fc.integer({ min: 0, max: 250_000 }),
        arbOpts,
        (actions, a, b, opts) => {
          const [back, end] = a < b ? [a, b] : [b, a];
          const straight = open({ actions }, opts);
          straight.s.advanceTo(back);
          const atBack = straight.frame();
          const atBackState = state(atBack);
          straight.s.advanceTo(end);
          const expected = straight.frame();

          const time = open({ actions }, opts);
          time.s.advanceTo(end);
          time.frame();
          time.s.seek(back);
          expect(state(time.frame())).toEqual(atBackState);
          time.s.seek(end);
          const got = time.frame();
          expect(state(got)).toEqual(state(expected));
          expect(got.lanes).toEqual(expected.lanes);
          expect(got.horizonMs).toBe(expected.horizonMs);
        },
      ),
      { numRuns: 120 },
    );
  }, 60_000);

  it('a fork equals a straight run of the truncated schedule plus the new action', () => {
    fc.assert(
      fc.property(
        arbSchedule,
        fc.integer({ min: 0, max: 200_000 }),
        arbAction,
        fc.integer({ min: 1, max: 100_000 }),
        arbOpts,
        (actions, forkAt, action, after, opts) => {
          const end = forkAt + after;
          const time = open({ actions }, opts);
          time.s.advanceTo(250_000);
          time.frame();
          time.s.seek(forkAt);
          time.frame();
          time.s.dispatch(action);
          time.s.advanceTo(end);
          const got = time.frame();

          const kept = actions.filter((x) => x.atMs <= forkAt);
          const straight = open({ actions: [...kept, { atMs: forkAt, action }] }, opts);
          straight.s.advanceTo(end);
          const expected = straight.frame();
          expect(state(got)).toEqual(state(expected));
          expect(got.actions).toEqual(expected.actions);
          expect(got.lanes).toEqual(expected.lanes);
        },
      ),
      { numRuns: 120 },
    );
  }, 60_000);
});
