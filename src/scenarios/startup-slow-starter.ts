import { ensure, eventsOf, restarts, statusOf } from './check.ts';
import type { Scenario } from './types.ts';

/** From the Kubernetes docs' "Configure Liveness, Readiness and Startup Probes" (no faults: the program answers). */
export const startupSlowStarter: Scenario = {
  id: 'startup-slow-starter',
  titleKey: 'scenario.startup-slow-starter.title',
  pointKey: 'scenario.startup-slow-starter.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: slow-starter
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'echo warming up; sleep 45; echo listening; httpd -f -p 8080 -h /tmp']
    ports:
    - name: liveness-port
      containerPort: 8080
    startupProbe:
      httpGet:
        path: /
        port: liveness-port
      failureThreshold: 30
      periodSeconds: 10
    livenessProbe:
      httpGet:
        path: /
        port: liveness-port
      failureThreshold: 1
      periodSeconds: 10
`,
    seed: 1,
    actions: [],
  },
  durationMs: 120_000,
  outcome:
    'the server needs 45 s to listen: the startup probe fails (refused) but allows 30 × 10 s, so the strict liveness probe never kills it',
  expect: (sim) => {
    const pod = sim.pod('slow-starter');
    const u = eventsOf(sim, 'Unhealthy', 'app');
    ensure(
      u.length > 0 && u.every((e) => e.message.startsWith('Startup probe failed: ')),
      `Unhealthy: ${u.map((e) => e.message).join(' | ')}`,
    );
    ensure(/connect: connection refused$/.test(u[0]!.message), `first: ${u[0]!.message}`);
    ensure(statusOf(pod, 'app').started === true, 'app is not started');
    ensure(statusOf(pod, 'app').ready, 'app is not ready');
    ensure(restarts(pod, 'app') === 0, 'app restarted');
  },
  tags: ['probes'],
  requires: ['kubelet', 'shell'],
};
