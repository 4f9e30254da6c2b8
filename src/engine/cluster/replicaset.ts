/**
 * The ReplicaSet controller's decisions (pkg/controller/replicaset,
 * pkg/controller/controller_utils.go), as pure functions over plain data:
 * which pods count, how many to create or which to delete, and the status
 * it writes back.
 */

/** What the controller reads of one pod it owns. */
export interface OwnedPod {
  name: string;
  /** status.phase. */
  phase: string;
  /** metadata.deletionTimestamp is set. */
  deleting: boolean;
  /** spec.nodeName ('' while unscheduled). */
  node: string;
  /** The Ready condition is True. */
  ready: boolean;
  /** When Ready last turned True (ms), for availability and ranking. */
  readySinceMs?: number;
  restarts: number;
  createdAtMs: number;
}

/** `BurstReplicas`: at most this many creates or deletes per sync. */
export const BURST_REPLICAS = 500;

/** `controller.IsPodActive`: not finished and not being deleted. */
export function isPodActive(p: OwnedPod): boolean {
  return p.phase !== 'Succeeded' && p.phase !== 'Failed' && !p.deleting;
}

/** `podutil.IsPodAvailable`: Ready for at least `minReadySeconds`. */
export function isPodAvailable(p: OwnedPod, minReadySeconds: number, nowMs: number): boolean {
  if (!p.ready) return false;
  if (minReadySeconds <= 0) return true;
  return p.readySinceMs !== undefined && p.readySinceMs + minReadySeconds * 1000 <= nowMs;
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * Deletion order (`controller.ActivePodsWithRanks.Less`, the ones to delete
 * first come first): unassigned before assigned; Pending, then Unknown, then
 * Running; not ready before ready; more pods of the set on the same node
 * first; ready for less time first; more restarts first; newer first.
 */
export function deletionOrder(pods: OwnedPod[], nowMs: number): OwnedPod[] {
  const perNode: Record<string, number> = {};
  for (const p of pods) if (p.node) perNode[p.node] = (perNode[p.node] ?? 0) + 1;
  const rank = (p: OwnedPod) => (p.node ? (perNode[p.node] ?? 0) : 0);
  return [...pods].sort((a, b) => {
    if ((a.node === '') !== (b.node === '')) return a.node === '' ? -1 : 1;
    const pa = PHASE_RANK[a.phase] ?? 2;
    const pb = PHASE_RANK[b.phase] ?? 2;
    if (pa !== pb) return pa - pb;
    if (a.ready !== b.ready) return a.ready ? 1 : -1;
    if (rank(a) !== rank(b)) return rank(b) - rank(a);
    if (a.ready && b.ready) {
      const ra = nowMs - (a.readySinceMs ?? nowMs);
      const rb = nowMs - (b.readySinceMs ?? nowMs);
      if (ra !== rb) return ra - rb;
    }
    if (a.restarts !== b.restarts) return b.restarts - a.restarts;
    if (a.createdAtMs !== b.createdAtMs) return b.createdAtMs - a.createdAtMs;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}

export interface ReconcileDecision {
  /** How many pods to create now. */
  create: number;
  /** Names of the pods to delete now, in order. */
  delete: string[];
}

/** `manageReplicas`: desired `replicas` against the active pods. */
export function reconcileReplicaSet(
  replicas: number,
  pods: OwnedPod[],
  nowMs: number,
): ReconcileDecision {
  const active = pods.filter(isPodActive);
  const diff = active.length - Math.max(0, replicas);
  if (diff < 0) return { create: Math.min(-diff, BURST_REPLICAS), delete: [] };
  if (diff > 0)
    return {
      create: 0,
      delete: deletionOrder(active, nowMs)
        .slice(0, Math.min(diff, BURST_REPLICAS))
        .map((p) => p.name),
    };
  return { create: 0, delete: [] };
}

/** Batch sizes of `slowStartBatch`: 1, 2, 4 … until `count` is reached. */
export function slowStartBatches(count: number, initial = 1): number[] {
  const out: number[] = [];
  let left = count;
  let size = Math.min(left, initial);
  while (size > 0) {
    out.push(size);
    left -= size;
    size = Math.min(2 * size, left);
  }
  return out;
}

export interface ReplicaSetStatusCounts {
  replicas: number;
  fullyLabeledReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  /** Pods being deleted (status.terminatingReplicas, DeploymentReplicaSetTerminatingReplicas). */
  terminatingReplicas: number;
}

/** `calculateStatus`: counts over the active pods (terminating ones apart). */
export function replicaSetStatus(
  pods: OwnedPod[],
  minReadySeconds: number,
  nowMs: number,
): ReplicaSetStatusCounts {
  const active = pods.filter(isPodActive);
  return {
    replicas: active.length,
    fullyLabeledReplicas: active.length,
    readyReplicas: active.filter((p) => p.ready).length,
    availableReplicas: active.filter((p) => isPodAvailable(p, minReadySeconds, nowMs)).length,
    terminatingReplicas: pods.filter(
      (p) => p.deleting && p.phase !== 'Succeeded' && p.phase !== 'Failed',
    ).length,
  };
}

/** The controller's event messages (RealPodControl, on the ReplicaSet). */
export const replicaSetMessages = {
  created: (pod: string) => `Created pod: ${pod}`,
  deleted: (pod: string) => `Deleted pod: ${pod}`,
};
