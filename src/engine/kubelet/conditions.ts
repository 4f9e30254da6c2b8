/**
 * The kubelet-owned pod conditions (pkg/kubelet/status/generate.go).
 *
 * Every function returns `{ type, status, reason, message }` with `''` for
 * an empty reason or message, exactly the four fields the kubelet fills
 * (besides timestamps and observedGeneration, which a pure function cannot know).
 * The phase is read from `pod.status.phase`. The kubelet passes one combined
 * list of init and regular container statuses; "both arrays absent" is its nil list.
 */
import type { ContainerStatus, PodCondition } from 'kubernetes-types/core/v1';
import {
  containersOf,
  findStatus,
  goList,
  initContainersOf,
  isRestartableInitContainer,
} from './podUtil.ts';
import { POD_SANDBOX_NOT_READY_REASON, podSandboxChanged } from './sandbox.ts';
import type { KContainer, RuntimeView, V1Pod } from './runtimeView.ts';

export const REASON_UNKNOWN_CONTAINER_STATUSES = 'UnknownContainerStatuses';
export const REASON_POD_COMPLETED = 'PodCompleted';
export const REASON_POD_FAILED = 'PodFailed';
export const REASON_CONTAINERS_NOT_READY = 'ContainersNotReady';
export const REASON_CONTAINERS_NOT_INITIALIZED = 'ContainersNotInitialized';
export const REASON_READINESS_GATES_NOT_READY = 'ReadinessGatesNotReady';

export type KubeletCondition = PodCondition & {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
};

function cond(type: string, status: 'True' | 'False', reason = '', message = ''): KubeletCondition {
  return { type, status, reason, message };
}

/** The combined status list, or `undefined` for the kubelet's nil list. */
function allStatuses(pod: V1Pod): ContainerStatus[] | undefined {
  const init = pod.status?.initContainerStatuses;
  const regular = pod.status?.containerStatuses;
  if (init === undefined && regular === undefined) return undefined;
  return [...(init ?? []), ...(regular ?? [])];
}

function phaseOf(pod: V1Pod): string {
  return pod.status?.phase ?? '';
}

/** ContainersReady: sidecars and regular containers must all report `ready`. */
export function containersReadyCondition(pod: V1Pod): KubeletCondition {
  const statuses = allStatuses(pod);
  if (statuses === undefined) {
    return cond('ContainersReady', 'False', REASON_UNKNOWN_CONTAINER_STATUSES);
  }
  const unknown: string[] = [];
  const unready: string[] = [];
  const consider = (c: KContainer): void => {
    const s = findStatus(statuses, c.name);
    if (!s) unknown.push(c.name);
    else if (s.ready !== true) unready.push(c.name);
  };
  for (const c of initContainersOf(pod)) if (isRestartableInitContainer(c)) consider(c);
  for (const c of containersOf(pod)) consider(c);

  const phase = phaseOf(pod);
  if (phase === 'Succeeded' && unknown.length === 0) {
    return cond('ContainersReady', 'False', REASON_POD_COMPLETED);
  }
  if (phase === 'Failed') return cond('ContainersReady', 'False', REASON_POD_FAILED);

  const parts: string[] = [];
  if (unknown.length > 0) parts.push(`containers with unknown status: ${goList(unknown)}`);
  if (unready.length > 0) parts.push(`containers with unready status: ${goList(unready)}`);
  if (parts.length > 0) {
    return cond('ContainersReady', 'False', REASON_CONTAINERS_NOT_READY, parts.join(', '));
  }
  return cond('ContainersReady', 'True');
}

/** Ready: ContainersReady, then every readiness gate's condition must be True. */
export function podReadyCondition(pod: V1Pod): KubeletCondition {
  const cr = containersReadyCondition(pod);
  if (cr.status !== 'True') return cond('Ready', cr.status, cr.reason, cr.message);

  const conditions = pod.status?.conditions ?? [];
  const parts: string[] = [];
  for (const gate of pod.spec?.readinessGates ?? []) {
    const type = gate.conditionType;
    const c = conditions.find((x) => x.type === type);
    if (!c) {
      parts.push(
        `corresponding condition of pod readiness gate ${JSON.stringify(type)} does not exist.`,
      );
    } else if (c.status !== 'True') {
      parts.push(
        `the status of pod readiness gate ${JSON.stringify(type)} is not "True", but ${c.status ?? ''}`,
      );
    }
  }
  if (parts.length > 0) {
    return cond('Ready', 'False', REASON_READINESS_GATES_NOT_READY, parts.join(', '));
  }
  return cond('Ready', 'True');
}

