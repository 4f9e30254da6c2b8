import { ensure, firstStarted, isRunning } from './check.ts';
import type { Scenario } from './types.ts';

/** The Kubernetes docs' init-container example: wait for two Services, then start the app. */
export const initContainersOrder: Scenario = {
  id: 'init-containers-order',
  titleKey: 'scenario.init-containers-order.title',
  pointKey: 'scenario.init-containers-order.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app.kubernetes.io/name: MyApp
spec:
  containers:
    - name: myapp-container
      image: busybox:1.28
      command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
    - name: init-myservice
      image: busybox:1.28
      command: ['sh', '-c', "until nslookup myservice; do echo waiting for myservice; sleep 2; done"]
    - name: init-mydb
      image: busybox:1.28
      command: ['sh', '-c', "until nslookup mydb; do echo waiting for mydb; sleep 2; done"]
`,
    seed: 1,
    actions: [
      { atMs: 20_000, action: { kind: 'create-service', name: 'myservice' } },
      { atMs: 40_000, action: { kind: 'create-service', name: 'mydb' } },
    ],
  },
  durationMs: 60_000,
  outcome:
    'init-myservice runs until myservice exists, then init-mydb until mydb exists, and only then the app starts',
  expect: (sim) => {
    const a = firstStarted(sim, 'init-myservice');
    const b = firstStarted(sim, 'init-mydb');
    const app = firstStarted(sim, 'myapp-container');
    ensure(a !== undefined && b !== undefined && app !== undefined, 'a container never started');
    ensure(a < b && b < app, `start order: ${a}, ${b}, ${app}`);
    ensure(b >= 20_000, `init-mydb started at ${b} ms, before myservice existed`);
    ensure(app >= 40_000, `the app started at ${app} ms, before mydb existed`);
    ensure(isRunning(sim.pod('myapp-pod'), 'myapp-container'), 'the app is not running');
  },
  tags: ['init'],
  requires: ['kubelet', 'shell', 'services'],
};
