import { ensure, eventsOf, isRunning, restarts } from './check.ts';
import type { Scenario } from './types.ts';

export const portConflict: Scenario = {
  id: 'port-conflict',
  titleKey: 'scenario.port-conflict.title',
  pointKey: 'scenario.port-conflict.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: port-clash
spec:
  containers:
    - name: web-a
      image: nginx:1.27
      ports:
        - containerPort: 80
    - name: web-b
      image: nginx:1.27
      ports:
        - containerPort: 80
`,
    seed: 1,
    actions: [],
  },
  durationMs: 60_000,
  outcome: 'web-b cannot bind port 80 (web-a holds it) and goes into CrashLoopBackOff',
  expect: (sim) => {
    const pod = sim.pod('port-clash');
    ensure(isRunning(pod, 'web-a'), 'web-a should keep port 80 and run');
    ensure(restarts(pod, 'web-b') >= 2, `web-b restarts: ${restarts(pod, 'web-b')}`);
    ensure(eventsOf(sim, 'BackOff', 'web-b').length > 0, 'no BackOff event for web-b');
  },
  tags: ['namespaces', 'pause', 'restart-policy'],
  requires: ['kubelet', 'shell', 'namespaces'],
};
