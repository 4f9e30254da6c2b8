/**
 * A container that dies or is killed around its postStart hook, readiness
 * probed during termination, and the probe-failure fault over the program's
 * answer — as the kubelet does it (kuberuntime_container.go `startContainer`,
 * lifecycle/handlers.go, prober/worker.go `doProbe`).
 */
import { describe, expect, it } from 'vitest';
import { eventsOf, sim, statusOf } from '../testkit.ts';
import type { Simulation } from '../types.ts';

const IMAGES = ['busybox:1.36', 'nginx:1.27', 'registry.k8s.io/etcd:3.5.1-0'];
const app = (rest: string, extra = '') =>
  sim(
    `${extra}containers:\n- name: app\n  image: busybox:1.36\n  command: ['sleep', '3600']\n${rest}`,
    1,
    IMAGES,
  );
const startedAt = (s: Simulation, n = 0) =>
  s.events().filter((e) => e.reason === 'Started')[n]?.atMs;

describe('the container dies while postStart runs', () => {
  it('exec hook: the exec dies with it (137) — FailedPostStartHook, Killing, PostStartHookError, restart', () => {
    const s = app(
      "  lifecycle:\n    postStart:\n      exec: { command: ['sh', '-c', 'sleep 10'] }",
    );
    s.advanceTo(3_000);
    expect(statusOf(s, 'app')?.state?.waiting?.reason).toBe('ContainerCreating');
    s.dispatch({ kind: 'crash', container: 'app', exitCode: 1 });
    // The hook's ExecSync returns at once: the events carry the crash's instant.
    expect(eventsOf(s, 'FailedPostStartHook').map((e) => e.atMs)).toEqual([3_000]);
    expect(eventsOf(s, 'Killing').map((e) => [e.atMs, e.message])).toEqual([
      [3_000, 'FailedPostStartHook'],
    ]);
    let w: { reason?: string; message?: string } | undefined;
    while (s.nowMs < 6_000 && s.step() !== undefined)
      w ??=
        statusOf(s, 'app')?.state?.waiting?.reason === 'PostStartHookError'
          ? statusOf(s, 'app')!.state!.waiting!
          : undefined;
    expect(w?.message).toMatch(
      /^Exec lifecycle hook \(\[sh -c sleep 10\]\) for Container "app" in Pod "web_default\([0-9a-f-]{36}\)" failed - error: command 'sh -c sleep 10' exited with 137: , message: ""$/,
    );
    s.advanceTo(20_000);
    expect(startedAt(s, 1)).toBeGreaterThanOrEqual(3_000);
    expect(statusOf(s, 'app')?.lastState?.terminated?.exitCode).toBe(1);
  });

  it('sleep hook: not cut short — the sync waits out its seconds, no FailedPostStartHook', () => {
    const s = app('  lifecycle:\n    postStart:\n      sleep: { seconds: 10 }');
    s.advanceTo(3_000);
    s.dispatch({ kind: 'crash', container: 'app', exitCode: 1 });
    s.advanceTo(9_000);
    // The status the kubelet last wrote stands while the sync is blocked.
    expect(statusOf(s, 'app')?.state?.waiting?.reason).toBe('ContainerCreating');
    expect(startedAt(s, 1)).toBeUndefined();
    s.advanceTo(25_000);
    expect(eventsOf(s, 'FailedPostStartHook')).toHaveLength(0);
    expect(startedAt(s, 1)).toBeGreaterThanOrEqual(startedAt(s, 0)! + 10_000);
    // The second run's own sleep hook freezes the status for 10 s more.
    expect(statusOf(s, 'app')?.restartCount).toBe(1);
  });

  it('the sandbox dies: the hook still returns; then SandboxChanged, a new sandbox, restartCount 1', () => {
    const s = app(
      "  lifecycle:\n    postStart:\n      exec: { command: ['sh', '-c', 'sleep 5'] }",
      'terminationGracePeriodSeconds: 2\n',
    );
    s.advanceTo(2_000);
    s.dispatch({ kind: 'kill-sandbox' });
    s.advanceTo(30_000);
    expect(eventsOf(s, 'FailedPostStartHook')).toHaveLength(0);
    const changed = eventsOf(s, 'SandboxChanged')[0]!;
    expect(changed.atMs).toBeGreaterThanOrEqual(startedAt(s, 0)! + 5_000);
    expect(startedAt(s, 1)).toBeGreaterThan(changed.atMs);
    expect(statusOf(s, 'app')?.restartCount).toBe(1);
  });

  it('no probe runs during postStart, nor while the failed hook’s kill takes its grace period', () => {
    const s = app(
      "  lifecycle:\n    postStart:\n      exec: { command: ['sh', '-c', 'exit 1'] }\n  readinessProbe:\n    exec: { command: ['true'] }\n    periodSeconds: 1",
    );
    s.advanceTo(15_000);
    // `sleep` ignores SIGTERM: the kill lasts 30 s, and the status stays as written before.
    expect(statusOf(s, 'app')?.state?.waiting?.reason).toBe('ContainerCreating');
    s.advanceTo(31_000);
    const run0 = (s.runtime().probeTicks ?? []).filter((t) => t.run === 0);
    expect(run0.length).toBeGreaterThan(20);
    expect(run0.every((t) => t.outcome === 'skipped' && t.skipped === 'post-start')).toBe(true);
    expect(eventsOf(s, 'Unhealthy')).toHaveLength(0);
  });

  it('restartPolicy Never: no restart, the status stays terminated (no PostStartHookError)', () => {
    const s = app(
      "  lifecycle:\n    postStart:\n      exec: { command: ['sh', '-c', 'exit 1'] }",
      'restartPolicy: Never\nterminationGracePeriodSeconds: 3\n',
    );
    s.advanceTo(20_000);
    expect(eventsOf(s, 'FailedPostStartHook')).toHaveLength(1);
    const st = statusOf(s, 'app');
    expect(st?.state?.terminated?.exitCode).toBe(137);
    expect(st?.restartCount).toBe(0);
    expect(s.pod().status?.phase).toBe('Failed');
  });
});

