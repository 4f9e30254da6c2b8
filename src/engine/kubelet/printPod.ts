/**
 * The `kubectl get pods` row, as the server-side printer builds it
 * (pkg/printers/internalversion/printers.go printPod, hasPodReadyCondition,
 * isPodInitializedConditionTrue, translateTimestampSince).
 */
import type { ContainerStatus } from 'kubernetes-types/core/v1';
import { humanDuration } from './humanDuration.ts';
import { initContainersOf, isRestartableInitContainer } from './podUtil.ts';
import type { KContainer, PodRow, RowCondition, V1Pod } from './runtimeView.ts';

/** node.NodeUnreachablePodReason */
const NODE_LOST = 'NodeLost';

/** Parses an RFC 3339 timestamp; `undefined` (Go's zero time) when absent or unparsable. */
function toMs(ts: string | undefined): number | undefined {
  if (ts === undefined || ts === '') return undefined;
  const ms = new Date(ts).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

/** translateTimestampSince: `<unknown>` for a zero timestamp. */
export function translateTimestampSince(ts: string | undefined, now: Date): string {
  const ms = toMs(ts);
  if (ms === undefined) return '<unknown>';
  return humanDuration(now.getTime() - ms);
}

function lastFinished(s: ContainerStatus): number | undefined {
  return toMs(s.lastState?.terminated?.finishedAt);
}

function terminatedReason(
  prefix: string,
  t: NonNullable<ContainerStatus['state']>['terminated'],
): string {
  if (!t) return '';
  if (t.reason) return prefix + t.reason;
  if (t.signal) return `${prefix}Signal:${t.signal}`;
  return `${prefix}ExitCode:${t.exitCode ?? 0}`;
}

export function printPod(pod: V1Pod, now: Date): PodRow {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const phase = status.phase ?? '';
  let reason: string = phase;
  if (status.reason) reason = status.reason;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  let rowCondition: RowCondition | undefined;
  if (phase === 'Succeeded') {
    rowCondition = {
      type: 'Completed',
      status: 'True',
      reason: 'Succeeded',
      message: 'The pod has completed successfully.',
    };
  } else if (phase === 'Failed') {
    rowCondition = {
      type: 'Completed',
      status: 'True',
      reason: 'Failed',
      message: 'The pod failed.',
    };
  }

  const initSpecs = new Map<string, KContainer>();
  let total = spec?.containers?.length ?? 0;
  for (const c of initContainersOf(pod)) {
    initSpecs.set(c.name, c);
    if (isRestartableInitContainer(c)) total++;
  }

  let restarts = 0;
  let sidecarRestarts = 0;
  let ready = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  const later = (a: number | undefined, b: number | undefined): number | undefined =>
    b !== undefined && (a === undefined || a < b) ? b : a;

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const s = initStatuses[i]!;
    const sidecar = isRestartableInitContainer(initSpecs.get(s.name));
    restarts += s.restartCount ?? 0;
    lastRestart = later(lastRestart, lastFinished(s));
    if (sidecar) {
      sidecarRestarts += s.restartCount ?? 0;
      lastSidecarRestart = later(lastSidecarRestart, lastFinished(s));
    }
    const st = s.state ?? {};
    if (st.terminated && (st.terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && s.started === true) {
      if (s.ready) ready++;
      continue;
    }
    if (st.terminated) {
      reason = terminatedReason('Init:', st.terminated);
    } else if (st.waiting?.reason && st.waiting.reason !== 'PodInitializing') {
      reason = `Init:${st.waiting.reason}`;
    } else {
      reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = (status.conditions ?? []).some(
    (c) => c.type === 'Initialized' && c.status === 'True',
  );
  if (!initializing || initializedTrue) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const s = statuses[i]!;
      restarts += s.restartCount ?? 0;
      lastRestart = later(lastRestart, lastFinished(s));
      const st = s.state ?? {};
      if (st.waiting?.reason) {
        reason = st.waiting.reason;
      } else if (st.terminated) {
        reason = terminatedReason('', st.terminated);
      } else if (s.ready && st.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some(
        (c) => c.type === 'Ready' && c.status === 'True',
      );
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === NODE_LOST) {
    reason = 'Unknown';
  } else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) {
    restartsStr = `${restarts} (${humanDuration(now.getTime() - lastRestart)} ago)`;
  }

  const row: PodRow = {
    name: pod.metadata?.name ?? '',
    ready: `${ready}/${total}`,
    status: reason,
    restarts: restartsStr,
    age: translateTimestampSince(pod.metadata?.creationTimestamp, now),
  };
  if (rowCondition) row.rowCondition = rowCondition;
  return row;
}
