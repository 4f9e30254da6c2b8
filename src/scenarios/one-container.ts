import { condition, ensure, isRunning, restarts } from './check.ts';
import type { Scenario } from './types.ts';

export const oneContainer: Scenario = {
  id: 'one-container',
  titleKey: 'scenario.one-container.title',
  pointKey: 'scenario.one-container.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - containerPort: 80
`,
    seed: 1,
    actions: [],
  },
  durationMs: 30_000,
  outcome: 'the pod is Running and Ready with its one container, never restarted',
  expect: (sim) => {
    const pod = sim.pod('web');
    ensure(pod.status?.phase === 'Running', `phase is ${pod.status?.phase}`);
    ensure(isRunning(pod, 'nginx'), 'nginx is not running');
    ensure(condition(pod, 'Ready') === 'True', 'pod is not Ready');
    ensure(restarts(pod, 'nginx') === 0, 'nginx restarted');
  },
  tags: ['pod'],
  requires: ['kubelet'],
};