describe('readiness during termination', () => {
  it('readiness keeps probing while the pod terminates (preStop removes the file: not Ready); liveness stops', () => {
    const s = app(
      "  readinessProbe:\n    exec: { command: ['cat', '/tmp/ready'] }\n    periodSeconds: 2\n  livenessProbe:\n    exec: { command: ['cat', '/tmp/ready'] }\n    periodSeconds: 2\n    failureThreshold: 1\n  lifecycle:\n    postStart:\n      exec: { command: ['touch', '/tmp/ready'] }\n    preStop:\n      exec: { command: ['sh', '-c', 'rm /tmp/ready; sleep 20'] }",
    );
    s.advanceTo(10_000);
    expect(statusOf(s, 'app')?.ready).toBe(true);
    s.dispatch({ kind: 'delete-pod' });
    const deletedAt = s.nowMs;
    s.advanceTo(deletedAt + 15_000);
    const late = eventsOf(s, 'Unhealthy').filter((e) => e.atMs > deletedAt);
    expect(late.length).toBeGreaterThanOrEqual(3);
    expect(late.every((e) => e.message.startsWith('Readiness probe failed: cat:'))).toBe(true);
    expect(statusOf(s, 'app')?.ready).toBe(false);
    expect(s.pod().status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    // Liveness would have killed at its first failure: it does not run during deletion.
    expect(eventsOf(s, 'Killing').map((e) => e.message)).toEqual(['Stopping container app']);
  });
});

describe('the probe-failure fault overrides the program’s answer for its duration', () => {
  const cases: Array<[string, string, (ip: string) => string]> = [
    [
      'httpGet',
      "  image: nginx:1.27\n  command: ['nginx', '-g', 'daemon off;']\n  livenessProbe:\n    httpGet: { path: /, port: 80 }\n    periodSeconds: 5",
      () => 'HTTP probe failed with statuscode: 500',
    ],
    [
      'tcpSocket',
      "  image: nginx:1.27\n  command: ['nginx', '-g', 'daemon off;']\n  livenessProbe:\n    tcpSocket: { port: 80 }\n    periodSeconds: 5",
      (ip) => `dial tcp ${ip}:80: connect: connection refused`,
    ],
    [
      'grpc',
      "  image: registry.k8s.io/etcd:3.5.1-0\n  command: ['etcd', '--listen-client-urls', 'http://0.0.0.0:2379', '--advertise-client-urls', 'http://127.0.0.1:2379']\n  livenessProbe:\n    grpc: { port: 2379 }\n    periodSeconds: 5",
      () => 'service unhealthy (responded with "NOT_SERVING")',
    ],
    [
      'exec',
      "  image: busybox:1.36\n  command: ['sleep', '3600']\n  livenessProbe:\n    exec: { command: ['true'] }\n    periodSeconds: 5",
      () => '',
    ],
  ];
  it.each(cases)(
    '%s: healthy, then failing while faulted, healthy again after',
    (_k, spec, out) => {
      const s = sim(`containers:\n- name: app\n${spec}`, 1, IMAGES);
      s.advanceTo(12_000);
      expect(eventsOf(s, 'Unhealthy')).toHaveLength(0);
      s.dispatch({
        kind: 'probe-failure',
        container: 'app',
        probe: 'liveness',
        durationMs: 11_000,
      });
      s.advanceTo(40_000);
      const u = eventsOf(s, 'Unhealthy');
      expect(u.length).toBe(2);
      expect(u[0]!.message).toBe(`Liveness probe failed: ${out(s.pod().status!.podIP!)}`);
      // Two failures < failureThreshold 3: no kill; the program answers again afterwards.
      expect(eventsOf(s, 'Killing')).toHaveLength(0);
      const after = (s.runtime().probeTicks ?? []).filter((t) => t.atMs > 23_000);
      expect(after.length).toBeGreaterThan(0);
      expect(after.every((t) => t.outcome === 'success')).toBe(true);
    },
  );
});
