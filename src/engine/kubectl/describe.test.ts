import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { describePod, describeProbe, podQOS } from './describe.ts';
import { webPod } from './fixtures.ts';
import { DEFAULT_EPOCH_MS } from './time.ts';

const at = (s: number) => new Date(DEFAULT_EPOCH_MS + s * 1000);

describe('describePod', () => {
  it('prints a running pod with init container, last state, probes, env, mounts and events', () => {
    const out = describePod(
      webPod(),
      [
        {
          atMs: 0,
          type: 'Normal',
          reason: 'Scheduled',
          message: 'Successfully assigned default/myapp-pod to node-1',
        },
        {
          atMs: 2000,
          type: 'Normal',
          reason: 'Pulled',
          message:
            'Container image "busybox:1.36" already present on machine and can be accessed by the pod',
          fieldPath: 'spec.initContainers{init-html}',
        },
      ],
      at(100),
    );
    expect(out.split('\n')).toEqual([
      'Name:             myapp-pod',
      'Namespace:        default',
      'Priority:         0',
      'Service Account:  default',
      'Node:             node-1/192.168.49.2',
      'Start Time:       Wed, 01 Jan 2025 00:00:01 +0000',
      'Labels:           app=myapp',
      '                  tier=web',
      'Annotations:      <none>',
      'Status:           Running',
      'IP:               10.244.1.7',
      'IPs:',
      '  IP:  10.244.1.7',
      'Init Containers:',
      '  init-html:',
      '    Container ID:  containerd://a1b2c3',
      '    Image:         busybox:1.36',
      '    Image ID:      docker.io/library/busybox@sha256:7edf5efe6b86dbf01ccc3c76b32a37a8e23b84e6bad81ce8ae8c221fa456fda8',
      '    Port:          <none>',
      '    Host Port:     <none>',
      '    Command:',
      '      sh',
      '      -c',
      '      echo hi > /work/index.html',
      '    State:          Terminated',
      '      Reason:       Completed',
      '      Exit Code:    0',
      '      Started:      Wed, 01 Jan 2025 00:00:03 +0000',
      '      Finished:     Wed, 01 Jan 2025 00:00:03 +0000',
      '    Ready:          True',
      '    Restart Count:  0',
      '    Environment:    <none>',
      '    Mounts:',
      '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-9t9j9 (ro)',
      '      /work from html (rw)',
      'Containers:',
      '  web:',
      '    Container ID:   containerd://d4e5f6',
      '    Image:          nginx:1.25',
      '    Image ID:       docker.io/library/nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
      '    Port:           80/TCP',
      '    Host Port:      0/TCP',
      '    State:          Running',
      '      Started:      Wed, 01 Jan 2025 00:01:15 +0000',
      '    Last State:     Terminated',
      '      Reason:       Error',
      '      Exit Code:    137',
      '      Started:      Wed, 01 Jan 2025 00:00:05 +0000',
      '      Finished:     Wed, 01 Jan 2025 00:01:14 +0000',
      '    Ready:          True',
      '    Restart Count:  1',
      '    Liveness:       http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3',
      '    Readiness:      exec [cat /tmp/ready] delay=0s timeout=1s period=5s #success=1 #failure=3',
      '    Environment:',
      '      MODE:      demo',
      '      POD_NAME:  myapp-pod (v1:metadata.name)',
      '    Mounts:',
      '      /usr/share/nginx/html from html (rw)',
      '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-9t9j9 (ro)',
      'Conditions:',
      '  Type                        Status',
      '  PodReadyToStartContainers   True ',
      '  Initialized                 True ',
      '  Ready                       True ',
      '  ContainersReady             True ',
      '  PodScheduled                True ',
      'Volumes:',
      '  html:',
      "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
      '    Medium:     ',
      '    SizeLimit:  <unset>',
      '  kube-api-access-9t9j9:',
      '    Type:                    Projected (a volume that contains injected data from multiple sources)',
      '    TokenExpirationSeconds:  3607',
      '    ConfigMapName:           kube-root-ca.crt',
      '    Optional:                false',
      '    DownwardAPI:             true',
      'QoS Class:                   BestEffort',
      'Node-Selectors:              <none>',
      'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
      '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
      'Events:',
      '  Type    Reason     Age   From               Message',
      '  ----    ------     ----  ----               -------',
      '  Normal  Scheduled  100s  default-scheduler  Successfully assigned default/myapp-pod to node-1',
      '  Normal  Pulled     98s   kubelet            spec.initContainers{init-html}: Container image "busybox:1.36" already present on machine and can be accessed by the pod',
      '',
    ]);
  });

  it('aligns "Events: <none>" with the lines above it (no flush)', () => {
    const out = describePod(webPod(), [], at(100));
    expect(
      out.endsWith(
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n' +
          '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n' +
          'Events:                      <none>\n',
      ),
    ).toBe(true);
  });

  it('shows Terminating with how long it lasts and the grace period', () => {
    const base = webPod();
    const pod: Pod = {
      ...base,
      metadata: {
        ...base.metadata,
        deletionTimestamp: '2025-01-01T00:01:00Z',
        deletionGracePeriodSeconds: 30,
      },
    };
    const out = describePod(pod, [], at(75));
    expect(out).toContain('Status:                    Terminating (lasts 15s)\n');
    expect(out).toContain('Termination Grace Period:  30s\n');
  });

  it('prints a controller, Waiting with reason, and several ports', () => {
    const pod = webPod();
    pod.metadata!.ownerReferences = [
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'web-7c9d8b6f5',
        uid: 'u',
        controller: true,
      },
    ];
    pod.spec!.containers[0]!.ports = [
      { containerPort: 80 },
      { containerPort: 443, hostPort: 8443 },
    ];
    pod.status!.containerStatuses![0]!.state = { waiting: { reason: 'CrashLoopBackOff' } };
    const out = describePod(pod, [], at(100));
    expect(out).toContain('\nControlled By:  ReplicaSet/web-7c9d8b6f5\n');
    expect(out).toContain('    Ports:          80/TCP, 443/TCP\n');
    expect(out).toContain('    Host Ports:     0/TCP, 8443/TCP\n');
    expect(out).toContain('    State:          Waiting\n      Reason:       CrashLoopBackOff\n');
  });

  it('a pod not yet scheduled has no node', () => {
    const pod: Pod = { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] } };
    const out = describePod(pod, [], at(0));
    expect(out).toContain('Node:             <none>\n');
    expect(out).toContain('Containers:\n  c:\n    Image:        x\n');
  });
});

