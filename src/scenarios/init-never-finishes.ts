import { ensure, firstStarted, isRunning } from './check.ts';
import type { Scenario } from './types.ts';

/** The same log shipper as native-sidecar, but as a regular init container: it blocks the app. */
export const initNeverFinishes: Scenario = {
  id: 'init-never-finishes',
  titleKey: 'scenario.init-never-finishes.title',
  pointKey: 'scenario.init-never-finishes.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: with-sidecar
spec:
  restartPolicy: Never
  initContainers:
    - name: log-shipper
      image: busybox:1.36
      command: ["sh", "-c", "while true; do echo shipping logs; sleep 5; done"]
  containers:
    - name: app
      image: nginx:1.27
`,
    seed: 1,
    actions: [],
  },
  durationMs: 30_000,
  outcome:
    'a regular init container that never exits keeps the pod in Init:0/1; the app never starts',
  expect: (sim) => {
    const pod = sim.pod('with-sidecar');
    ensure(isRunning(pod, 'log-shipper'), 'log-shipper is not running');
    ensure(firstStarted(sim, 'app') === undefined, 'the app started');
    ensure(pod.status?.phase === 'Pending', `phase is ${pod.status?.phase}`);
  },
  tags: ['init', 'sidecar'],
  requires: ['kubelet'],
};
