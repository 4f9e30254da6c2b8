import { ensure, eventsOf, lastExit } from './check.ts';
import type { Scenario } from './types.ts';

export const gracefulTermination: Scenario = {
  id: 'graceful-termination',
  titleKey: 'scenario.graceful-termination.title',
  pointKey: 'scenario.graceful-termination.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: goodbye
spec:
  terminationGracePeriodSeconds: 30
  containers:
    - name: web
      image: nginx:1.27
    - name: stubborn
      image: busybox:1.36
      command: ["sleep", "3600"]
    - name: polite
      image: busybox:1.36
      command: ["sh", "-c", "trap 'echo got SIGTERM, bye; exit 0' TERM; while true; do sleep 1; done"]
`,
    seed: 1,
    actions: [{ atMs: 10_000, action: { kind: 'delete-pod' } }],
  },
  durationMs: 60_000,
  outcome:
    'nginx and the shell with a trap exit 0 on SIGTERM; sleep as PID 1 ignores it and is SIGKILLed after 30 s (exit 137)',
  expect: (sim) => {
    const pod = sim.pod('goodbye');
    ensure(pod.metadata?.deletionTimestamp, 'the pod has no deletionTimestamp');
    const code = (c: string) => lastExit(pod, c)?.exitCode;
    ensure(code('web') === 0, `web exit ${code('web')}`);
    ensure(code('polite') === 0, `polite exit ${code('polite')}`);
    ensure(code('stubborn') === 137, `stubborn exit ${code('stubborn')}`);
    const stubbornEnd = Date.parse(lastExit(pod, 'stubborn')?.finishedAt ?? '');
    const politeEnd = Date.parse(lastExit(pod, 'polite')?.finishedAt ?? '');
    ensure(stubbornEnd - politeEnd >= 25_000, 'stubborn did not hold out until the grace period');
    ensure(eventsOf(sim, 'Killing').length >= 3, 'fewer than 3 Killing events');
  },
  tags: ['termination'],
  requires: ['kubelet', 'shell'],
};
