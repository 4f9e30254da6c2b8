import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deletionOrder,
  reconcileReplicaSet,
  replicaSetStatus,
  slowStartBatches,
} from './replicaset.ts';
import type { OwnedPod } from './replicaset.ts';

const p = (name: string, over: Partial<OwnedPod> = {}): OwnedPod => ({
  name,
  phase: 'Running',
  deleting: false,
  node: 'node-1',
  ready: true,
  readySinceMs: 0,
  restarts: 0,
  createdAtMs: 0,
  ...over,
});

describe('reconcileReplicaSet', () => {
  it.each<[string, number, OwnedPod[], { create: number; delete: string[] }]>([
    ['from nothing', 2, [], { create: 2, delete: [] }],
    ['steady', 2, [p('a'), p('b')], { create: 0, delete: [] }],
    [
      'a terminating pod does not count',
      2,
      [p('a'), p('b', { deleting: true })],
      { create: 1, delete: [] },
    ],
    [
      'an evicted (Failed) pod does not count',
      2,
      [p('a'), p('b', { phase: 'Failed' })],
      { create: 1, delete: [] },
    ],
    [
      'scale down: pending first',
      1,
      [p('a'), p('b', { phase: 'Pending', ready: false })],
      { create: 0, delete: ['b'] },
    ],
    [
      'scale down: unassigned first',
      1,
      [
        p('a', { node: '', phase: 'Pending', ready: false }),
        p('b', { phase: 'Pending', ready: false }),
      ],
      { create: 0, delete: ['a'] },
    ],
    [
      'scale down: newer first',
      1,
      [p('a'), p('b', { createdAtMs: 5 })],
      { create: 0, delete: ['b'] },
    ],
    ['scale to zero', 0, [p('a'), p('b', { deleting: true })], { create: 0, delete: ['a'] }],
  ])('%s', (_n, replicas, pods, out) => {
    expect(reconcileReplicaSet(replicas, pods, 10_000)).toEqual(out);
  });
});

describe('deletionOrder', () => {
  it('not ready before ready, doubled-up nodes first, more restarts first', () => {
    const order = deletionOrder(
      [
        p('ready-alone', { node: 'n2' }),
        p('ready-doubled', { node: 'n1' }),
        p('ready-doubled-2', { node: 'n1', restarts: 3 }),
        p('notready', { node: 'n3', ready: false }),
      ],
      1000,
    ).map((x) => x.name);
    expect(order).toEqual(['notready', 'ready-doubled-2', 'ready-doubled', 'ready-alone']);
  });
});

describe('status and batches', () => {
  it('counts', () => {
    expect(
      replicaSetStatus(
        [
          p('a'),
          p('b', { ready: false, phase: 'Pending' }),
          p('c', { deleting: true }),
          p('d', { ready: true, readySinceMs: 9_500 }),
        ],
        1,
        10_000,
      ),
    ).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 2,
      availableReplicas: 1,
      terminatingReplicas: 1,
    });
  });
  it.each([
    [0, []],
    [1, [1]],
    [3, [1, 2]],
    [10, [1, 2, 4, 3]],
  ])('slowStartBatches(%d)', (n, out) => {
    expect(slowStartBatches(n)).toEqual(out);
  });
});

describe('property: reconciling converges to replicas', () => {
  it('applying the decisions leaves exactly `replicas` active pods', () => {
    const arb = fc.record({
      replicas: fc.integer({ min: 0, max: 8 }),
      pods: fc.array(
        fc.record({
          phase: fc.constantFrom('Pending', 'Running', 'Failed', 'Succeeded', 'Unknown'),
          deleting: fc.boolean(),
          ready: fc.boolean(),
          restarts: fc.integer({ min: 0, max: 5 }),
          node: fc.constantFrom('', 'n1', 'n2'),
        }),
        { maxLength: 12 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ replicas, pods }) => {
        const owned = pods.map((x, i) => p(`p${i}`, { ...x, createdAtMs: i }));
        const d = reconcileReplicaSet(replicas, owned, 100);
        const after = owned
          .map((x) => (d.delete.includes(x.name) ? { ...x, deleting: true } : x))
          .concat(
            Array.from({ length: d.create }, (_, i) =>
              p(`new${i}`, { phase: 'Pending', node: '' }),
            ),
          );
        const again = reconcileReplicaSet(replicas, after, 100);
        return (
          after.filter((x) => x.phase !== 'Failed' && x.phase !== 'Succeeded' && !x.deleting)
            .length === replicas &&
          again.create === 0 &&
          again.delete.length === 0
        );
      }),
    );
  });
});
