/**
 * Done-when of issue 6: the same node failure, for a bare pod and for a
 * 2-replica ReplicaSet. The bare pod is lost for good; the ReplicaSet is
 * back to 2 Running pods on the healthy node within Kubernetes' timings
 * (50 s node-monitor grace + 300 s toleration + scheduling and start-up).
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/simulation.ts';
import type { Simulation } from '../sim/types.ts';

const BARE = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: { app: web }
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`;

const RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

const FAIL_AT = 30_000;
const GRACE = 50_000;
const TOLERATION = 300_000;

function live(s: Simulation) {
  return s.pods().filter((p) => !p.metadata?.deletionTimestamp);
}

function running(s: Simulation) {
  return live(s).filter(
    (p) =>
      p.status?.phase === 'Running' &&
      p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
  );
}

function start(manifest: string): Simulation {
  const s = createSimulation({ manifest, seed: 7, cluster: { images: ['nginx:1.27'] } });
  s.advanceTo(FAIL_AT);
  return s;
}

describe('node failure: bare pod vs ReplicaSet', () => {
  it('the bare pod is lost for good', () => {
    const s = start(BARE);
    const node = s.pod('web').spec!.nodeName!;
    s.dispatch({ kind: 'node-failure', node });
    s.advanceTo(FAIL_AT + GRACE + 1000);
    expect(s.nodes().find((n) => n.metadata!.name === node)!.spec!.taints).toEqual([
      expect.objectContaining({ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }),
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
    ]);
    expect(s.pod('web').status!.conditions!.find((c) => c.type === 'Ready')!.status).toBe('False');
    s.advanceTo(FAIL_AT + GRACE + TOLERATION + 1000);
    const ev = s.events().find((e) => e.reason === 'TaintManagerEviction')!;
    expect(ev.message).toBe('Marking for deletion Pod default/web');
    expect(ev.atMs).toBeGreaterThanOrEqual(FAIL_AT + GRACE + TOLERATION);
    expect(ev.atMs).toBeLessThanOrEqual(FAIL_AT + GRACE + TOLERATION + 5000);
    s.advanceTo(FAIL_AT + 3_600_000);
    expect(s.pods()).toHaveLength(1);
    expect(s.printRows()[0]!.status).toBe('Terminating');
    expect(
      s.pod('web').status!.conditions!.find((c) => c.type === 'DisruptionTarget'),
    ).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
    });
  });

  it('the ReplicaSet is back to 2 Running pods on the healthy node', () => {
    const s = start(RS);
    expect(running(s)).toHaveLength(2);
    const names = s.pods().map((p) => p.metadata!.name!);
    for (const n of names) expect(n).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    // Spread over both nodes; fail the node of the first pod.
    const nodes = new Set(s.pods().map((p) => p.spec!.nodeName));
    expect(nodes.size).toBe(2);
    const failed = s.pod(names[0]).spec!.nodeName!;
    const healthy = [...nodes].find((n) => n !== failed)!;
    s.dispatch({ kind: 'node-failure', node: failed });
    s.advanceTo(FAIL_AT + GRACE + TOLERATION - 1000);
    expect(s.pods()).toHaveLength(2); // nothing replaced before the toleration ends
    s.advanceTo(FAIL_AT + GRACE + TOLERATION + 5000);
    const creates = s.events().filter((e) => e.reason === 'SuccessfulCreate');
    expect(creates).toHaveLength(3);
    const replacement = creates[2]!.message.replace('Created pod: ', '');
    expect(creates[2]!.object).toEqual({ kind: 'ReplicaSet', name: 'web' });
    const evicted = s.events().find((e) => e.reason === 'TaintManagerEviction')!;
    expect(creates[2]!.atMs - evicted.atMs).toBeLessThan(100);
    expect(s.pod(replacement).spec!.nodeName).toBe(healthy);
    s.advanceTo(FAIL_AT + GRACE + TOLERATION + 30_000);
    const up = running(s);
    expect(up).toHaveLength(2);
    expect(up.every((p) => p.spec!.nodeName === healthy)).toBe(true);
    // The lost pod stays Terminating; the bare pod would never come back, this one was replaced.
    expect(s.pods()).toHaveLength(3);
    expect(s.printRows().filter((r) => r.status === 'Terminating')).toHaveLength(1);
  });

  it('node-recover: the pod deleted meanwhile is finally killed and removed', () => {
    const s = start(RS);
    const first = s.pods()[0]!;
    const failed = first.spec!.nodeName!;
    s.dispatch({ kind: 'node-failure', node: failed });
    s.advanceTo(FAIL_AT + GRACE + TOLERATION + 30_000);
    s.dispatch({ kind: 'node-recover', node: failed });
    s.advanceTo(FAIL_AT + GRACE + TOLERATION + 120_000);
    const lost = s.pod(first.metadata!.name);
    expect(lost.metadata!.deletionTimestamp).toBeDefined();
    expect(s.runtime(first.metadata!.name).deleted).toBe(true);
    expect(running(s)).toHaveLength(2);
    expect(s.nodes().find((n) => n.metadata!.name === failed)!.spec!.taints).toBeUndefined();
  });

  it('a node back before the toleration ends: containers kept running, the eviction is cancelled', () => {
    const s = start(BARE);
    const before = s.pod('web').status!.containerStatuses![0]!;
    s.dispatch({ kind: 'node-failure', node: 'node-1' });
    s.advanceTo(FAIL_AT + GRACE + 60_000);
    expect(s.pod('web').status!.conditions!.find((c) => c.type === 'Ready')!.status).toBe('False');
    s.dispatch({ kind: 'node-recover', node: 'node-1' });
    s.advanceTo(FAIL_AT + GRACE + 70_000);
    expect(s.events().find((e) => e.reason === 'TaintManagerEviction')!.message).toBe(
      'Cancelling deletion of Pod default/web',
    );
    const after = s.pod('web').status!.containerStatuses![0]!;
    expect(after.restartCount).toBe(0);
    expect(after.containerID).toBe(before.containerID);
    expect(s.pod('web').status!.conditions!.find((c) => c.type === 'Ready')!.status).toBe('True');
    s.advanceTo(FAIL_AT + GRACE + TOLERATION + 60_000);
    expect(s.printRows()[0]!.status).toBe('Running');
  });
});
