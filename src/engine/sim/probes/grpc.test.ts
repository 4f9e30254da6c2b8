/**
 * gRPC probes answered by the program (`pkg/probe/grpc/grpc.go`): which
 * programs serve `grpc.health.v1.Health`, what the kubelet reports when the
 * dial cannot complete, when the service is unknown, and when the server
 * says NOT_SERVING. Table-driven through createSimulation, plus properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goDuration } from '../format.ts';
import { createSimulation } from '../simulation.ts';
import { eventsOf, sim, statusOf } from '../testkit.ts';
import { grpcOutput } from './answer.ts';

/** The docs' example (Configure Liveness, Readiness and Startup Probes → gRPC). */
const ETCD_DOCS = `apiVersion: v1
kind: Pod
metadata:
  name: etcd-with-grpc
spec:
  containers:
  - name: etcd
    image: registry.k8s.io/etcd:3.5.1-0
    command: [ "/usr/local/bin/etcd", "--data-dir",  "/var/lib/etcd", "--listen-client-urls", "http://0.0.0.0:2379", "--advertise-client-urls", "http://127.0.0.1:2379", "--log-level", "debug"]
    ports:
    - containerPort: 2379
    livenessProbe:
      grpc:
        port: 2379
      initialDelaySeconds: 10
`;

const IMAGES = ['registry.k8s.io/etcd:3.5.1-0', 'agnhost:2.40', 'nginx:1.27'];

function etcd(flags: string, probe: string) {
  return sim(
    `containers:\n- name: etcd\n  image: registry.k8s.io/etcd:3.5.1-0\n  command: ['/usr/local/bin/etcd', '--data-dir', '/var/lib/etcd'${flags}]\n  livenessProbe:\n${probe}`,
    1,
    IMAGES,
  );
}

describe('docs: gRPC liveness (etcd)', () => {
  it('etcd serves the health service: no Unhealthy after 15 s, or ever; never restarted', () => {
    const s = createSimulation({ manifest: ETCD_DOCS, seed: 1 });
    s.advanceTo(15_000);
    expect(eventsOf(s, 'Unhealthy')).toHaveLength(0);
    s.advanceTo(120_000);
    expect(eventsOf(s, 'Unhealthy')).toHaveLength(0);
    expect(statusOf(s, 'etcd')?.restartCount).toBe(0);
    expect(statusOf(s, 'etcd')?.ready).toBe(true);
    // The probe ticks did run, and succeeded.
    const ticks = s.runtime().probeTicks?.filter((t) => t.probe === 'liveness') ?? [];
    expect(ticks.some((t) => t.outcome === 'success')).toBe(true);
    const logs = s.logs('etcd');
    expect(JSON.parse(logs[0]!)).toMatchObject({ level: 'info', msg: 'Running: ' });
    expect(logs.some((l) => l.includes('"msg":"ready to serve client requests"'))).toBe(true);
    expect(logs.some((l) => l.includes('"address":"[::]:2379"'))).toBe(true);
  });
});

