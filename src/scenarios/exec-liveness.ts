import { ensure, eventsOf, restarts } from './check.ts';
import type { Scenario } from './types.ts';

/** From the Kubernetes docs' "Configure Liveness, Readiness and Startup Probes" (no faults: the program answers). */
export const execLiveness: Scenario = {
  id: 'exec-liveness',
  titleKey: 'scenario.exec-liveness.title',
  pointKey: 'scenario.exec-liveness.point',
  run: {
    manifest: `apiVersion: v1
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
`,
    seed: 1,
    actions: [],
  },
  durationMs: 90_000,
  outcome:
    'healthy while /tmp/healthy exists; after it is removed, three failed `cat` probes and the container is restarted',
  expect: (sim) => {
    const pod = sim.pod('liveness-exec');
    const u = eventsOf(sim, 'Unhealthy', 'liveness');
    ensure(u.length >= 3, `Unhealthy events: ${u.length}`);
    ensure(
      u[0]!.message ===
        "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
      `first Unhealthy: ${u[0]!.message}`,
    );
    ensure(u[0]!.atMs >= 30_000, `first failure at ${u[0]!.atMs} ms`);
    const k = eventsOf(sim, 'Killing', 'liveness')[0];
    ensure(
      k?.message === 'Container liveness failed liveness probe, will be restarted',
      `Killing: ${k?.message}`,
    );
    ensure(restarts(pod, 'liveness') >= 1, `restarts: ${restarts(pod, 'liveness')}`);
  },
  tags: ['probes'],
  requires: ['kubelet', 'shell'],
};
