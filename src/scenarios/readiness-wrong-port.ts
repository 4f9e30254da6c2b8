import { ensure, eventsOf, isRunning, restarts, statusOf } from './check.ts';
import type { Scenario } from './types.ts';

/** From the Kubernetes docs' "Configure Liveness, Readiness and Startup Probes" (no faults: the program answers). */
export const readinessWrongPort: Scenario = {
  id: 'readiness-wrong-port',
  titleKey: 'scenario.readiness-wrong-port.title',
  pointKey: 'scenario.readiness-wrong-port.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: wrong-port
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
    readinessProbe:
      tcpSocket:
        port: 8080
      periodSeconds: 5
`,
    seed: 1,
    actions: [],
  },
  durationMs: 60_000,
  outcome:
    'nginx listens on 80, the probe dials 8080: refused every time, never Ready, never restarted',
  expect: (sim) => {
    const pod = sim.pod('wrong-port');
    const ip = pod.status?.podIP;
    const u = eventsOf(sim, 'Unhealthy', 'web');
    ensure(u.length >= 3, `Unhealthy events: ${u.length}`);
    ensure(
      u[0]!.message === `Readiness probe failed: dial tcp ${ip}:8080: connect: connection refused`,
      `first Unhealthy: ${u[0]!.message}`,
    );
    ensure(!statusOf(pod, 'web').ready, 'web is ready');
    ensure(isRunning(pod, 'web'), 'web is not running');
    ensure(restarts(pod, 'web') === 0, 'web restarted');
    ensure(eventsOf(sim, 'Killing', 'web').length === 0, 'a Killing event');
  },
  tags: ['probes'],
  requires: ['kubelet', 'shell'],
};
