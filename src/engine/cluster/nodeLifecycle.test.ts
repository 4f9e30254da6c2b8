import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import {
  noExecuteDecision,
  nodeConditions,
  nodeTaints,
  withDefaultTolerations,
} from './nodeLifecycle.ts';

const unreachable = nodeTaints({ ready: 'Unknown', memoryPressure: 'False' });

describe('nodeTaints', () => {
  it.each([
    [{ ready: 'True', memoryPressure: 'False' }, []],
    [
      { ready: 'Unknown', memoryPressure: 'False' },
      ['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule'],
    ],
    [
      { ready: 'False', memoryPressure: 'False' },
      ['node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/not-ready:NoSchedule'],
    ],
    [{ ready: 'True', memoryPressure: 'True' }, ['node.kubernetes.io/memory-pressure:NoSchedule']],
  ] as const)('%j', (h, keys) => {
    expect(nodeTaints(h).map((t) => `${t.key}:${t.effect}`)).toEqual(keys);
  });
});

describe('DefaultTolerationSeconds', () => {
  it('adds 300 s not-ready and unreachable tolerations', () => {
    expect(withDefaultTolerations(undefined)).toEqual([
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ]);
  });
  it('keeps a pod’s own toleration for either taint', () => {
    const own = [
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 30,
      },
    ];
    expect(withDefaultTolerations(own)).toHaveLength(2);
    expect(withDefaultTolerations([{ operator: 'Exists' }])).toHaveLength(1);
  });
});

describe('noExecuteDecision', () => {
  const pod = (
    tolerations?: Pod['spec'] extends infer S
      ? S extends { tolerations?: infer T }
        ? T
        : never
      : never,
  ): Pod => ({
    spec: { containers: [], ...(tolerations ? { tolerations } : {}) },
  });
  it.each([
    [
      'default tolerations: 300 s',
      pod(withDefaultTolerations(undefined)),
      { kind: 'after', ms: 300_000 },
    ],
    ['no toleration: now', pod(), { kind: 'now' }],
    ['forever', pod([{ operator: 'Exists' }]), { kind: 'none' }],
    [
      'shortest wins',
      pod([
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 60,
        },
        { operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 120 },
      ]),
      { kind: 'after', ms: 60_000 },
    ],
    ['zero seconds: now', pod([{ operator: 'Exists', tolerationSeconds: 0 }]), { kind: 'now' }],
  ])('%s', (_n, p, out) => {
    expect(noExecuteDecision(p, unreachable)).toEqual(out);
  });
  it('nothing to do without NoExecute taints', () => {
    expect(noExecuteDecision(pod(), nodeTaints({ ready: 'True', memoryPressure: 'True' }))).toEqual(
      { kind: 'none' },
    );
  });
});

describe('nodeConditions', () => {
  const times = { heartbeat: 'H', transitions: { Ready: 'T' } };
  it('a healthy node', () => {
    const c = nodeConditions({ ready: 'True', memoryPressure: 'False' }, times);
    expect(c.map((x) => [x.type, x.status, x.reason])).toEqual([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID'],
      ['Ready', 'True', 'KubeletReady'],
    ]);
  });
  it('a lost node: every condition Unknown', () => {
    const c = nodeConditions({ ready: 'Unknown', memoryPressure: 'False' }, times);
    expect(new Set(c.map((x) => `${x.status} ${x.reason} ${x.message}`))).toEqual(
      new Set(['Unknown NodeStatusUnknown Kubelet stopped posting node status.']),
    );
  });
});
