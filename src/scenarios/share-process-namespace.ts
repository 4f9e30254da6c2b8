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
      command: ["sh", "-c", "(sleep 2 &); ps; sleep 3; echo '--- 3 s later'; ps; sleep infinity"]
`,
    seed: 1,
    actions: [],
  },
  durationMs: 20_000,
  outcome:
    'ps lists every container\u2019s processes with /pause as PID 1; the orphaned sleep becomes a zombie that /pause reaps',
  expect: (sim) => {
    const pod = sim.pod('shared-pids');
    ensure(isRunning(pod, 'shell'), 'shell should run');
    const out = sim.logs('shell');
    const cut = out.indexOf('--- 3 s later');
    ensure(cut > 0, `no second ps: ${out.join(' | ')}`);
    const [first, second] = [out.slice(0, cut), out.slice(cut + 1)];
    for (const ps of [first, second]) {
      ensure(
        ps.some((l) => /^\s*1\s.*\/pause/.test(l)),
        `ps shows no /pause as PID 1: ${ps.join(' | ')}`,
      );
      ensure(
        ps.some((l) => /nginx/.test(l)),
        `ps does not show nginx's processes: ${ps.join(' | ')}`,
      );
    }
    ensure(
      first.some((l) => /\ssleep 2\s*$/.test(l)),
      `the orphan is not in the first ps: ${first.join(' | ')}`,
    );
    ensure(
      !second.some((l) => /\s(sleep 2|\[sleep\] <defunct>)\s*$/.test(l)),
      `the zombie was not reaped: ${second.join(' | ')}`,
    );
  },
  tags: ['namespaces', 'pause'],
  requires: ['kubelet', 'shell', 'namespaces'],
};
