import { ensure, livePods } from './check.ts';
import type { Scenario } from './types.ts';

const deployment = (initImage: string) => `apiVersion: apps/v1
kind: Deployment
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
      initContainers:
        - name: fetch-config
          image: ${initImage}
          command: ["sh", "-c", "echo fetching config; sleep 3"]
      containers:
        - name: web
          image: nginx:1.27
`;

/** The manifest after the rollout: only the init container's image differs. */
export const deploymentInitImageNext = deployment('busybox:1.37');

export const deploymentInitImage: Scenario = {
  id: 'deployment-init-image',
  titleKey: 'scenario.deployment-init-image.title',
  pointKey: 'scenario.deployment-init-image.point',
  run: {
    manifest: deployment('busybox:1.36'),
    seed: 1,
    // `kubectl set image deployment/web fetch-config=busybox:1.37` once both pods run.
    actions: [
      {
        atMs: 60_000,
        action: {
          kind: 'set-image',
          target: 'deployment/web',
          container: 'fetch-config',
          image: 'busybox:1.37',
        },
      },
    ],
  },
  durationMs: 180_000,
  outcome:
    "changing the init container's image creates a new ReplicaSet; its new pods replace the old ones one by one",
  expect: (sim) => {
    const live = livePods(sim);
    ensure(live.length === 2, `${live.length} live pods`);
    const images = live.map((p) => p.spec?.initContainers?.[0]?.image);
    ensure(
      images.every((i) => i === 'busybox:1.37'),
      `live pods run init images ${images.join(', ')}`,
    );
    ensure(sim.pods().length >= 4, 'the old pods were not replaced');
  },
  tags: ['controllers', 'init'],
  requires: ['kubelet', 'controllers'],
};
