/**
 * The time machine over issue 4's engine: seek-then-replay and forks give the
 * same frames as straight runs, for random action schedules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultEngine } from './defaultEngine.ts';
import { emptyView, mergeFrame, type SimView } from './merge.ts';
import type { Action, Run, TimedAction } from './protocol.ts';
import { Session } from './session.ts';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: shop
spec:
  restartPolicy: Always
  initContainers:
    - name: migrate
      image: busybox:1.36
      command: ['sh', '-c', 'echo migrating; sleep 2; echo done']
    - name: proxy
      image: envoyproxy/envoy:v1.31
      restartPolicy: Always
  containers:
    - name: api
      image: nginx:1.25
      readinessProbe:
        httpGet: { path: /, port: 80 }
        periodSeconds: 5
      livenessProbe:
        httpGet: { path: /, port: 80 }
        periodSeconds: 10
    - name: worker
      image: busybox:1.36
      command: ['sh', '-c', 'echo working; sleep 20; exit 1']
`;

function open(actions: TimedAction[] = [], opts = {}) {
  const s = new Session(defaultEngine, { manifest, seed: 5, actions } satisfies Run, opts);
  let view: SimView = emptyView();
  const frame = () => {
    view = mergeFrame(view, structuredClone(s.frame({ playing: false, speed: 1 })));
    return view;
  };
  frame();
  return { s, frame };
}

const state = (v: SimView) => ({
  nowMs: v.nowMs,
  pods: v.pods,
  nodes: v.nodes,
  rows: v.rows,
  events: v.events,
  logs: v.logs,
  nextEventAtMs: v.nextEventAtMs,
});

const arbAction: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('crash' as const),
    container: fc.constantFrom('api', 'worker', 'proxy'),
    exitCode: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({ kind: fc.constant('oom-kill' as const), container: fc.constantFrom('api', 'proxy') }),
  fc.constant<Action>({ kind: 'kill-sandbox' }),
  fc.record({
    kind: fc.constant('probe-failure' as const),
    container: fc.constant('api'),
    probe: fc.constantFrom('liveness' as const, 'readiness' as const),
    durationMs: fc.integer({ min: 1_000, max: 60_000 }),
  }),
  fc.record({
    kind: fc.constant('delete-pod' as const),
    gracePeriodSeconds: fc.constantFrom(0, 5),
  }),
);
const arbSchedule = fc
  .array(fc.record({ atMs: fc.integer({ min: 0, max: 300_000 }), action: arbAction }), {
    maxLength: 4,
  })
  .map((xs) => [...xs].sort((a, b) => a.atMs - b.atMs));

describe('time machine over the engine', () => {
  it('draws exact lanes for the init order and a crash loop', () => {
    const { s, frame } = open();
    s.advanceTo(180_000);
    const v = frame();
    const lane = (name: string) => v.lanes.find((l) => l.container === name)!;
    expect(lane('migrate').kind).toBe('init');
    expect(lane('proxy').kind).toBe('sidecar');
    const migrated = lane('migrate').segments.find((g) => g.state === 'terminated')!;
    expect(migrated).toMatchObject({ reason: 'Completed', exitCode: 0 });
    const apiRuns = lane('api').segments.find((g) => g.state === 'running')!;
    expect(apiRuns.fromMs).toBeGreaterThanOrEqual(migrated.fromMs);
    expect(lane('worker').segments.some((g) => g.state === 'backoff')).toBe(true);
    expect(lane('worker').restarts.length).toBeGreaterThan(0);
    expect(v.logs['shop/migrate']!.current).toContain('migrating');
  });

  it('seek back then forward equals a straight run', () => {
    fc.assert(
      fc.property(
        arbSchedule,
        fc.integer({ min: 0, max: 400_000 }),
        fc.integer({ min: 0, max: 400_000 }),
        fc.integer({ min: 1, max: 40 }),
        (actions, a, b, everyInstants) => {
          const [back, end] = a < b ? [a, b] : [b, a];
          const straight = open(actions, { everyInstants });
          straight.s.advanceTo(back);
          const atBack = state(straight.frame());
          straight.s.advanceTo(end);
          const expected = straight.frame();

          const tm = open(actions, { everyInstants });
          tm.s.advanceTo(end);
          tm.frame();
          tm.s.seek(back);
          expect(state(tm.frame())).toEqual(atBack);
          tm.s.seek(end);
          const got = tm.frame();
          expect(state(got)).toEqual(state(expected));
          expect(got.lanes).toEqual(expected.lanes);
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);

  it('a fork equals a straight run of the truncated schedule plus the new action', () => {
    fc.assert(
      fc.property(
        arbSchedule,
        fc.integer({ min: 0, max: 300_000 }),
        arbAction,
        fc.integer({ min: 1, max: 120_000 }),
        (actions, forkAt, action, after) => {
          const tm = open(actions, { everyInstants: 8 });
          tm.s.advanceTo(400_000);
          tm.frame();
          tm.s.seek(forkAt);
          tm.frame();
          let refused = false;
          try {
            tm.s.dispatch(action);
          } catch {
            refused = true; // e.g. after the pod is gone; nothing changed
          }
          const kept = actions.filter((x) => x.atMs <= forkAt);
          const schedule = refused ? actions : [...kept, { atMs: forkAt, action }];
          const end = refused ? 400_000 : forkAt + after;
          tm.s.seek(end);
          const got = tm.frame();
          const straight = open(schedule, { everyInstants: 8 });
          straight.s.advanceTo(end);
          const expected = straight.frame();
          expect(state(got)).toEqual(state(expected));
          expect(got.actions).toEqual(expected.actions);
          expect(got.lanes).toEqual(expected.lanes);
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);
});
