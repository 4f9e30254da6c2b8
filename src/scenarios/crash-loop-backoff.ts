import { ensure, eventsOf, restarts, waitingReason } from './check.ts';
import type { Scenario } from './types.ts';

export const crashLoopBackoff: Scenario = {
  id: 'crash-loop-backoff',
  titleKey: 'scenario.crash-loop-backoff.title',
  pointKey: 'scenario.crash-loop-backoff.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: crasher
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "echo serving; sleep 3600"]
`,
    seed: 1,
    actions: [
      { atMs: 5_000, action: { kind: 'crash', container: 'app', exitCode: 1 } },
      { atMs: 15_000, action: { kind: 'crash', container: 'app', exitCode: 1 } },
      { atMs: 45_000, action: { kind: 'crash', container: 'app', exitCode: 1 } },
    ],
  },
  durationMs: 55_000,
  outcome:
    'the first restart is immediate, then the kubelet waits 10 s, then 20 s: CrashLoopBackOff with BackOff events',
  expect: (sim) => {
    const pod = sim.pod('crasher');
    ensure(restarts(pod, 'app') === 2, `app restarts: ${restarts(pod, 'app')}`);
    ensure(
      waitingReason(pod, 'app') === 'CrashLoopBackOff',
      `app waits with ${waitingReason(pod, 'app')}`,
    );
    ensure(eventsOf(sim, 'BackOff', 'app').length > 0, 'no BackOff event');
    ensure(pod.status?.phase === 'Running', `phase is ${pod.status?.phase}`);
  },
  tags: ['restart-policy'],
  requires: ['kubelet'],
};
