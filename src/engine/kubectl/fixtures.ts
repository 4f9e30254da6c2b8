/** A running pod as the engine reports it, for the printers' tests. */
import type { Pod } from 'kubernetes-types/core/v1';

export function webPod(): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'myapp-pod',
      namespace: 'default',
      uid: '3f1c2a9e-8d41-4b7a-9c55-0a1b2c3d4e5f',
      creationTimestamp: '2025-01-01T00:00:00Z',
      labels: { app: 'myapp', tier: 'web' },
    },
    spec: {
      nodeName: 'node-1',
      restartPolicy: 'Always',
      initContainers: [
        {
          name: 'init-html',
          image: 'busybox:1.36',
          command: ['sh', '-c', 'echo hi > /work/index.html'],
          volumeMounts: [{ name: 'html', mountPath: '/work' }],
        },
      ],
      containers: [
        {
          name: 'web',
          image: 'nginx:1.25',
          ports: [{ containerPort: 80 }],
          env: [
            { name: 'MODE', value: 'demo' },
            { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          ],
          livenessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 },
          readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 5 },
          volumeMounts: [{ name: 'html', mountPath: '/usr/share/nginx/html' }],
        },
      ],
      volumes: [{ name: 'html', emptyDir: {} }],
    },
    status: {
      phase: 'Running',
      hostIP: '192.168.49.2',
      podIP: '10.244.1.7',
      podIPs: [{ ip: '10.244.1.7' }],
      startTime: '2025-01-01T00:00:01Z',
      qosClass: 'BestEffort',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True' },
        { type: 'Initialized', status: 'True' },
        { type: 'Ready', status: 'True' },
        { type: 'ContainersReady', status: 'True' },
        { type: 'PodScheduled', status: 'True' },
      ],
      initContainerStatuses: [
        {
          name: 'init-html',
          image: 'busybox:1.36',
          imageID:
            'docker.io/library/busybox@sha256:7edf5efe6b86dbf01ccc3c76b32a37a8e23b84e6bad81ce8ae8c221fa456fda8',
          containerID: 'containerd://a1b2c3',
          ready: true,
          restartCount: 0,
          started: false,
          state: {
            terminated: {
              exitCode: 0,
              reason: 'Completed',
              startedAt: '2025-01-01T00:00:03Z',
              finishedAt: '2025-01-01T00:00:03Z',
            },
          },
        },
      ],
      containerStatuses: [
        {
          name: 'web',
          image: 'nginx:1.25',
          imageID:
            'docker.io/library/nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
          containerID: 'containerd://d4e5f6',
          ready: true,
          restartCount: 1,
          started: true,
          state: { running: { startedAt: '2025-01-01T00:01:15Z' } },
          lastState: {
            terminated: {
              exitCode: 137,
              reason: 'Error',
              startedAt: '2025-01-01T00:00:05Z',
              finishedAt: '2025-01-01T00:01:14Z',
            },
          },
        },
      ],
    },
  };
}
