import { ensure, eventsOf, restarts } from './check.ts';
import type { Scenario } from './types.ts';

export const startupProbe: Scenario = {
  id: 'startup-probe',
  titleKey: 'scenario.startup-probe.title',
  pointKey: 'scenario.startup-probe.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: slow-start
spec:
  containers:
    - name: web
      image: nginx:1.27
      startupProbe:
        httpGet:
          path: /
          port: 80
        periodSeconds: 5
        failureThreshold: 6
      livenessProbe:
        httpGet:
          path: /
          port: 80
`,
    seed: 1,
    actions: [{ atMs: 0, action: { kind: 'probe-failure', container: 'web', probe: 'startup' } }],
  },
  durationMs: 50_000,
  outcome:
    'the container never counts as started; after failureThreshold × periodSeconds (30 s) it is killed and restarted',
  expect: (sim) => {
    const pod = sim.pod('slow-start');
    ensure(restarts(pod, 'web') >= 1, `web restarts: ${restarts(pod, 'web')}`);
    ensure(
      eventsOf(sim, 'Unhealthy', 'web').some((e) => /Startup probe failed/.test(e.message)),
      'no "Startup probe failed" event',
    );
    const first = eventsOf(sim, 'Killing', 'web')[0];
    ensure(first !== undefined && first.atMs >= 25_000, `killed at ${first?.atMs} ms`);
  },
  tags: ['probes'],
  requires: ['kubelet'],
};
