/**
 * The probe tick table and the kubelet's timing rules, table-driven and as
 * fast-check properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation.ts';
import { eventsOf, podYaml, sim } from '../testkit.ts';
import { probeSchedule } from './schedule.ts';

/** A busybox container that removes its health file after `healthyS` seconds. */
function execPod(
  probe: { delay?: number; period?: number; failure?: number; success?: number },
  healthyS: number,
  kind: 'livenessProbe' | 'readinessProbe' = 'livenessProbe',
): string {
  const f = (k: string, v: number | undefined) => (v === undefined ? '' : `\n    ${k}: ${v}`);
  return `containers:
- name: app
  image: busybox:1.36
  command: ['sh', '-c', 'touch /tmp/ok; sleep ${healthyS}; rm -f /tmp/ok; sleep 3600']
  ${kind}:
    exec: { command: ['cat', '/tmp/ok'] }${f('initialDelaySeconds', probe.delay)}${f('periodSeconds', probe.period)}${f('failureThreshold', probe.failure)}${f('successThreshold', probe.success)}`;
}

describe('probeSchedule', () => {
  it('one row per probe and run; counts, published result and the restart it caused', () => {
    const s = sim(execPod({ period: 5 }, 12), 1, ['busybox:1.36']);
    s.advance(60_000);
    const rows = probeSchedule(s.runtime(), 0);
    expect(rows.map((r) => [r.container, r.run, r.probe])).toEqual([['app', 0, 'liveness']]);
    const t = rows[0]!.ticks;
    // 5 s apart while the run lasts
    for (let i = 1; i < t.length; i++) expect(t[i]!.atMs - t[i - 1]!.atMs).toBe(5000);
    const fails = t.filter((x) => x.outcome === 'failure');
    expect(fails.map((x) => x.failures)).toEqual([1, 2, 3]);
    expect(fails[0]!.output).toBe("cat: can't open '/tmp/ok': No such file or directory");
    expect(fails.map((x) => x.result)).toEqual(['Success', 'Success', 'Failure']);
    expect(fails[2]!.acted).toBe('restart');
    expect(rows[0]!.actedAtMs).toBe(fails[2]!.atMs);
    // …and the kubelet's Killing follows at that instant
    expect(eventsOf(s, 'Killing')[0]!.atMs).toBe(fails[2]!.atMs);
    // the next run (after the 30 s grace: sh as PID 1 ignores SIGTERM) has its own row
    s.advance(40_000);
    expect(probeSchedule(s.runtime()).map((r) => r.run)).toEqual([0, 1]);
  });

  it('startup gates liveness and readiness: skipped ticks until started', () => {
    const s = sim(
      `containers:
- name: app
  image: busybox:1.36
  command: ['sh', '-c', 'sleep 12; touch /tmp/up; sleep 3600']
  startupProbe:
    exec: { command: ['cat', '/tmp/up'] }
    periodSeconds: 2
    failureThreshold: 30
  livenessProbe:
    exec: { command: ['true'] }
    periodSeconds: 2
  readinessProbe:
    exec: { command: ['true'] }
    periodSeconds: 2`,
      1,
      ['busybox:1.36'],
    );
    s.advance(40_000);
    const rows = probeSchedule(s.runtime());
    expect(rows.map((r) => r.probe)).toEqual(['startup', 'liveness', 'readiness']);
    const started = rows[0]!.actedAtMs!;
    expect(rows[0]!.ticks.at(-1)!.acted).toBe('started');
    expect(rows[0]!.ticks.at(-1)!.sinceStartMs).toBeGreaterThanOrEqual(12_000);
    for (const r of rows.slice(1)) {
      for (const t of r.ticks) {
        if (t.atMs < started)
          expect(t).toMatchObject({ outcome: 'skipped', skipped: 'startup-pending' });
      }
      expect(r.ticks.some((t) => t.outcome === 'success')).toBe(true);
    }
    expect(rows[2]!.ticks.find((t) => t.acted)!.acted).toBe('ready');
  });

  it('never throws on a view without ticks', () => {
    expect(probeSchedule({} as never)).toEqual([]);
    expect(probeSchedule({ containers: [], probeTicks: [] } as never, 3)).toEqual([]);
  });
});

