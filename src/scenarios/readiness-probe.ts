import { condition, ensure, eventsOf, isRunning, restarts, statusOf } from './check.ts';
import type { Scenario } from './types.ts';

export const readinessProbe: Scenario = {
  id: 'readiness-probe',
  titleKey: 'scenario.readiness-probe.title',
  pointKey: 'scenario.readiness-probe.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: readiness
spec:
  containers:
    - name: web
      image: nginx:1.27
      readinessProbe:
        httpGet:
          path: /
          port: 80
        periodSeconds: 5
        failureThreshold: 3
`,
    seed: 1,
    actions: [
      {
        atMs: 20_000,
        action: { kind: 'probe-failure', container: 'web', probe: 'readiness', durationMs: 60_000 },
      },
    ],
  },
  durationMs: 60_000,
  outcome: 'a failing readiness probe makes the pod not Ready (0/1) but never restarts it',
  expect: (sim) => {
    const pod = sim.pod('readiness');
    ensure(isRunning(pod, 'web'), 'web is not running');
    ensure(statusOf(pod, 'web').ready === false, 'web is still ready');
    ensure(condition(pod, 'Ready') === 'False', 'the pod is still Ready');
    ensure(restarts(pod, 'web') === 0, 'web was restarted');
    ensure(eventsOf(sim, 'Unhealthy', 'web').length > 0, 'no Unhealthy event');
  },
  tags: ['probes'],
  requires: ['kubelet'],
};
