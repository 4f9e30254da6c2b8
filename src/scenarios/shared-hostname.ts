import { ensure } from './check.ts';
import type { Scenario } from './types.ts';

export const sharedHostname: Scenario = {
  id: 'shared-hostname',
  titleKey: 'scenario.shared-hostname.title',
  pointKey: 'scenario.shared-hostname.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: same-host
spec:
  containers:
    - name: first
      image: busybox:1.36
      command: ["sh", "-c", "hostname; sleep infinity"]
    - name: second
      image: alpine:3.20
      command: ["sh", "-c", "hostname; sleep infinity"]
`,
    seed: 1,
    actions: [],
  },
  durationMs: 20_000,
  outcome: 'both containers print the same hostname: the pod name (one UTS namespace)',
  expect: (sim) => {
    for (const c of ['first', 'second']) {
      const lines = sim.logs(c);
      ensure(lines.includes('same-host'), `${c} printed ${JSON.stringify(lines)}`);
    }
  },
  tags: ['namespaces', 'pause'],
  requires: ['kubelet', 'shell', 'namespaces'],
};
