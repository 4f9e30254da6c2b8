import { ensure, eventsOf, waitingReason } from './check.ts';
import type { Scenario } from './types.ts';

export const imageTagTypo: Scenario = {
  id: 'image-tag-typo',
  titleKey: 'scenario.image-tag-typo.title',
  pointKey: 'scenario.image-tag-typo.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: tag-typo
spec:
  containers:
    - name: web
      image: nginx:0.0.0-does-not-exist
`,
    seed: 1,
    actions: [],
  },
  durationMs: 60_000,
  outcome:
    'the registry has no such tag: Failed to pull image … not found (ErrImagePull), then ImagePullBackOff; nothing runs',
  expect: (sim) => {
    const pod = sim.pod('tag-typo');
    const reason = waitingReason(pod, 'web');
    ensure(reason === 'ErrImagePull' || reason === 'ImagePullBackOff', `web waits with ${reason}`);
    const failed = eventsOf(sim, 'Failed', 'web').map((e) => e.message);
    ensure(
      failed.some(
        (m) =>
          m.startsWith('Failed to pull image "nginx:0.0.0-does-not-exist": ') &&
          m.endsWith('docker.io/library/nginx:0.0.0-does-not-exist: not found'),
      ),
      `no "not found" pull failure: ${failed.join(' | ')}`,
    );
    ensure(eventsOf(sim, 'Pulled', 'web').length === 0, 'the image was pulled');
    ensure(eventsOf(sim, 'Started', 'web').length === 0, 'web started');
    ensure(eventsOf(sim, 'BackOff', 'web').length > 0, 'no BackOff event for the pull');
    ensure(pod.status?.phase === 'Pending', `phase is ${pod.status?.phase}`);
  },
  tags: ['image-pull'],
  requires: ['kubelet'],
};