describe('the kubelet’s gRPC wording, answer by answer', () => {
  const cases: Array<{
    what: string;
    make: () => ReturnType<typeof sim>;
    output: (ip: string) => string;
  }> = [
    {
      what: 'etcd on its default client URL (localhost:2379): the pod IP is refused, the dial times out',
      make: () => etcd('', '    grpc: { port: 2379 }\n    periodSeconds: 5'),
      output: (ip) =>
        `timeout: failed to connect service "${ip}:2379" within 1s: context deadline exceeded`,
    },
    {
      what: 'a port nobody listens on, timeoutSeconds 2',
      make: () =>
        etcd(
          ", '--listen-client-urls', 'http://0.0.0.0:2379', '--advertise-client-urls', 'http://127.0.0.1:2379'",
          '    grpc: { port: 9999 }\n    periodSeconds: 5\n    timeoutSeconds: 2',
        ),
      output: (ip) =>
        `timeout: failed to connect service "${ip}:9999" within 2s: context deadline exceeded`,
    },
    {
      what: 'a service name etcd did not register',
      make: () =>
        etcd(
          ", '--listen-client-urls', 'http://0.0.0.0:2379', '--advertise-client-urls', 'http://127.0.0.1:2379'",
          '    grpc: { port: 2379, service: liveness }\n    periodSeconds: 5',
        ),
      output: () =>
        'error: health rpc probe failed: rpc error: code = NotFound desc = unknown service',
    },
    {
      what: 'nginx on 80 does not speak HTTP/2: the handshake never completes',
      make: () =>
        sim(
          `containers:\n- name: web\n  image: nginx:1.27\n  livenessProbe:\n    grpc: { port: 80 }\n    periodSeconds: 5`,
          1,
          IMAGES,
        ),
      output: (ip) =>
        `timeout: failed to connect service "${ip}:80" within 1s: context deadline exceeded`,
    },
    {
      what: 'agnhost grpc-health-checking after --delay-unhealthy-sec',
      make: () =>
        sim(
          `containers:\n- name: g\n  image: registry.k8s.io/e2e-test-images/agnhost:2.40\n  args: ['grpc-health-checking', '--delay-unhealthy-sec', '12']\n  livenessProbe:\n    grpc: { port: 5000 }\n    periodSeconds: 5`,
          1,
          IMAGES,
        ),
      output: () => 'service unhealthy (responded with "NOT_SERVING")',
    },
  ];

  for (const c of cases) {
    it(c.what, () => {
      const s = c.make();
      s.advance(40_000);
      const ip = s.pod().status!.podIP!;
      const u = eventsOf(s, 'Unhealthy');
      expect(u.length).toBeGreaterThanOrEqual(3);
      expect(u[0]!.message).toBe(`Liveness probe failed: ${c.output(ip)}`);
      expect(eventsOf(s, 'Killing')[0]!.message).toMatch(
        /^Container \w+ failed liveness probe, will be restarted$/,
      );
    });
  }

  it('agnhost grpc-health-checking: SERVING for its --service, NotFound for another name', () => {
    const pod = (service: string) =>
      sim(
        `containers:\n- name: g\n  image: registry.k8s.io/e2e-test-images/agnhost:2.40\n  args: ['grpc-health-checking', '--service', 'app']\n  readinessProbe:\n    grpc: { port: 5000${service} }\n    periodSeconds: 5`,
        1,
        IMAGES,
      );
    const good = pod(', service: app');
    good.advance(30_000);
    expect(eventsOf(good, 'Unhealthy')).toHaveLength(0);
    expect(statusOf(good, 'g')?.ready).toBe(true);
    const bad = pod('');
    bad.advance(30_000);
    expect(eventsOf(bad, 'Unhealthy')[0]!.message).toBe(
      'Readiness probe failed: error: health rpc probe failed: rpc error: code = NotFound desc = unknown service',
    );
    expect(statusOf(bad, 'g')?.ready).toBe(false);
    expect(good.logs('g')).toEqual([
      '2025/01/01 00:00:00 Http server starting to listen on :8080',
      '2025/01/01 00:00:00 gRPC server starting to listen on :5000',
    ]);
  });

  it('etcd with --listen-client-urls but no --advertise-client-urls exits 1, as etcd does', () => {
    const s = etcd(", '--listen-client-urls', 'http://0.0.0.0:2379'", '    grpc: { port: 2379 }');
    s.advance(5_000);
    const st = statusOf(s, 'etcd');
    const term = st?.state?.terminated ?? st?.lastState?.terminated;
    expect(term?.exitCode).toBe(1);
    const warn = JSON.parse(s.logs('etcd')[1]!) as Record<string, unknown>;
    expect(warn).toMatchObject({
      level: 'warn',
      msg: 'failed to verify flags',
      error: '--advertise-client-urls is required when --listen-client-urls is set explicitly',
    });
  });

  it('an HTTP probe on etcd’s client port: /health answers 200', () => {
    const s = sim(
      `containers:\n- name: etcd\n  image: registry.k8s.io/etcd:3.5.1-0\n  command: ['etcd', '--listen-client-urls', 'http://0.0.0.0:2379', '--advertise-client-urls', 'http://127.0.0.1:2379']\n  readinessProbe:\n    httpGet: { path: /health, port: 2379 }\n    initialDelaySeconds: 2\n    periodSeconds: 5`,
      1,
      IMAGES,
    );
    s.advance(20_000);
    expect(eventsOf(s, 'Unhealthy')).toHaveLength(0);
    expect(statusOf(s, 'etcd')?.ready).toBe(true);
  });

  it('the probe-failure fault overrides a SERVING answer while it lasts', () => {
    const s = createSimulation({ manifest: ETCD_DOCS, seed: 1 });
    s.advanceTo(20_000);
    expect(eventsOf(s, 'Unhealthy')).toHaveLength(0);
    s.dispatch({ kind: 'probe-failure', container: 'etcd', probe: 'liveness', durationMs: 25_000 });
    s.advanceTo(60_000);
    const u = eventsOf(s, 'Unhealthy');
    expect(u[0]!.message).toBe(
      'Liveness probe failed: service unhealthy (responded with "NOT_SERVING")',
    );
    expect(u.length).toBe(3);
    expect(eventsOf(s, 'Killing')).toHaveLength(1);
  });
});

