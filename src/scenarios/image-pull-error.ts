import { ensure, eventsOf, waitingReason } from './check.ts';
import type { Scenario } from './types.ts';

export const imagePullError: Scenario = {
  id: 'image-pull-error',
  titleKey: 'scenario.image-pull-error.title',
  pointKey: 'scenario.image-pull-error.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: pull-fails
spec:
  containers:
    - name: web
      image: nginx:1.27
`,
    seed: 1,
    actions: [
      {
        atMs: 0,
        action: { kind: 'image-pull-error', image: 'nginx:1.27', durationMs: 120_000 },
      },
    ],
  },
  durationMs: 60_000,
  outcome:
    'the pull fails (ErrImagePull), then the kubelet waits longer between tries (ImagePullBackOff)',
  expect: (sim) => {
    const pod = sim.pod('pull-fails');
    const reason = waitingReason(pod, 'web');
    ensure(reason === 'ErrImagePull' || reason === 'ImagePullBackOff', `web waits with ${reason}`);
    ensure(eventsOf(sim, 'Failed', 'web').length > 0, 'no Failed event for the pull');
    ensure(eventsOf(sim, 'BackOff', 'web').length > 0, 'no BackOff event for the pull');
    ensure(pod.status?.phase === 'Pending', `phase is ${pod.status?.phase}`);
  },
  tags: ['image-pull'],
  requires: ['kubelet'],
};
