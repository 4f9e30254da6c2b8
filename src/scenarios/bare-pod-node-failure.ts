import { ensure } from './check.ts';
import type { Scenario } from './types.ts';

export const barePodNodeFailure: Scenario = {
  id: 'bare-pod-node-failure',
  titleKey: 'scenario.bare-pod-node-failure.title',
  pointKey: 'scenario.bare-pod-node-failure.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: lonely
spec:
  containers:
    - name: web
      image: nginx:1.27
`,
    seed: 1,
    actions: [{ atMs: 10_000, action: { kind: 'node-failure' } }],
  },
  durationMs: 420_000,
  outcome:
    'the node turns NotReady after 50 s, the pod is evicted after 300 s and nothing replaces it',
  expect: (sim) => {
    const pods = sim.pods();
    ensure(pods.length === 1, `${pods.length} pods: a bare pod must never be recreated`);
    ensure(pods[0]!.metadata?.deletionTimestamp, 'the pod was not marked for deletion');
  },
  tags: ['controllers'],
  requires: ['kubelet', 'nodes'],
};
