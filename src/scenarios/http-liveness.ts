import { ensure, eventsOf, restarts } from './check.ts';
import type { Scenario } from './types.ts';

/** From the Kubernetes docs' "Configure Liveness, Readiness and Startup Probes" (no faults: the program answers). */
export const httpLiveness: Scenario = {
  id: 'http-liveness',
  titleKey: 'scenario.http-liveness.title',
  pointKey: 'scenario.http-liveness.point',
  run: {
    manifest: `apiVersion: v1
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
`,
    seed: 1,
    actions: [],
  },
  durationMs: 60_000,
  outcome:
    '/healthz answers 200 for 10 s, then 500: three failures and the kubelet restarts the container',
  expect: (sim) => {
    const pod = sim.pod('liveness-http');
    const u = eventsOf(sim, 'Unhealthy', 'liveness');
    ensure(u.length >= 3, `Unhealthy events: ${u.length}`);
    ensure(
      u[0]!.message === 'Liveness probe failed: HTTP probe failed with statuscode: 500',
      `first Unhealthy: ${u[0]!.message}`,
    );
    ensure(eventsOf(sim, 'Killing', 'liveness').length >= 1, 'no Killing event');
    ensure(restarts(pod, 'liveness') >= 1, `restarts: ${restarts(pod, 'liveness')}`);
  },
  tags: ['probes'],
  requires: ['kubelet', 'shell'],
};