describe('timing rules (table)', () => {
  // [initialDelay, period, failureThreshold, healthy seconds] → the Killing instant relative to
  // the container's start is the first failing tick + (failureThreshold − 1) × period.
  const table: Array<[number | undefined, number | undefined, number | undefined, number]> = [
    [undefined, undefined, undefined, 5], // defaults: period 10, threshold 3
    [5, 5, undefined, 30], // the docs' exec example
    [0, 2, 1, 7],
    [20, 3, 2, 4], // unhealthy before the delay ends: first probe at ≥ 20 s
    [3, 1, 5, 10],
  ];
  it.each(table)(
    'delay %s, period %s, threshold %s, healthy %s s',
    (delay, period, failure, healthyS) => {
      const s = sim(execPod({ delay, period, failure }, healthyS), 2, ['busybox:1.36']);
      s.advance(200_000);
      const row = probeSchedule(s.runtime(), 0)[0]!;
      const P = (period ?? 10) * 1000;
      const F = failure ?? 3;
      const ran = row.ticks.filter((t) => t.outcome !== 'skipped');
      expect(ran[0]!.sinceStartMs).toBeGreaterThanOrEqual((delay ?? 0) * 1000);
      expect(ran[0]!.sinceStartMs).toBeLessThan((delay ?? 0) * 1000 + P);
      const firstFail = ran.find((t) => t.outcome === 'failure')!;
      expect(firstFail.sinceStartMs).toBeGreaterThanOrEqual(healthyS * 1000);
      expect(row.actedAtMs).toBe(firstFail.atMs + (F - 1) * P);
      expect(eventsOf(s, 'Unhealthy').filter((e) => e.atMs <= row.actedAtMs!)).toHaveLength(F);
    },
  );
});

describe('timing properties', () => {
  it('liveness never acts before initialDelaySeconds + failureThreshold × period… and readiness never restarts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 1000 }),
        (delay, period, failure, healthyS, seed) => {
          const s = createSimulation({
            manifest: podYaml(execPod({ delay, period, failure }, healthyS)),
            seed,
          });
          s.advance(120_000);
          const v = s.runtime();
          for (const row of probeSchedule(v)) {
            if (row.actedAtMs === undefined) continue;
            const t = row.ticks.find((x) => x.atMs === row.actedAtMs)!;
            // the first counted probe is ≥ delay after the start; then failureThreshold − 1 periods
            expect(t.sinceStartMs).toBeGreaterThanOrEqual(
              delay * 1000 + (failure - 1) * period * 1000,
            );
            expect(t.sinceStartMs).toBeGreaterThanOrEqual(healthyS * 1000);
          }
          const r = createSimulation({
            manifest: podYaml(execPod({ delay, period, failure }, healthyS, 'readinessProbe')),
            seed,
          });
          r.advance(120_000);
          expect(eventsOf(r, 'Killing')).toHaveLength(0);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('startup-gated probes never run before startup succeeds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 500 }),
        (period, upAfterS, seed) => {
          const s = createSimulation({
            manifest: podYaml(`containers:
- name: app
  image: busybox:1.36
  command: ['sh', '-c', 'sleep ${upAfterS}; touch /tmp/up; sleep 3600']
  startupProbe:
    exec: { command: ['cat', '/tmp/up'] }
    periodSeconds: ${period}
    failureThreshold: 100
  livenessProbe:
    exec: { command: ['cat', '/tmp/nope'] }
    periodSeconds: ${period}
  readinessProbe:
    exec: { command: ['true'] }
    periodSeconds: ${period}`),
            seed,
          });
          s.advance(60_000);
          const rows = probeSchedule(s.runtime(), 0);
          const startup = rows.find((r) => r.probe === 'startup')!;
          const startedAt = startup.actedAtMs ?? Infinity;
          for (const r of rows.filter((x) => x.probe !== 'startup'))
            for (const t of r.ticks)
              if (t.outcome !== 'skipped') expect(t.atMs).toBeGreaterThan(startedAt - 1);
        },
      ),
      { numRuns: 20 },
    );
  });
});
