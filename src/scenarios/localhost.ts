import { ensure, isRunning, logsContain } from './check.ts';
import type { Scenario } from './types.ts';

export const localhost: Scenario = {
  id: 'localhost',
  titleKey: 'scenario.localhost.title',
  pointKey: 'scenario.localhost.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: localhost-talk
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80
    - name: client
      image: busybox:1.36
      command:
        - sh
        - -c
        - until wget -q -O /dev/null http://localhost:80; do echo nothing on port 80 yet; sleep 1; done; echo reached nginx over localhost; sleep infinity
`,
    seed: 1,
    actions: [],
  },
  durationMs: 30_000,
  outcome: 'the client reaches nginx at localhost:80 because both share one network namespace',
  expect: (sim) => {
    const pod = sim.pod('localhost-talk');
    ensure(isRunning(pod, 'web') && isRunning(pod, 'client'), 'both containers should run');
    ensure(
      logsContain(sim, 'client', /reached nginx over localhost/),
      `client logs: ${sim.logs('client').slice(-3).join(' | ')}`,
    );
  },
  tags: ['namespaces', 'pause'],
  requires: ['kubelet', 'shell', 'namespaces'],
};
