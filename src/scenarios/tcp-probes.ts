import { condition, ensure, eventsOf, restarts, statusOf } from './check.ts';
import type { Scenario } from './types.ts';

/** From the Kubernetes docs' "Configure Liveness, Readiness and Startup Probes" (no faults: the program answers). */
export const tcpProbes: Scenario = {
  id: 'tcp-probes',
  titleKey: 'scenario.tcp-probes.title',
  pointKey: 'scenario.tcp-probes.point',
  run: {
    manifest: `apiVersion: v1
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
`,
    seed: 1,
    actions: [],
  },
  durationMs: 60_000,
  outcome:
    'not ready for the first 15 s, then Ready once the TCP readiness probe connects; no restarts',
  expect: (sim) => {
    const pod = sim.pod('goproxy');
    ensure(statusOf(pod, 'goproxy').ready, 'goproxy is not ready');
    ensure(condition(pod, 'Ready') === 'True', 'Ready is not True');
    ensure(eventsOf(sim, 'Unhealthy', 'goproxy').length === 0, 'an Unhealthy event');
    ensure(restarts(pod, 'goproxy') === 0, 'goproxy restarted');
  },
  tags: ['probes'],
  requires: ['kubelet', 'shell'],
};
