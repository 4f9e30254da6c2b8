import { ensure, livePods } from './check.ts';
import type { Scenario } from './types.ts';

export const replicasetNodeFailure: Scenario = {
  id: 'replicaset-node-failure',
  titleKey: 'scenario.replicaset-node-failure.title',
  pointKey: 'scenario.replicaset-node-failure.point',
  run: {
    manifest: `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
    seed: 1,
    actions: [{ atMs: 10_000, action: { kind: 'node-failure', node: 'node-1' } }],
  },
  durationMs: 420_000,
  outcome: 'the ReplicaSet replaces the pod lost with node-1 on node-2: 2 Running pods again',
  expect: (sim) => {
    const live = livePods(sim);
    const running = live.filter((p) => p.status?.phase === 'Running');
    ensure(running.length === 2, `${running.length} running pods`);
    ensure(
      running.every((p) => p.spec?.nodeName !== 'node-1'),
      'a running pod is still counted on the failed node',
    );
    ensure(sim.pods().length >= 3, 'no replacement pod was created');
  },
  tags: ['controllers'],
  requires: ['kubelet', 'nodes', 'controllers'],
};
