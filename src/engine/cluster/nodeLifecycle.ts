/**
 * The node lifecycle as the control plane sees it: the node lifecycle
 * controller's health check (pkg/controller/nodelifecycle), the taints it and
 * TaintNodesByCondition put on a node, the DefaultTolerationSeconds admission
 * plugin, and the taint eviction controller's deadline for each pod
 * (pkg/controller/tainteviction). Plain data in, decisions out.
 */
import type { NodeCondition, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { toleratesTaint } from './scheduler.ts';

/** `--node-monitor-grace-period`: 50 s since Kubernetes 1.32 (40 s before). */
export const NODE_MONITOR_GRACE_MS = 50_000;
/** `--node-monitor-period`: how often the controller looks. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** DefaultTolerationSeconds: `--default-not-ready-toleration-seconds` / unreachable. */
export const DEFAULT_TOLERATION_SECONDS = 300;
/** The kubelet's `--eviction-pressure-transition-period`. */
export const EVICTION_PRESSURE_TRANSITION_MS = 300_000;

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

export type ConditionStatus = 'True' | 'False' | 'Unknown';

/** What the control plane believes about a node. */
export interface NodeHealth {
  /** The Ready condition as stored (Unknown once the kubelet stopped posting). */
  ready: ConditionStatus;
  memoryPressure: ConditionStatus;
  unschedulable?: boolean;
  /** When each taint was added (ms), by `key:effect`. */
  taintedAtMs?: Record<string, number>;
}

/**
 * The taints a node carries: the NoExecute one the node lifecycle
 * controller adds for taint-based eviction, and the NoSchedule ones
 * TaintNodesByCondition derives from the conditions.
 */
export function nodeTaints(h: NodeHealth, iso: (ms: number) => string = String): Taint[] {
  const out: Array<{ key: string; effect: string }> = [];
  if (h.unschedulable) out.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  if (h.ready === 'Unknown') {
    out.push({ key: TAINT_UNREACHABLE, effect: 'NoExecute' });
    out.push({ key: TAINT_UNREACHABLE, effect: 'NoSchedule' });
  } else if (h.ready === 'False') {
    out.push({ key: TAINT_NOT_READY, effect: 'NoExecute' });
    out.push({ key: TAINT_NOT_READY, effect: 'NoSchedule' });
  }
  if (h.memoryPressure === 'True') out.push({ key: TAINT_MEMORY_PRESSURE, effect: 'NoSchedule' });
  return out.map((t) => {
    const at = h.taintedAtMs?.[`${t.key}:${t.effect}`];
    return at !== undefined && t.effect === 'NoExecute' ? { ...t, timeAdded: iso(at) } : { ...t };
  });
}

/** The node's conditions as `kubectl describe node` lists them. */
export function nodeConditions(
  h: NodeHealth,
  times: { heartbeat: string; transitions: Record<string, string> },
): NodeCondition[] {
  const unknown = h.ready === 'Unknown';
  const cond = (
    type: string,
    status: ConditionStatus,
    reason: string,
    message: string,
  ): NodeCondition => ({
    type,
    status: unknown ? 'Unknown' : status,
    lastHeartbeatTime: times.heartbeat,
    lastTransitionTime: times.transitions[type] ?? times.heartbeat,
    reason: unknown ? 'NodeStatusUnknown' : reason,
    message: unknown ? 'Kubelet stopped posting node status.' : message,
  });
  const mp = h.memoryPressure === 'True';
  return [
    cond(
      'MemoryPressure',
      h.memoryPressure,
      mp ? 'KubeletHasInsufficientMemory' : 'KubeletHasSufficientMemory',
      mp ? 'kubelet has insufficient memory available' : 'kubelet has sufficient memory available',
    ),
    cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    cond(
      'Ready',
      h.ready,
      h.ready === 'True' ? 'KubeletReady' : 'KubeletNotReady',
      h.ready === 'True'
        ? 'kubelet is posting ready status'
        : 'container runtime status check may not have completed yet',
    ),
  ];
}

/**
 * DefaultTolerationSeconds admission: a pod that does not already tolerate
 * the not-ready / unreachable NoExecute taints gets a 300 s toleration for
 * each. Returns the tolerations to store (a new array).
 */
export function withDefaultTolerations(
  tolerations: readonly Toleration[] | undefined,
  seconds = DEFAULT_TOLERATION_SECONDS,
): Toleration[] {
  const out = [...(tolerations ?? [])];
  for (const key of [TAINT_NOT_READY, TAINT_UNREACHABLE]) {
    const taint: Taint = { key, effect: 'NoExecute' };
    if (!out.some((t) => toleratesTaint(t, taint)))
      out.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
  }
  return out;
}

/**
 * The taint eviction controller's decision for a pod on a node with these
 * taints: `none` (no NoExecute taint, or every one tolerated forever), `now`
 * (an untolerated NoExecute taint), or `after` the shortest
 * `tolerationSeconds` among the tolerations that match (`getMinTolerationTime`).
 */
export function noExecuteDecision(
  pod: Pod,
  taints: readonly Taint[],
): { kind: 'none' } | { kind: 'now' } | { kind: 'after'; ms: number } {
  const noExec = taints.filter((t) => t.effect === 'NoExecute');
  if (noExec.length === 0) return { kind: 'none' };
  const tolerations = pod.spec?.tolerations ?? [];
  let min = Infinity;
  for (const taint of noExec) {
    const using = tolerations.filter((t) => toleratesTaint(t, taint));
    if (using.length === 0) return { kind: 'now' };
    for (const t of using) {
      if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
      min = Math.min(min, t.tolerationSeconds <= 0 ? 0 : t.tolerationSeconds * 1000);
    }
  }
  if (min === Infinity) return { kind: 'none' };
  return min === 0 ? { kind: 'now' } : { kind: 'after', ms: min };
}

/** Event messages of the control plane for nodes and their pods. */
export const nodeMessages = {
  /** node-controller, on each pod whose Ready condition it flips (MarkPodsNotReady). */
  podNodeNotReady: 'Node is not ready',
  /** node-controller, on the Node (RecordNodeStatusChange). */
  nodeStatus: (node: string, status: 'NodeNotReady' | 'NodeReady') =>
    `Node ${node} status is now: ${status}`,
  /** taint-eviction-controller. */
  marking: (nsName: string) => `Marking for deletion Pod ${nsName}`,
  cancelling: (nsName: string) => `Cancelling deletion of Pod ${nsName}`,
  disruptionReason: 'DeletionByTaintManager',
  disruptionMessage: 'Taint manager: deleting due to NoExecute taint',
};
