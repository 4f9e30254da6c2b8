import { ensure, eventsOf, statusOf } from './check.ts';
import type { Scenario } from './types.ts';

/** The docs' memory-demo-2 (Assign Memory Resources to Containers and Pods). */
export const memoryLimitOom: Scenario = {
  id: 'memory-limit-oom',
  titleKey: 'scenario.memory-limit-oom.title',
  pointKey: 'scenario.memory-limit-oom.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: memory-demo-2
spec:
  containers:
    - name: memory-demo-2-ctr
      image: polinux/stress
      resources:
        requests:
          memory: "50Mi"
        limits:
          memory: "100Mi"
      command: ["stress"]
      args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
`,
    seed: 1,
    actions: [],
  },
  durationMs: 60_000,
  outcome:
    'stress allocates 250M against a 100Mi limit: OOMKilled (exit 137), restarted, then CrashLoopBackOff',
  expect: (sim) => {
    const pod = sim.pod('memory-demo-2');
    const s = statusOf(pod, 'memory-demo-2-ctr');
    const last = s.state?.terminated ?? s.lastState?.terminated;
    ensure(last?.reason === 'OOMKilled', `last termination is ${last?.reason}`);
    ensure(last.exitCode === 137, `exit code ${last.exitCode}`);
    ensure((s.restartCount ?? 0) >= 2, `restartCount ${s.restartCount}`);
    ensure(
      s.state?.waiting?.reason === 'CrashLoopBackOff' || s.state?.running !== undefined,
      `state ${JSON.stringify(s.state)}`,
    );
    ensure(eventsOf(sim, 'BackOff', 'memory-demo-2-ctr').length > 0, 'no BackOff event');
    ensure(pod.status?.phase === 'Running', `phase is ${pod.status?.phase}`);
  },
  tags: ['restart-policy'],
  requires: ['kubelet', 'shell'],
};
