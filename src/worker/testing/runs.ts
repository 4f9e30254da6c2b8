/** Runs shared by tests and benchmarks. */
import type { Run } from '../protocol.ts';

/** A crash-looping pod of 10 containers: each runs a few seconds and exits 1. */
export const crashLoopRun: Run = {
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: crashloop
spec:
  restartPolicy: Always
  containers:
${Array.from(
  { length: 10 },
  (_, i) => `    - name: c${i}
      image: busybox:1.36
      command: ['sh', '-c', 'echo starting; sleep ${3 + i}; echo bye; exit 1']
`,
).join('')}`,
  seed: 42,
  actions: [
    { atMs: 90_000, action: { kind: 'crash', container: 'c0', exitCode: 2 } },
    { atMs: 1_800_000, action: { kind: 'crash', container: 'c1', exitCode: 3 } },
  ],
};
