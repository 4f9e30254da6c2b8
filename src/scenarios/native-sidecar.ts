import { ensure, firstStarted, isRunning, restarts } from './check.ts';
import type { Scenario } from './types.ts';

export const nativeSidecar: Scenario = {
  id: 'native-sidecar',
  titleKey: 'scenario.native-sidecar.title',
  pointKey: 'scenario.native-sidecar.point',
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
      restartPolicy: Always
      command: ["sh", "-c", "while true; do echo shipping logs; sleep 5; done"]
  containers:
    - name: app
      image: nginx:1.27
`,
    seed: 1,
    actions: [{ atMs: 20_000, action: { kind: 'crash', container: 'log-shipper', exitCode: 1 } }],
  },
  durationMs: 30_000,
  outcome:
    'the sidecar starts first and keeps running beside the app; when it crashes it is restarted even under restartPolicy Never',
  expect: (sim) => {
    const pod = sim.pod('with-sidecar');
    const side = firstStarted(sim, 'log-shipper');
    const app = firstStarted(sim, 'app');
    ensure(side !== undefined && app !== undefined && side <= app, `starts: ${side}, ${app}`);
    ensure(isRunning(pod, 'app'), 'the app is not running');
    ensure(restarts(pod, 'log-shipper') === 1, `sidecar restarts: ${restarts(pod, 'log-shipper')}`);
    ensure(isRunning(pod, 'log-shipper'), 'the sidecar is not running again');
  },
  tags: ['sidecar', 'init'],
  requires: ['kubelet', 'sidecars'],
};