describe('describeProbe', () => {
  it.each([
    [{ httpGet: { path: '/', port: 80, scheme: 'HTTP' } }, 'http-get http://:80/'],
    [
      { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTPS', host: '10.0.0.1' } },
      'http-get https://10.0.0.1:http/healthz',
    ],
    [{ tcpSocket: { port: 6379 } }, 'tcp-socket :6379'],
    [{ exec: { command: ['cat', '/tmp/healthy'] } }, 'exec [cat /tmp/healthy]'],
    [{ grpc: { port: 9000, service: 'health' } }, 'grpc <pod>:9000 health'],
  ])('%o → %s', (probe, head) => {
    const p = {
      ...probe,
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    };
    expect(describeProbe(p)).toBe(`${head} delay=0s timeout=1s period=10s #success=1 #failure=3`);
  });
});

describe('podQOS', () => {
  const withResources = (
    requests?: Record<string, string>,
    limits?: Record<string, string>,
  ): Pod => ({
    spec: { containers: [{ name: 'c', resources: { requests, limits } }] },
  });
  it.each([
    [withResources(), 'BestEffort'],
    [withResources({ cpu: '100m' }), 'Burstable'],
    [withResources(undefined, { cpu: '1', memory: '1Gi' }), 'Guaranteed'],
    [withResources({ cpu: '500m', memory: '1Gi' }, { cpu: '1', memory: '1Gi' }), 'Burstable'],
  ])('%#: %s', (pod, qos) => {
    expect(podQOS(pod)).toBe(qos);
  });
});

describe('describePod with a manifest the API server would refuse (issue 22)', () => {
  it.each<[string, unknown, unknown, string]>([
    ['numbers in command', [1, 2], undefined, '    Command:\n      1\n      2\n'],
    [
      'null and objects in args',
      undefined,
      [null, { a: 1 }],
      '    Args:\n      null\n      {"a":1}\n',
    ],
    [
      'command as one string',
      'sh -c "echo hi"',
      undefined,
      '    Command:\n      sh -c "echo hi"\n',
    ],
  ])('%s: prints what it holds instead of throwing', (_, command, args, text) => {
    const pod = {
      metadata: { name: 'p', namespace: 'default' },
      spec: { containers: [{ name: 'app', image: 'busybox', command, args }] },
    } as unknown as Parameters<typeof describePod>[0];
    expect(describePod(pod, [], new Date(0))).toContain(text);
  });
});
