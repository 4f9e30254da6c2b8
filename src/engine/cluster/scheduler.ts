/**
 * The default scheduler's decision for one pod, reduced to the plugins a
 * Podscope cluster exercises (pkg/scheduler/framework/plugins):
 *
 * Filter, in the default profile's order, stopping at a node's first failing
 * plugin — NodeUnschedulable, NodeName, TaintToleration (NoSchedule and
 * NoExecute taints), NodeAffinity (`nodeSelector`), NodeResourcesFit (pods,
 * cpu, memory: every insufficient resource is a reason).
 *
 * Score — NodeResourcesFit LeastAllocated and NodeResourcesBalancedAllocation
 * over cpu and memory (with the scheduler's non-zero defaults for containers
 * that request nothing: 100m, 200 MiB), and PodTopologySpread's system
 * default spreading of a controller's pods over hostnames (weight 2). Ties
 * go to a node drawn from the seeded stream, as `selectHost` samples them —
 * or, without a stream, to the first node in order (the simulation's choice,
 * so a bare pod lands on node-1 and the kubelet's random draws stay put).
 *
 * A pod that fits nowhere gets the FitError text (`framework.FitError.Error`,
 * v1.29+), with the preemption part the default PostFilter adds.
 */
import type { Container, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { nextInt } from '../sim/rng.ts';
import type { RngState } from '../sim/rng.ts';
import { milliValue, value } from './quantity.ts';

/** Scheduler defaults for a container with no request (pkg/scheduler/util/pod_resources.go). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export interface Resources {
  milliCpu: number;
  memory: number;
}

/** What the scheduler knows of a node. */
export interface SchedNode {
  name: string;
  labels: Record<string, string>;
  unschedulable?: boolean;
  taints: Taint[];
  allocatable: Resources & { pods: number };
  /** Sum of the requests of the pods bound to the node (not finished). */
  requested: Resources & { pods: number };
  /** The same with the non-zero defaults (for scoring). */
  nonZeroRequested: Resources;
  /** Pods of the incoming pod's controller already on the node (for spreading). */
  ownerPods?: number;
}

export type FilterReason = string;

export interface ScheduleResult {
  node?: string;
  /** Per node, the reasons it was filtered out (absent for feasible nodes). */
  reasons: Record<string, FilterReason[]>;
  /** The FitError message when no node fits. */
  message?: string;
  scores?: Record<string, number>;
}

function containerRequests(c: Container | undefined): Resources {
  const req = c?.resources?.requests ?? {};
  const lim = c?.resources?.limits ?? {};
  // A limit without a request defaults the request (SetDefaults_ResourceRequirements).
  return {
    milliCpu: milliValue((req.cpu ?? lim.cpu) as string | undefined),
    memory: value((req.memory ?? lim.memory) as string | undefined),
  };
}

function nonZero(r: Resources, c: Container | undefined): Resources {
  const req = c?.resources?.requests ?? {};
  const lim = c?.resources?.limits ?? {};
  return {
    milliCpu: (req.cpu ?? lim.cpu) === undefined ? DEFAULT_MILLI_CPU_REQUEST : r.milliCpu,
    memory: (req.memory ?? lim.memory) === undefined ? DEFAULT_MEMORY_REQUEST : r.memory,
  };
}

function isSidecar(c: Container): boolean {
  return (c as Container & { restartPolicy?: string }).restartPolicy === 'Always';
}

/**
 * The pod's effective request (`resource.PodRequests`): the larger of the
 * regular containers plus every sidecar, and the peak while init containers
 * run (each init container plus the sidecars started before it).
 */
export function podRequests(pod: Pod, nonZeroDefaults = false): Resources {
  const spec = pod.spec;
  const pick = (c: Container) =>
    nonZeroDefaults ? nonZero(containerRequests(c), c) : containerRequests(c);
  const sum: Resources = { milliCpu: 0, memory: 0 };
  for (const c of spec?.containers ?? []) {
    const r = pick(c);
    sum.milliCpu += r.milliCpu;
    sum.memory += r.memory;
  }
  const sidecars: Resources = { milliCpu: 0, memory: 0 };
  const initPeak: Resources = { milliCpu: 0, memory: 0 };
  for (const c of spec?.initContainers ?? []) {
    const r = pick(c);
    if (isSidecar(c)) {
      sidecars.milliCpu += r.milliCpu;
      sidecars.memory += r.memory;
      initPeak.milliCpu = Math.max(initPeak.milliCpu, sidecars.milliCpu);
      initPeak.memory = Math.max(initPeak.memory, sidecars.memory);
    } else {
      initPeak.milliCpu = Math.max(initPeak.milliCpu, r.milliCpu + sidecars.milliCpu);
      initPeak.memory = Math.max(initPeak.memory, r.memory + sidecars.memory);
    }
  }
  const overhead = spec?.overhead ?? {};
  return {
    milliCpu:
      Math.max(sum.milliCpu + sidecars.milliCpu, initPeak.milliCpu) +
      milliValue(overhead.cpu as string | undefined),
    memory:
      Math.max(sum.memory + sidecars.memory, initPeak.memory) +
      value(overhead.memory as string | undefined),
  };
}

/** `Toleration.ToleratesTaint` (k8s.io/api/core/v1/toleration.go). */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const op = t.operator || 'Equal';
  if (op === 'Exists') return true;
  if (op === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return false;
}

export function tolerated(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

const UNRESOLVABLE = new Set([
  'node(s) were unschedulable',
  "node(s) didn't match the requested node name",
  'node(s) had untolerated taint(s)',
  "node(s) didn't match Pod's node affinity/selector",
]);

/** Why `node` cannot take `pod` (empty: it fits). */
export function filterNode(pod: Pod, node: SchedNode, req = podRequests(pod)): FilterReason[] {
  const spec = pod.spec ?? { containers: [] };
  const tolerations = spec.tolerations ?? [];
  if (node.unschedulable) {
    const ok = tolerated(tolerations, {
      key: 'node.kubernetes.io/unschedulable',
      effect: 'NoSchedule',
    });
    if (!ok) return ['node(s) were unschedulable'];
  }
  if (spec.nodeName && spec.nodeName !== node.name)
    return ["node(s) didn't match the requested node name"];
  const blocking = node.taints.filter(
    (t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerated(tolerations, t),
  );
  if (blocking.length > 0) return ['node(s) had untolerated taint(s)'];
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {}))
    if (node.labels[k] !== v) return ["node(s) didn't match Pod's node affinity/selector"];
  const reasons: FilterReason[] = [];
  if (node.requested.pods + 1 > node.allocatable.pods) reasons.push('Too many pods');
  if (req.milliCpu > 0 && node.requested.milliCpu + req.milliCpu > node.allocatable.milliCpu)
    reasons.push('Insufficient cpu');
  if (req.memory > 0 && node.requested.memory + req.memory > node.allocatable.memory)
    reasons.push('Insufficient memory');
  return reasons;
}

function histogram(entries: string[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e, (counts.get(e) ?? 0) + 1);
  return [...counts.entries()]
    .map(([r, n]) => `${n} ${r}`)
    .sort()
    .join(', ');
}

/** `FitError.Error()` plus the default preemption's message (no lower-priority victims exist). */
export function fitErrorMessage(
  nodeCount: number,
  reasons: Record<string, FilterReason[]>,
): string {
  const all = Object.values(reasons).flat();
  let msg = `0/${nodeCount} nodes are available: ${histogram(all)}.`;
  const pre = Object.values(reasons).map((rs) =>
    rs.some((r) => UNRESOLVABLE.has(r))
      ? 'Preemption is not helpful for scheduling'
      : 'No preemption victims found for incoming pod',
  );
  msg += ` preemption: 0/${nodeCount} nodes are available: ${histogram(pre)}.`;
  return msg.length > 1024 ? `${msg.slice(0, 1024)} ...` : msg;
}

function leastAllocated(node: SchedNode, podNz: Resources): number {
  const part = (req: number, alloc: number) =>
    alloc <= 0 || req > alloc ? 0 : ((alloc - req) * 100) / alloc;
  const cpu = part(node.nonZeroRequested.milliCpu + podNz.milliCpu, node.allocatable.milliCpu);
  const mem = part(node.nonZeroRequested.memory + podNz.memory, node.allocatable.memory);
  return Math.floor((cpu + mem) / 2);
}

function balanced(node: SchedNode, req: Resources): number {
  const f = (r: number, a: number) => (a <= 0 ? 1 : Math.min(1, r / a));
  const cpu = f(node.requested.milliCpu + req.milliCpu, node.allocatable.milliCpu);
  const mem = f(node.requested.memory + req.memory, node.allocatable.memory);
  const std = Math.abs(cpu - mem) / 2;
  return Math.floor((1 - std) * 100);
}

/** Picks a node for `pod`, or explains why none fits. */
export function schedulePod(pod: Pod, nodes: SchedNode[], rng?: RngState): ScheduleResult {
  const req = podRequests(pod);
  const nz = podRequests(pod, true);
  const reasons: Record<string, FilterReason[]> = {};
  const feasible: SchedNode[] = [];
  for (const n of nodes) {
    const r = filterNode(pod, n, req);
    if (r.length) reasons[n.name] = r;
    else feasible.push(n);
  }
  if (feasible.length === 0) return { reasons, message: fitErrorMessage(nodes.length, reasons) };
  if (feasible.length === 1) return { node: feasible[0]!.name, reasons };
  const maxOwner = Math.max(0, ...feasible.map((n) => n.ownerPods ?? 0));
  const scores: Record<string, number> = {};
  for (const n of feasible) {
    const spread =
      maxOwner > 0 ? Math.floor((100 * (maxOwner - (n.ownerPods ?? 0))) / maxOwner) : 100;
    scores[n.name] = leastAllocated(n, nz) + balanced(n, req) + 2 * spread;
  }
  const best = Math.max(...Object.values(scores));
  const top = feasible.filter((n) => scores[n.name] === best);
  const pick = top.length === 1 || !rng ? top[0]! : top[nextInt(rng, 0, top.length - 1)]!;
  return { node: pick.name, reasons, scores };
}
