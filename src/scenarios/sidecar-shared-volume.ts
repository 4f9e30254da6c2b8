import { ensure, isRunning, logsContain } from './check.ts';
import type { Scenario } from './types.ts';

export const sidecarSharedVolume: Scenario = {
  id: 'sidecar-shared-volume',
  titleKey: 'scenario.sidecar-shared-volume.title',
  pointKey: 'scenario.sidecar-shared-volume.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: shared-files
spec:
  volumes:
    - name: html
      emptyDir: {}
  containers:
    - name: writer
      image: busybox:1.36
      command: ["sh", "-c", "while true; do echo written by the writer >> /html/index.html; sleep 10; done"]
      volumeMounts:
        - name: html
          mountPath: /html
    - name: reader
      image: busybox:1.36
      command: ["sh", "-c", "sleep 5; while true; do cat /html/index.html; sleep 10; done"]
      volumeMounts:
        - name: html
          mountPath: /html
`,
    seed: 1,
    actions: [],
  },
  durationMs: 40_000,
  outcome: 'the reader prints the lines the writer appended to the shared emptyDir',
  expect: (sim) => {
    const pod = sim.pod('shared-files');
    ensure(isRunning(pod, 'writer') && isRunning(pod, 'reader'), 'both containers should run');
    ensure(
      logsContain(sim, 'reader', /written by the writer/),
      `reader logs: ${sim.logs('reader').slice(-3).join(' | ')}`,
    );
  },
  tags: ['volumes', 'pod'],
  requires: ['kubelet', 'shell', 'volumes'],
};
