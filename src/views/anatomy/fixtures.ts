/**
 * Test data only: frames as the worker sends them, for the model, layout and explanation
 * tests. Never imported by the product.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { FrameInput, PodInput } from './input.ts';

export function podFixture(
  overrides: Partial<{ status: Pod['status']; deleting: boolean }> = {},
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'myapp-pod',
      namespace: 'default',
      uid: 'u1',
      ...(overrides.deleting ? { deletionTimestamp: '2026-01-01T00:01:00Z' } : {}),
    },
    spec: {
      nodeName: 'node-1',
      restartPolicy: 'Always',
      initContainers: [
        {
          name: 'init-html',
          image: 'busybox:1.36',
          volumeMounts: [{ name: 'html', mountPath: '/work' }],
        },
        {
          name: 'log-agent',
          image: 'busybox',
          restartPolicy: 'Always',
          volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/nginx' }],
        },
      ],
      containers: [
        {
          name: 'web',
          image: 'nginx:1.25',
          ports: [{ containerPort: 80 }],
          readinessProbe: { httpGet: { path: '/', port: 80 } },
          volumeMounts: [
            { name: 'html', mountPath: '/usr/share/nginx/html' },
            { name: 'shared-logs', mountPath: '/var/log/nginx' },
          ],
        },
      ],
      volumes: [
        { name: 'html', emptyDir: {} },
        { name: 'shared-logs', emptyDir: {} },
      ],
    },
    status: overrides.status ?? {
      phase: 'Running',
      podIP: '10.244.1.7',
      initContainerStatuses: [
        {
          name: 'init-html',
          image: 'busybox:1.36',
          imageID: '',
          ready: true,
          restartCount: 0,
          state: { terminated: { exitCode: 0, reason: 'Completed' } },
        },
        {
          name: 'log-agent',
          image: 'busybox',
          imageID: '',
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: '2026-01-01T00:00:10Z' } },
        },
      ],
      containerStatuses: [
        {
          name: 'web',
          image: 'nginx:1.25',
          imageID: '',
          ready: false,
          started: false,
          restartCount: 3,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error' } },
        },
      ],
    },
  };
}

export function podInputFixture(pod: Pod = podFixture()): PodInput {
  return {
    name: pod.metadata?.name,
    pod,
    runtime: {
      sandbox: { id: 'sb-1', attempt: 0, ip: '10.244.1.7', state: 'SANDBOX_READY' },
      containers: [
        {
          name: 'init-html',
          kind: 'init',
          image: 'busybox:1.36',
          doing: 'exited',
          lastExitCode: 0,
        },
        {
          name: 'log-agent',
          kind: 'sidecar',
          image: 'busybox',
          doing: 'running',
          pull: { policy: 'Always', presentOnNode: true, willPull: true },
        },
        {
          name: 'web',
          kind: 'app',
          image: 'nginx:1.25',
          doing: 'waiting',
          backOffUntilMs: 70_000,
          pull: { policy: 'IfNotPresent', presentOnNode: true, willPull: false },
          probes: [{ type: 'readiness', result: 'Failure' }],
        },
      ],
    },
  };
}

export function frameFixture(nowMs = 50_000, pods: PodInput[] = [podInputFixture()]): FrameInput {
  return {
    nowMs,
    pods,
    nodes: [
      { metadata: { name: 'node-1' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } },
    ],
  };
}
