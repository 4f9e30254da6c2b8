import { ensure, eventsOf, lastExit, restarts } from './check.ts';
import type { Scenario } from './types.ts';

export const busyboxExitsAtOnce: Scenario = {
  id: 'busybox-exits-at-once',
  titleKey: 'scenario.busybox-exits-at-once.title',
  pointKey: 'scenario.busybox-exits-at-once.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: just-busybox
spec:
  containers:
    - name: box
      image: busybox:1.36
`,
    seed: 1,
    actions: [],
  },
  durationMs: 90_000,
  outcome:
    'busybox runs sh, which exits 0 at once without a terminal; under Always that still ends in CrashLoopBackOff',
  expect: (sim) => {
    const pod = sim.pod('just-busybox');
    ensure(restarts(pod, 'box') >= 2, `box restarts: ${restarts(pod, 'box')}`);
    ensure(lastExit(pod, 'box')?.exitCode === 0, 'box should exit with code 0');
    ensure(eventsOf(sim, 'BackOff', 'box').length > 0, 'no BackOff event');
  },
  tags: ['restart-policy', 'pod'],
  requires: ['kubelet', 'shell'],
};
