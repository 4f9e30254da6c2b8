import { ensure, eventsOf, isRunning } from './check.ts';
import type { Scenario } from './types.ts';

export const sandboxRestart: Scenario = {
  id: 'sandbox-restart',
  titleKey: 'scenario.sandbox-restart.title',
  pointKey: 'scenario.sandbox-restart.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: sandboxed
spec:
  initContainers:
    - name: prepare
      image: busybox:1.36
      command: ["sh", "-c", "echo preparing; sleep 2"]
  containers:
    - name: web
      image: nginx:1.27
`,
    seed: 1,
    actions: [{ atMs: 20_000, action: { kind: 'kill-sandbox' } }],
  },
  durationMs: 45_000,
  outcome:
    'when the pause container dies every container is killed, a new sandbox is made and the init container runs again',
  expect: (sim) => {
    const pod = sim.pod('sandboxed');
    ensure(eventsOf(sim, 'SandboxChanged').length === 1, 'no SandboxChanged event');
    ensure(eventsOf(sim, 'Started', 'prepare').length === 2, 'prepare did not run twice');
    ensure(isRunning(pod, 'web'), 'web is not running again');
  },
  tags: ['pause', 'init'],
  requires: ['kubelet', 'shell'],
};
