/**
 * `spec.activeDeadlineSeconds` (kubelet `pkg/kubelet/active_deadline.go`): once
 * a pod has been active on the node — since its `status.startTime`, when the
 * kubelet first synced it — for longer than the deadline, the kubelet's sync
 * loop (1 s ticks) marks it Failed with reason `DeadlineExceeded`, records a
 * Normal `DeadlineExceeded` event and kills its containers.
 */
import type { SimEvent } from './types.ts';
import type { PodState } from './state.ts';

export const DEADLINE_MESSAGE = 'Pod was active on the node longer than the specified deadline';

/** When the deadline passes (absolute ms), or undefined without one. */
export function activeDeadlineAt(p: PodState): number | undefined {
  const secs = p.api.spec?.activeDeadlineSeconds;
  if (secs === undefined || secs === null || p.firstSyncMs === undefined) return undefined;
  if (!Number.isFinite(secs) || secs <= 0) return undefined;
  return p.firstSyncMs + secs * 1000;
}

export function deadlineEvent(p: PodState, atMs: number): SimEvent {
  return {
    atMs,
    type: 'Normal',
    reason: 'DeadlineExceeded',
    message: DEADLINE_MESSAGE,
    object: { kind: 'Pod', name: p.name },
  };
}