function initContainerDone(c: KContainer, s: ContainerStatus): boolean {
  return isRestartableInitContainer(c) ? s.started === true : s.ready === true;
}

/** kubecontainer.HasAnyRegularContainerStarted: some regular container's status is running or terminated. */
function anyRegularContainerStarted(pod: V1Pod, statuses: readonly ContainerStatus[]): boolean {
  for (const c of containersOf(pod)) {
    const s = findStatus(statuses, c.name);
    if (s && (s.state?.running || s.state?.terminated)) return true;
  }
  return false;
}

/** Initialized: every init container done (regular: ready; sidecar: started). */
export function initializedCondition(pod: V1Pod): KubeletCondition {
  const statuses = allStatuses(pod);
  const inits = initContainersOf(pod);
  if (statuses === undefined && inits.length > 0) {
    return cond('Initialized', 'False', REASON_UNKNOWN_CONTAINER_STATUSES);
  }
  const list = statuses ?? [];
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of inits) {
    const s = findStatus(list, c.name);
    if (!s) unknown.push(c.name);
    else if (!initContainerDone(c, s)) incomplete.push(c.name);
  }
  if (phaseOf(pod) === 'Succeeded' && unknown.length === 0) {
    return cond('Initialized', 'True', REASON_POD_COMPLETED);
  }
  if (anyRegularContainerStarted(pod, list)) return cond('Initialized', 'True');

  const parts: string[] = [];
  if (unknown.length > 0) parts.push(`containers with unknown status: ${goList(unknown)}`);
  if (incomplete.length > 0) parts.push(`containers with incomplete status: ${goList(incomplete)}`);
  if (parts.length > 0) {
    return cond('Initialized', 'False', REASON_CONTAINERS_NOT_INITIALIZED, parts.join(', '));
  }
  return cond('Initialized', 'True');
}

/** PodReadyToStartContainers: True exactly when no new sandbox is needed. */
export function readyToStartContainersCondition(
  pod: V1Pod,
  runtime: RuntimeView,
): KubeletCondition {
  const d = podSandboxChanged(pod, runtime);
  if (!d.changed) return cond('PodReadyToStartContainers', 'True');
  return cond('PodReadyToStartContainers', 'False', POD_SANDBOX_NOT_READY_REASON, d.message);
}

/** PodScheduled as the kubelet writes it. */
export function podScheduledCondition(): KubeletCondition {
  return cond('PodScheduled', 'True');
}

/** pkg/kubelet/types PodConditionsByKubelet (+ PodReadyToStartContainers, gate on). */
const KUBELET_OWNED = new Set([
  'PodScheduled',
  'Ready',
  'Initialized',
  'ContainersReady',
  'PodResizeInProgress',
  'PodResizePending',
  'PodReadyToStartContainers',
]);

/**
 * All pod conditions as generateAPIPodStatus writes them: conditions the
 * kubelet does not own (readiness-gate conditions, DisruptionTarget…) kept
 * first in their order, then PodReadyToStartContainers, Initialized, Ready,
 * ContainersReady, PodScheduled. Ready sees the kept conditions (readiness gates).
 */
export function kubeletPodConditions(pod: V1Pod, runtime: RuntimeView): PodCondition[] {
  const kept = (pod.status?.conditions ?? []).filter((c) => !KUBELET_OWNED.has(c.type));
  return [
    ...kept,
    readyToStartContainersCondition(pod, runtime),
    initializedCondition(pod),
    podReadyCondition({ ...pod, status: { ...pod.status, conditions: kept } }),
    containersReadyCondition(pod),
    podScheduledCondition(),
  ];
}
