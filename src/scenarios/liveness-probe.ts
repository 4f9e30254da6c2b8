import { ensure, eventsOf, isRunning, restarts } from './check.ts';
import type { Scenario } from './types.ts';

export const livenessProbe: Scenario = {
  id: 'liveness-probe',
  titleKey: 'scenario.liveness-probe.title',
  pointKey: 'scenario.liveness-probe.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: liveness
spec:
  containers:
    - name: web
      image: nginx:1.27
      livenessProbe:
        httpGet:
          path: /
          port: 80
        periodSeconds: 10
        failureThreshold: 3
`,
    seed: 1,
    actions: [
      {
        atMs: 20_000,
        action: { kind: 'probe-failure', container: 'web', probe: 'liveness', durationMs: 40_000 },
      },
    ],
  },
  durationMs: 90_000,
  outcome: 'after three failed liveness probes the kubelet kills the container and restarts it',
  expect: (sim) => {
    const pod = sim.pod('liveness');
    ensure(restarts(pod, 'web') >= 1, `web restarts: ${restarts(pod, 'web')}`);
    ensure(eventsOf(sim, 'Unhealthy', 'web').length >= 3, 'fewer than 3 Unhealthy events');
    ensure(eventsOf(sim, 'Killing', 'web').length >= 1, 'no Killing event');
    ensure(isRunning(pod, 'web'), 'web is not running again');
  },
  tags: ['probes'],
  requires: ['kubelet'],
};
