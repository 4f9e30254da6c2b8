/**
 * The docs' probe examples at the docs' times ("Configure Liveness,
 * Readiness and Startup Probes"): when each probe runs (the worker's period
 * grid from the pod's first sync, no tick before initialDelaySeconds), when
 * the kubelet acts, the restart counts and the exit codes the programs give.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation.ts';
import { eventsOf, statusOf } from '../testkit.ts';
import type { Simulation } from '../types.ts';

const doc = (name: string, container: string, image: string, rest: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: ${container}\n    image: ${image}\n${rest}`;

const EXEC = doc(
  'liveness-exec',
  'liveness',
  'registry.k8s.io/busybox:1.27.2',
  `    args: [/bin/sh, -c, 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600']
    livenessProbe:
      exec:
        command: [cat, /tmp/healthy]
      initialDelaySeconds: 5
      periodSeconds: 5
`,
);
const HTTP = doc(
  'liveness-http',
  'liveness',
  'registry.k8s.io/e2e-test-images/agnhost:2.40',
  `    args: [liveness]
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
        httpHeaders:
        - name: Custom-Header
          value: Awesome
      initialDelaySeconds: 3
      periodSeconds: 3
`,
);
const TCP = doc(
  'goproxy',
  'goproxy',
  'registry.k8s.io/goproxy:0.1',
  `    ports:
    - containerPort: 8080
    readinessProbe:
      tcpSocket:
        port: 8080
      initialDelaySeconds: 15
      periodSeconds: 10
    livenessProbe:
      tcpSocket:
        port: 8080
      initialDelaySeconds: 15
      periodSeconds: 20
`,
);

const started = (s: Simulation, n = 0) => s.events().filter((e) => e.reason === 'Started')[n]!.atMs;
/** The first tick of a `periodMs` grid anchored at the first sync that is ≥ `fromMs`. */
const firstTick = (s: Simulation, periodMs: number, fromMs: number) => {
  const anchor = s.events().find((e) => e.reason === 'Scheduled')!.atMs;
  const ticks = (s.runtime().probeTicks ?? []).map((t) => t.atMs);
  const a = ticks.length ? ticks[0]! % periodMs : anchor;
  return a + Math.ceil((fromMs - a) / periodMs) * periodMs;
};

describe('docs: exec liveness (liveness-exec)', () => {
  it('Unhealthy ×3 after 30 s, Killing at the third, SIGKILL after the 30 s grace (137), RESTARTS 1', () => {
    const s = createSimulation({ manifest: EXEC, seed: 1 });
    const t0 = () => started(s);
    s.advanceTo(30_000);
    expect(eventsOf(s, 'Unhealthy')).toHaveLength(0);
    s.advanceTo(120_000);
    const u = eventsOf(s, 'Unhealthy').filter((e) => e.atMs < started(s, 1));
    expect(u).toHaveLength(3);
    // The first tick after the file is gone, then one period apart.
    expect(u[0]!.atMs).toBe(firstTick(s, 5000, t0() + 30_000));
    expect(u.map((e) => e.atMs - u[0]!.atMs)).toEqual([0, 5000, 10_000]);
    const k = eventsOf(s, 'Killing')[0]!;
    expect(k.atMs).toBe(u[2]!.atMs);
    // `sh` as PID 1 ignores SIGTERM: killed at the end of the 30 s grace period.
    expect(started(s, 1)).toBeGreaterThanOrEqual(k.atMs + 30_000);
    expect(started(s, 1)).toBeLessThan(k.atMs + 31_000);
    const st = statusOf(s, 'liveness');
    expect(st?.restartCount).toBe(1);
    expect(st?.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(s.printRows()[0]).toMatchObject({ ready: '1/1', status: 'Running' });
  });
});

describe('docs: HTTP liveness (liveness-http, agnhost liveness)', () => {
  it('200 for 10 s, then 500 ×3 three seconds apart; Killing; agnhost (Go, PID 1) exits 2 at once', () => {
    const s = createSimulation({ manifest: HTTP, seed: 1 });
    s.advanceTo(25_000);
    const t0 = started(s);
    const ticks = (s.runtime().probeTicks ?? []).filter((t) => t.run === 0);
    // No tick earlier than initialDelaySeconds; healthy while ≤ 10 s since it listened.
    expect(ticks[0]!.sinceStartMs).toBeGreaterThanOrEqual(3000);
    for (const t of ticks)
      expect(t.outcome).toBe(t.sinceStartMs > 10_000 + 100 ? 'failure' : 'success');
    const u = eventsOf(s, 'Unhealthy');
    expect(u[0]!.atMs).toBe(firstTick(s, 3000, t0 + 10_100));
    expect(u.slice(0, 3).map((e) => e.atMs - u[0]!.atMs)).toEqual([0, 3000, 6000]);
    const k = eventsOf(s, 'Killing')[0]!;
    expect(k).toMatchObject({
      atMs: u[2]!.atMs,
      message: 'Container liveness failed liveness probe, will be restarted',
    });
    // SIGTERM ends it at once: the first restart follows straight away (no back-off yet).
    expect(started(s, 1) - k.atMs).toBeLessThan(500);
    const st = statusOf(s, 'liveness');
    expect(st?.restartCount).toBe(1);
    expect(st?.lastState?.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
    // The second failure cycle ends in CrashLoopBackOff (10 s).
    s.advanceTo(started(s, 1) + 19_000);
    expect(eventsOf(s, 'BackOff').length).toBeGreaterThanOrEqual(1);
    expect(s.printRows()[0]!.status).toBe('CrashLoopBackOff');
  });
});

describe('docs: TCP liveness and readiness (goproxy)', () => {
  it('Ready at the first readiness tick ≥ 15 s after the start; liveness on its 20 s grid; never restarted', () => {
    const s = createSimulation({ manifest: TCP, seed: 1 });
    s.advanceTo(120_000);
    const t0 = started(s);
    const ticks = s.runtime().probeTicks ?? [];
    const ready = ticks.filter((t) => t.probe === 'readiness');
    const live = ticks.filter((t) => t.probe === 'liveness');
    expect(ready[0]!.atMs).toBe(firstTick(s, 10_000, t0 + 15_000));
    expect(ready[0]).toMatchObject({ outcome: 'success', acted: 'ready' });
    expect(live[0]!.sinceStartMs).toBeGreaterThanOrEqual(15_000);
    expect(live[1]!.atMs - live[0]!.atMs).toBe(20_000);
    expect([...ready, ...live].every((t) => t.outcome === 'success')).toBe(true);
    expect(eventsOf(s, 'Unhealthy')).toHaveLength(0);
    expect(statusOf(s, 'goproxy')).toMatchObject({ ready: true, restartCount: 0 });
  });
});
