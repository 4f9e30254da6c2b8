/**
 * Evaluates a lesson step's check against pods (from a frame or a simulation).
 * Pure: the lesson panel and the unit tests share it.
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { LessonCheck } from './types.ts';

function statusOf(pod: Pod, name: string): ContainerStatus | undefined {
  return [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ].find((s) => s.name === name);
}

/** A `kubectl get pods` row, as far as checks read it. */
export interface RowLike {
  name: string;
  status: string;
}

/** Returns the unmet parts of the check (empty when the state is reached). */
export function unmet(
  check: LessonCheck,
  pods: readonly Pod[],
  rows: readonly RowLike[] = [],
): string[] {
  const out: string[] = [];
  const pod = check.pod ? pods.find((p) => p.metadata?.name === check.pod) : pods[0];
  if (check.runningPodsAtLeast !== undefined) {
    const n = pods.filter(
      (p) => !p.metadata?.deletionTimestamp && p.status?.phase === 'Running',
    ).length;
    if (n < check.runningPodsAtLeast) out.push(`running pods ${n} < ${check.runningPodsAtLeast}`);
  }
  if (check.podsAtLeast !== undefined && pods.length < check.podsAtLeast)
    out.push(`pods ${pods.length} < ${check.podsAtLeast}`);
  if (!pod) return [...out, 'no pod'];
  if (check.statusIn) {
    const status = rows.find((r) => r.name === pod.metadata?.name)?.status;
    if (!status || !check.statusIn.includes(status))
      out.push(`STATUS ${status} ∉ ${check.statusIn.join('|')}`);
  }
  if (check.phase && pod.status?.phase !== check.phase)
    out.push(`phase ${pod.status?.phase} ≠ ${check.phase}`);
  if (check.podDeleted !== undefined && !!pod.metadata?.deletionTimestamp !== check.podDeleted)
    out.push(`deleted ≠ ${check.podDeleted}`);
  if (check.container === undefined) return out;
  const s = statusOf(pod, check.container);
  if (!s) return [...out, `no status for ${check.container}`];
  const restarts = s.restartCount ?? 0;
  if (check.running !== undefined && (s.state?.running !== undefined) !== check.running)
    out.push(`running ≠ ${check.running}`);
  if (check.ready !== undefined && !!s.ready !== check.ready) out.push(`ready ≠ ${check.ready}`);
  if (check.restartsAtLeast !== undefined && restarts < check.restartsAtLeast)
    out.push(`restarts ${restarts} < ${check.restartsAtLeast}`);
  if (check.restartsAtMost !== undefined && restarts > check.restartsAtMost)
    out.push(`restarts ${restarts} > ${check.restartsAtMost}`);
  if (check.waitingReasonIn && !check.waitingReasonIn.includes(s.state?.waiting?.reason ?? ''))
    out.push(`waiting reason ${s.state?.waiting?.reason} ∉ ${check.waitingReasonIn.join('|')}`);
  const term = s.state?.terminated;
  if (check.terminatedReason !== undefined && term?.reason !== check.terminatedReason)
    out.push(`terminated reason ${term?.reason} ≠ ${check.terminatedReason}`);
  if (check.exitCode !== undefined) {
    const code = (term ?? s.lastState?.terminated)?.exitCode;
    if (code !== check.exitCode) out.push(`exit code ${code} ≠ ${check.exitCode}`);
  }
  return out;
}

export function reached(
  checks: readonly LessonCheck[],
  pods: readonly Pod[],
  rows: readonly RowLike[] = [],
): boolean {
  return checks.every((c) => unmet(c, pods, rows).length === 0);
}
