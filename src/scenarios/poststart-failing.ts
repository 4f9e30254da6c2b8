import { ensure, eventsOf, restarts } from './check.ts';
import type { Scenario } from './types.ts';

/** From the Kubernetes docs' "Configure Liveness, Readiness and Startup Probes" (no faults: the program answers). */
export const postStartFailing: Scenario = {
  id: 'poststart-failing',
  titleKey: 'scenario.poststart-failing.title',
  pointKey: 'scenario.poststart-failing.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: lifecycle-demo
spec:
  containers:
  - name: lifecycle-demo-container
    image: nginx:1.27
    lifecycle:
      postStart:
        exec:
          command: ["/bin/sh", "-c", "cat /etc/app/ready > /usr/share/message"]
`,
    seed: 1,
    actions: [],
  },
  durationMs: 60_000,
  outcome:
    'the postStart command fails (the file is missing): FailedPostStartHook, the container is killed and restarted with back-off',
  expect: (sim) => {
    const pod = sim.pod('lifecycle-demo');
    const name = 'lifecycle-demo-container';
    const f = eventsOf(sim, 'FailedPostStartHook', name);
    ensure(f.length >= 1, 'no FailedPostStartHook event');
    ensure(f[0]!.message === 'PostStartHook failed', `FailedPostStartHook: ${f[0]!.message}`);
    ensure(restarts(pod, name) >= 1, `restarts: ${restarts(pod, name)}`);
  },
  tags: ['probes'],
  requires: ['kubelet', 'shell'],
};
