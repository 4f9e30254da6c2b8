/**
 * Property-based tests: random manifests and random action schedules, with
 * the kubelet's invariants checked after every simulated occurrence.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containerSpec } from '../fuzz/fuzz.ts';
import { createSimulation, restoreSimulation } from './simulation.ts';
import type { Action, Simulation } from './types.ts';

const IMAGES = ['busybox:1.36', 'nginx:1.27', 'busybox', 'redis:7'];

const command = fc.oneof(
  fc.constant(undefined),
  fc
    .record({ s: fc.integer({ min: 0, max: 20 }), k: fc.integer({ min: 0, max: 3 }) })
    .map(({ s, k }) => ['sh', '-c', `sleep ${s}; exit ${k}`]),
  fc.integer({ min: 1, max: 400 }).map((s) => ['sleep', String(s)]),
  fc.constant(['sleep', 'infinity']),
);

const probe = fc.option(
  fc.record({
    tcpSocket: fc.constant({ port: 80 }),
    periodSeconds: fc.integer({ min: 2, max: 10 }),
    failureThreshold: fc.integer({ min: 1, max: 3 }),
    initialDelaySeconds: fc.integer({ min: 0, max: 5 }),
  }),
  { nil: undefined },
);

const hook = fc.option(
  fc.integer({ min: 0, max: 8 }).map((s) => ({ exec: { command: ['sh', '-c', `sleep ${s}`] } })),
  { nil: undefined },
);

function container(name: string, kind: 'init' | 'sidecar' | 'app') {
  return fc
    .record({
      image: fc.constantFrom(...IMAGES),
      command,
      livenessProbe: probe,
      readinessProbe: probe,
      startupProbe: probe,
      postStart: hook,
      preStop: hook,
    })
    .map((c) => containerSpec(name, kind, c));
}

const manifest = fc
  .record({
    inits: fc.array(fc.constantFrom<'init' | 'sidecar'>('init', 'sidecar'), { maxLength: 3 }),
    apps: fc.integer({ min: 1, max: 3 }),
    restartPolicy: fc.constantFrom('Always', 'OnFailure', 'Never'),
    grace: fc.integer({ min: 0, max: 40 }),
    share: fc.boolean(),
  })
  .chain((m) =>
    fc
      .record({
        initContainers: fc.tuple(...m.inits.map((k, i) => container(`${k}${i}`, k))),
        containers: fc.tuple(
          ...Array.from({ length: m.apps }, (_, i) => container(`app${i}`, 'app')),
        ),
      })
      .map((cs) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: {
          restartPolicy: m.restartPolicy,
          terminationGracePeriodSeconds: m.grace,
          shareProcessNamespace: m.share,
          ...(cs.initContainers.length ? { initContainers: cs.initContainers } : {}),
          containers: cs.containers,
        },
      })),
  );

type Spec = {
  spec: { containers: Array<{ name: string }>; initContainers?: Array<{ name: string }> };
};

function action(names: string[]) {
  const name = fc.constantFrom(...names, 'ghost');
  const probeKind = fc.constantFrom<'liveness' | 'readiness' | 'startup'>(
    'liveness',
    'readiness',
    'startup',
  );
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('crash' as const),
        container: name,
        exitCode: fc.integer({ min: 0, max: 3 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('oom-kill' as const), container: name }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('kill-sandbox' as const) }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('probe-failure' as const),
        container: name,
        probe: probeKind,
        durationMs: fc.integer({ min: 1000, max: 120_000 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('probe-recover' as const),
        container: name,
        probe: probeKind,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('image-pull-error' as const),
        durationMs: fc.integer({ min: 1000, max: 200_000 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('delete-pod' as const),
        gracePeriodSeconds: fc.integer({ min: 0, max: 30 }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'node-failure' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'node-recover' as const }) },
  ) as fc.Arbitrary<Action>;
}

const scenario = manifest.chain((m) => {
  const names = [
    ...((m as unknown as Spec).spec.initContainers ?? []),
    ...(m as unknown as Spec).spec.containers,
  ].map((c) => c.name);
  return fc.record({
    manifest: fc.constant(m),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    actions: fc.array(
      fc.record({ atMs: fc.integer({ min: 0, max: 300_000 }), action: action(names) }),
      {
        maxLength: 6,
      },
    ),
  });
});

/** Runs per property (PODSCOPE_PROPERTY_RUNS raises it for a soak). */
const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
const RUNS = Number(env?.PODSCOPE_PROPERTY_RUNS ?? 400);

const HORIZON_MS = 400_000;

