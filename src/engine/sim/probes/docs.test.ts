/**
 * The Kubernetes docs' probe examples ("Configure Liveness, Readiness and
 * Startup Probes") run through createSimulation: the same outcome and events.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation.ts';
import { eventsOf, sim, statusOf } from '../testkit.ts';

const EXEC_LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`;

describe('docs: exec liveness', () => {
  it('healthy for 30 s, then Unhealthy × 3 and Killing, then restarted', () => {
    const s = createSimulation({ manifest: EXEC_LIVENESS, seed: 1 });
    s.advanceTo(30_000);
    expect(eventsOf(s, 'Unhealthy')).toHaveLength(0);
    s.advanceTo(90_000);
    const u = eventsOf(s, 'Unhealthy');
    expect(u.length).toBeGreaterThanOrEqual(3);
    expect(u[0]!.message).toBe(
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    );
    const k = eventsOf(s, 'Killing');
    expect(k[0]!.message).toBe('Container liveness failed liveness probe, will be restarted');
    // The third failure is what acts: no earlier than the first failure + 2 periods.
    expect(k[0]!.atMs).toBeGreaterThanOrEqual(u[0]!.atMs + 10_000);
    expect(statusOf(s, 'liveness')?.restartCount).toBeGreaterThanOrEqual(1);
  });
});

describe('answers from the program', () => {
  it('an HTTP probe on a path nginx does not serve fails with 404', () => {
    const s = sim(
      `containers:\n- name: web\n  image: nginx:1.27\n  livenessProbe:\n    httpGet: { path: /healthz, port: 80 }\n    periodSeconds: 5`,
      1,
      ['nginx:1.27'],
    );
    s.advance(30_000);
    expect(eventsOf(s, 'Unhealthy')[0]!.message).toBe(
      'Liveness probe failed: HTTP probe failed with statuscode: 404',
    );
    expect(eventsOf(s, 'Killing')[0]!.message).toBe(
      'Container web failed liveness probe, will be restarted',
    );
  });

  it('nginx answers / with 200: no Unhealthy, Ready', () => {
    const s = sim(
      `containers:\n- name: web\n  image: nginx:1.27\n  readinessProbe:\n    httpGet: { path: /, port: 80 }\n    periodSeconds: 5`,
      1,
      ['nginx:1.27'],
    );
    s.advance(30_000);
    expect(eventsOf(s, 'Unhealthy')).toHaveLength(0);
    expect(statusOf(s, 'web')?.ready).toBe(true);
  });

  it('readiness on a port nobody listens on: connection refused, never Ready, never killed', () => {
    const s = sim(
      `containers:\n- name: web\n  image: nginx:1.27\n  readinessProbe:\n    tcpSocket: { port: 8080 }\n    periodSeconds: 5`,
      1,
      ['nginx:1.27'],
    );
    s.advance(60_000);
    const ip = s.pod().status?.podIP;
    expect(eventsOf(s, 'Unhealthy')[0]!.message).toBe(
      `Readiness probe failed: dial tcp ${ip}:8080: connect: connection refused`,
    );
    expect(statusOf(s, 'web')?.ready).toBe(false);
    expect(eventsOf(s, 'Killing')).toHaveLength(0);
  });

  it('an HTTP probe to an unbound port is refused with Go’s url.Error wording', () => {
    const s = sim(
      `containers:\n- name: web\n  image: nginx:1.27\n  readinessProbe:\n    httpGet: { path: /ready, port: 8080 }\n    periodSeconds: 5`,
      1,
      ['nginx:1.27'],
    );
    s.advance(20_000);
    const ip = s.pod().status?.podIP;
    expect(eventsOf(s, 'Unhealthy')[0]!.message).toBe(
      `Readiness probe failed: Get "http://${ip}:8080/ready": dial tcp ${ip}:8080: connect: connection refused`,
    );
  });

  it('an exec probe that outlives timeoutSeconds fails with the kubelet’s wording', () => {
    const s = sim(
      `containers:\n- name: app\n  image: busybox:1.36\n  command: ['sleep', '3600']\n  readinessProbe:\n    exec: { command: ['sleep', '5'] }\n    timeoutSeconds: 2\n    periodSeconds: 10`,
      1,
      ['busybox:1.36'],
    );
    s.advance(30_000);
    expect(eventsOf(s, 'Unhealthy')[0]!.message).toBe(
      'Readiness probe failed: command timed out: "sleep 5" timed out after 2s',
    );
  });

  it('an exec probe sees the container’s environment and exit code', () => {
    const s = sim(
      `containers:\n- name: app\n  image: busybox:1.36\n  command: ['sleep', '3600']\n  env: [{ name: MODE, value: broken }]\n  readinessProbe:\n    exec: { command: ['sh', '-c', 'echo mode=$MODE; test "$MODE" = ok'] }\n    periodSeconds: 5`,
      1,
      ['busybox:1.36'],
    );
    s.advance(20_000);
    expect(eventsOf(s, 'Unhealthy')[0]!.message).toBe('Readiness probe failed: mode=broken');
    expect(statusOf(s, 'app')?.ready).toBe(false);
  });

  it('the probe-failure fault still overrides a healthy answer', () => {
    const s = sim(
      `containers:\n- name: web\n  image: nginx:1.27\n  livenessProbe:\n    httpGet: { path: /, port: 80 }\n    periodSeconds: 5`,
      1,
      ['nginx:1.27'],
    );
    s.advance(10_000);
    expect(eventsOf(s, 'Unhealthy')).toHaveLength(0);
    s.dispatch({ kind: 'probe-failure', container: 'web', probe: 'liveness' });
    s.advance(20_000);
    expect(eventsOf(s, 'Unhealthy')[0]!.message).toBe(
      'Liveness probe failed: HTTP probe failed with statuscode: 500',
    );
    expect(eventsOf(s, 'Killing')).toHaveLength(1);
  });
});

const HTTP_LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-http
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    args:
    - liveness
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
        httpHeaders:
        - name: Custom-Header
          value: Awesome
      initialDelaySeconds: 3
      periodSeconds: 3
`;

const TCP = `apiVersion: v1
kind: Pod
metadata:
  name: goproxy
  labels:
    app: goproxy
spec:
  containers:
  - name: goproxy
    image: registry.k8s.io/goproxy:0.1
    ports:
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
`;

describe('docs: HTTP liveness (agnhost liveness)', () => {
  it('200 for the first 10 s, then 500 × 3 and the container is restarted', () => {
    const s = createSimulation({ manifest: HTTP_LIVENESS, seed: 1 });
    s.advanceTo(60_000);
    const u = eventsOf(s, 'Unhealthy');
    expect(u.length).toBeGreaterThanOrEqual(3);
    expect(u[0]!.message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 500');
    const started = s.events().find((e) => e.reason === 'Started')!.atMs;
    expect(u[0]!.atMs - started).toBeGreaterThan(10_000);
    expect(eventsOf(s, 'Killing')[0]!.message).toBe(
      'Container liveness failed liveness probe, will be restarted',
    );
    expect(statusOf(s, 'liveness')?.restartCount).toBeGreaterThanOrEqual(1);
  });
});

describe('docs: TCP liveness and readiness (goproxy)', () => {
  it('Ready after the first readiness probe at 15 s; never Unhealthy', () => {
    const s = createSimulation({ manifest: TCP, seed: 1 });
    s.advanceTo(10_000);
    expect(statusOf(s, 'goproxy')?.ready).toBe(false);
    s.advanceTo(40_000);
    expect(statusOf(s, 'goproxy')?.ready).toBe(true);
    s.advanceTo(120_000);
    expect(eventsOf(s, 'Unhealthy')).toHaveLength(0);
    expect(statusOf(s, 'goproxy')?.restartCount).toBe(0);
  });
});

describe('postStart', () => {
  const HOOK = (cmd: string) =>
    `containers:\n- name: app\n  image: busybox:1.36\n  command: ['sleep', '3600']\n  lifecycle:\n    postStart:\n      exec: { command: ['sh', '-c', '${cmd}'] }\n  readinessProbe:\n    exec: { command: ['true'] }\n    periodSeconds: 1`;

  it('blocks the start: waiting ContainerCreating until the hook returns, probes skipped meanwhile', () => {
    const s = sim(HOOK('sleep 8'), 1, ['busybox:1.36']);
    const started = () => s.events().find((e) => e.reason === 'Started')?.atMs;
    while (started() === undefined) s.step();
    s.advanceTo(started()! + 4000);
    expect(statusOf(s, 'app')?.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(s.printRows()[0]!.status).toBe('ContainerCreating');
    expect(statusOf(s, 'app')?.ready).toBe(false);
    s.advanceTo(started()! + 10_000);
    expect(statusOf(s, 'app')?.state?.running).toBeDefined();
    expect(statusOf(s, 'app')?.ready).toBe(true);
  });

  it('a failing hook: FailedPostStartHook, the container killed and restarted', () => {
    const s = sim(HOOK('echo nope; exit 3'), 1, ['busybox:1.36']);
    // `sleep` ignores SIGTERM: each kill takes the 30 s grace period, and the
    // status stays as the kubelet last wrote it until that sync returns.
    s.advance(70_000);
    const f = eventsOf(s, 'FailedPostStartHook');
    expect(f.length).toBeGreaterThanOrEqual(1);
    expect(statusOf(s, 'app')?.restartCount).toBeGreaterThanOrEqual(1);
  });
});