describe('grpcOutput (pkg/probe/grpc/grpc.go), every branch', () => {
  const ip = '10.244.0.7';
  it.each([
    [
      { kind: 'no-connection' } as const,
      1000,
      false,
      'timeout: failed to connect service "10.244.0.7:50051" within 1s: context deadline exceeded',
    ],
    [
      { kind: 'unimplemented', message: 'unknown service grpc.health.v1.Health' } as const,
      1000,
      false,
      'error: this server does not implement the grpc health protocol (grpc.health.v1.Health): unknown service grpc.health.v1.Health',
    ],
    [
      { kind: 'rpc-error', code: 'NotFound', message: 'unknown service' } as const,
      1000,
      false,
      'error: health rpc probe failed: rpc error: code = NotFound desc = unknown service',
    ],
    [
      { kind: 'status', status: 'NOT_SERVING' } as const,
      1000,
      false,
      'service unhealthy (responded with "NOT_SERVING")',
    ],
    [{ kind: 'status', status: 'SERVING' } as const, 1000, true, 'service healthy'],
  ])('%j', (answer, timeoutMs, ok, output) => {
    expect(grpcOutput(answer, ip, 50051, timeoutMs)).toEqual({ ok, output });
  });

  it('property: the dial timeout is worded with Go’s Duration for any timeoutSeconds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3600 }),
        fc.integer({ min: 1, max: 65535 }),
        (t, port) => {
          const out = grpcOutput({ kind: 'no-connection' }, ip, port, t * 1000);
          expect(out.ok).toBe(false);
          expect(out.output).toBe(
            `timeout: failed to connect service "${ip}:${port}" within ${goDuration(t * 1000)}: context deadline exceeded`,
          );
          expect(goDuration(t * 1000)).toMatch(/^(\d+h)?(\d+m)?\d+s$/);
        },
      ),
    );
  });

  it('property: agnhost turns NOT_SERVING exactly at --delay-unhealthy-sec', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), (delay) => {
        const s = sim(
          `containers:\n- name: g\n  image: registry.k8s.io/e2e-test-images/agnhost:2.40\n  args: ['grpc-health-checking', '--delay-unhealthy-sec', '${delay}']\n  readinessProbe:\n    grpc: { port: 5000 }\n    periodSeconds: 1\n    failureThreshold: 1`,
          1,
          IMAGES,
        );
        s.advance(50_000);
        const ticks = (s.runtime().probeTicks ?? []).filter((t) => t.outcome !== 'skipped');
        for (const t of ticks)
          expect(t.outcome).toBe(t.sinceStartMs >= delay * 1000 ? 'failure' : 'success');
      }),
      { numRuns: 12 },
    );
  });
});