/** Runs the scenario occurrence by occurrence, checking the invariants after each. */
function check(sc: {
  manifest: object;
  seed: number;
  actions: Array<{ atMs: number; action: Action }>;
}): Simulation {
  const s = createSimulation({ manifest: sc.manifest, seed: sc.seed });
  const spec = (sc.manifest as Spec & { spec: { restartPolicy: string } }).spec;
  const pending = [...sc.actions].sort((a, b) => a.atMs - b.atMs);
  const restartCounts: Record<string, number> = {};
  const sidecars = new Set(
    (
      (
        sc.manifest as unknown as {
          spec: { initContainers?: Array<{ name: string; restartPolicy?: string }> };
        }
      ).spec.initContainers ?? []
    )
      .filter((c) => c.restartPolicy === 'Always')
      .map((c) => c.name),
  );
  let terminal: string | undefined;
  let deletedAtEvent: number | undefined;
  let seenEvents = 0;
  let lastEventAt = 0;

  const observe = () => {
    const pod = s.pod();
    // restartCount never decreases; Never never restarts a regular container.
    for (const st of [
      ...(pod.status?.initContainerStatuses ?? []),
      ...(pod.status?.containerStatuses ?? []),
    ]) {
      expect(st.restartCount).toBeGreaterThanOrEqual(restartCounts[st.name] ?? 0);
      restartCounts[st.name] = st.restartCount;
      if (spec.restartPolicy === 'Never' && !sidecars.has(st.name)) expect(st.restartCount).toBe(0);
    }
    // A terminal phase never changes.
    const phase = pod.status?.phase;
    if (terminal) expect(phase).toBe(terminal);
    else if (phase === 'Succeeded' || phase === 'Failed') terminal = phase;
    // New events: ordered in time; nothing starts after deletion; regular init
    // containers never overlap; an app container starts only when every regular
    // init container succeeded in the current sandbox; back-off never exceeds 300 s.
    const events = s.eventsSince(seenEvents);
    seenEvents += events.length;
    for (const e of events) {
      expect(e.atMs).toBeGreaterThanOrEqual(lastEventAt);
      lastEventAt = e.atMs;
      if (e.reason === 'BackOff') {
        for (const c of s.runtime().containers) {
          if (c.backOffMs !== undefined) expect(c.backOffMs).toBeLessThanOrEqual(300_000);
          if (c.backOffUntilMs !== undefined && c.finishedAtMs !== undefined)
            if (c.waitingReason === 'CrashLoopBackOff')
              expect(c.backOffUntilMs - c.finishedAtMs).toBeLessThanOrEqual(300_000);
        }
      }
      if (e.reason !== 'Started') continue;
      expect(deletedAtEvent).toBeUndefined();
      const view = s.runtime();
      const inits = view.containers.filter((c) => c.kind === 'init');
      expect(inits.filter((c) => c.state === 'running').length).toBeLessThanOrEqual(1);
      if (e.fieldPath?.startsWith('spec.containers{')) {
        for (const init of inits) {
          expect(init.state).toBe('exited');
          expect(init.lastExitCode).toBe(0);
          expect(init.sandboxId).toBe(view.sandbox?.id);
        }
      }
    }
    if (pod.metadata?.deletionTimestamp && deletedAtEvent === undefined) deletedAtEvent = s.nowMs;
  };

  for (;;) {
    const next = s.nextEventAtMs();
    const act = pending[0];
    if (act && (next === undefined || act.atMs <= next) && act.atMs <= HORIZON_MS) {
      s.advanceTo(Math.max(s.nowMs, act.atMs));
      pending.shift();
      try {
        s.dispatch(act.action);
      } catch (e) {
        expect((e as Error).message).toMatch(/not found|has no|already/);
      }
      observe();
      continue;
    }
    if (next === undefined || next > HORIZON_MS) break;
    const before = s.eventCount();
    s.step();
    if (s.eventCount() !== before) observe();
  }
  observe();
  return s;
}

describe('invariants over random pods and fault schedules', () => {
  it(
    'hold after every occurrence',
    () => {
      fc.assert(
        fc.property(scenario, (sc) => {
          check(sc);
        }),
        { numRuns: RUNS },
      );
    },
    RUNS * 1000,
  );

  it(
    'a run replays byte for byte, and from any checkpoint',
    () => {
      fc.assert(
        fc.property(scenario, fc.integer({ min: 0, max: HORIZON_MS }), (sc, cut) => {
          const straight = createSimulation({ manifest: sc.manifest, seed: sc.seed });
          const other = createSimulation({ manifest: sc.manifest, seed: sc.seed });
          const acts = [...sc.actions].sort((a, b) => a.atMs - b.atMs);
          const drive = (s: Simulation, from: number) => {
            for (const { atMs, action } of acts) {
              if (atMs < from) continue;
              s.advanceTo(Math.max(s.nowMs, atMs));
              try {
                s.dispatch(action);
              } catch {
                /* refused */
              }
            }
            s.advanceTo(Math.max(s.nowMs, HORIZON_MS));
          };
          // straight run
          drive(straight, 0);
          // the same run, snapshotted at `cut` and continued from the restored copy
          for (const { atMs, action } of acts) {
            if (atMs >= cut) break;
            other.advanceTo(Math.max(other.nowMs, atMs));
            try {
              other.dispatch(action);
            } catch {
              /* refused */
            }
          }
          other.advanceTo(Math.max(other.nowMs, cut));
          const restored = restoreSimulation(JSON.parse(JSON.stringify(other.snapshot())));
          drive(restored, cut);
          const key = (s: Simulation) =>
            JSON.stringify([s.events(), s.pods(), s.printRows(), s.runtime(), s.nextEventAtMs()]);
          expect(key(restored)).toBe(key(straight));
        }),
        { numRuns: Math.ceil(RUNS / 3) },
      );
    },
    RUNS * 1000,
  );
});
