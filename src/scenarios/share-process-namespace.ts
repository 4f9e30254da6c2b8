import { ensure, isRunning } from './check.ts';
import type { Scenario } from './types.ts';

export const shareProcessNamespace: Scenario = {
  id: 'share-process-namespace',
  titleKey: 'scenario.share-process-namespace.title',
  pointKey: 'scenario.share-process-namespace.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: shared-pids
spec:
  shareProcessNamespace: true
  containers:
    - name: web
      image: nginx:1.27
    - name: shell
      image: busybox:1.36
      command: ["sh", "-c", "sleep 2; ps; sleep infinity"]
`,
    seed: 1,
    actions: [],
  },
  durationMs: 20_000,
  outcome: 'ps in one container lists the other container\u2019s processes, with /pause as PID 1',
  expect: (sim) => {
    const pod = sim.pod('shared-pids');
    ensure(isRunning(pod, 'shell'), 'shell should run');
    const out = sim.logs('shell');
    ensure(
      out.some((l) => /^\s*1\s.*\/pause/.test(l)),
      `ps shows no /pause as PID 1: ${out.join(' | ')}`,
    );
    ensure(
      out.some((l) => /nginx/.test(l)),
      `ps does not show nginx's processes: ${out.join(' | ')}`,
    );
  },
  tags: ['namespaces', 'pause'],
  requires: ['kubelet', 'shell', 'namespaces'],
};
