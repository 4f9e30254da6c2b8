import type { Pod, Taint } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createRng } from '../sim/rng.ts';
import { fitErrorMessage, podRequests, schedulePod, toleratesTaint } from './scheduler.ts';
import type { SchedNode } from './scheduler.ts';

const GI = 1024 ** 3;

function node(name: string, over: Partial<SchedNode> = {}): SchedNode {
  return {
    name,
    labels: { 'kubernetes.io/hostname': name },
    taints: [],
    allocatable: { milliCpu: 2000, memory: 4 * GI, pods: 110 },
    requested: { milliCpu: 0, memory: 0, pods: 0 },
    nonZeroRequested: { milliCpu: 0, memory: 0 },
    ...over,
  };
}

function pod(cpu?: string, memory?: string, extra: Partial<Pod['spec']> = {}): Pod {
  const requests: Record<string, string> = {};
  if (cpu) requests.cpu = cpu;
  if (memory) requests.memory = memory;
  return {
    metadata: { name: 'p', namespace: 'default' },
    spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests } }], ...extra },
  };
}

describe('podRequests', () => {
  it('sums containers, takes the init peak, counts sidecars', () => {
    const p: Pod = {
      spec: {
        initContainers: [
          { name: 'i1', resources: { requests: { cpu: '1500m' } } },
          { name: 's', restartPolicy: 'Always', resources: { requests: { cpu: '100m' } } } as never,
          { name: 'i2', resources: { requests: { cpu: '300m' } } },
        ],
        containers: [
          { name: 'a', resources: { requests: { cpu: '200m', memory: '64Mi' } } },
          { name: 'b', resources: { limits: { cpu: '300m' } } },
        ],
      },
    };
    expect(podRequests(p)).toEqual({ milliCpu: 1500, memory: 64 * 1024 * 1024 });
    const q: Pod = { spec: { ...p.spec!, initContainers: p.spec!.initContainers!.slice(1) } };
    expect(podRequests(q).milliCpu).toBe(600);
  });
  it('non-zero defaults for scoring', () => {
    expect(podRequests(pod(), true)).toEqual({ milliCpu: 100, memory: 200 * 1024 * 1024 });
  });
});

describe('FitError', () => {
  it.each<[string, Record<string, string[]>, string]>([
    [
      'cpu everywhere',
      { a: ['Insufficient cpu'], b: ['Insufficient cpu'] },
      '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    ],
    [
      'cpu and taint',
      { a: ['Insufficient cpu'], b: ['node(s) had untolerated taint(s)'] },
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
    ],
    [
      'two reasons on one node',
      { a: ['Insufficient cpu', 'Insufficient memory'], b: ['Insufficient memory'] },
      '0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    ],
  ])('%s', (_n, reasons, msg) => {
    expect(fitErrorMessage(2, reasons)).toBe(msg);
  });
});

describe('schedulePod', () => {
  const rng = () => createRng(1);
  it('respects requests', () => {
    const r = schedulePod(pod('3'), [node('node-1'), node('node-2')], rng());
    expect(r.node).toBeUndefined();
    expect(r.message).toBe(
      '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    );
  });
  it('filters tainted nodes and the unreachable taint blocks even tolerating pods (NoSchedule)', () => {
    const unreachable: Taint[] = [
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
    ];
    const p = pod('100m', undefined, {
      tolerations: [
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
    });
    const r = schedulePod(p, [node('node-1', { taints: unreachable }), node('node-2')], rng());
    expect(r.node).toBe('node-2');
    expect(r.reasons['node-1']).toEqual(['node(s) had untolerated taint(s)']);
  });
  it('prefers the less loaded node and spreads a controller’s pods', () => {
    const busy = node('node-1', {
      requested: { milliCpu: 1000, memory: GI, pods: 3 },
      nonZeroRequested: { milliCpu: 1000, memory: GI },
    });
    expect(schedulePod(pod('100m'), [busy, node('node-2')], rng()).node).toBe('node-2');
    const spread = schedulePod(
      pod(),
      [node('node-1', { ownerPods: 1 }), node('node-2', { ownerPods: 0 })],
      rng(),
    );
    expect(spread.node).toBe('node-2');
  });
  it('Too many pods; nodeSelector; nodeName', () => {
    const full = node('node-1', {
      allocatable: { milliCpu: 2000, memory: GI, pods: 1 },
      requested: { milliCpu: 0, memory: 0, pods: 1 },
    });
    expect(schedulePod(pod(), [full], rng()).message).toBe(
      '0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
    const sel = schedulePod(
      pod(undefined, undefined, { nodeSelector: { disk: 'ssd' } }),
      [node('a'), node('b')],
      rng(),
    );
    expect(sel.message).toBe(
      "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
  });
  it('ties are drawn from the seeded stream, replayably', () => {
    const picks = new Set<string>();
    for (let s = 0; s < 20; s++)
      picks.add(schedulePod(pod(), [node('a'), node('b')], createRng(s)).node!);
    expect(picks).toEqual(new Set(['a', 'b']));
    expect(schedulePod(pod(), [node('a'), node('b')], createRng(5)).node).toBe(
      schedulePod(pod(), [node('a'), node('b')], createRng(5)).node,
    );
  });
});

describe('toleratesTaint', () => {
  const taint: Taint = { key: 'k', value: 'v', effect: 'NoSchedule' };
  it.each([
    [{ key: 'k', operator: 'Exists' }, true],
    [{ operator: 'Exists' }, true],
    [{ key: 'k', value: 'v' }, true],
    [{ key: 'k', value: 'w' }, false],
    [{ key: 'k', operator: 'Exists', effect: 'NoExecute' }, false],
    [{ key: 'x', operator: 'Exists' }, false],
  ])('%j → %s', (t, ok) => {
    expect(toleratesTaint(t, taint)).toBe(ok);
  });
});
