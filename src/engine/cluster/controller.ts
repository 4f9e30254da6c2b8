/**
 * The control plane around the kubelets, run inside the simulation: the
 * scheduler's binding, the ReplicaSet and Deployment controllers, the node
 * lifecycle controller's view of nodes, and Services. It works on the
 * simulation's plain state (`SimState.cluster` and the pods) through a small
 * host interface the simulation provides; every decision comes from the pure
 * modules next to this file.
 */
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { PodState, SimState } from '../sim/state.ts';
import type { ClusterOptions, SimEvent } from '../sim/types.ts';
import type { ClusterAction } from './actions.ts';
import { recreateStep, rollingStep, scalingMessage } from './deployment.ts';
import type { RSInfo, Scale } from './deployment.ts';
import { admitPod, readClusterManifest } from './manifest.ts';
import type { WorkloadDoc } from './manifest.ts';
import { generateName, podTemplateHash } from './names.ts';
import {
  EVICTION_PRESSURE_TRANSITION_MS,
  NODE_MONITOR_GRACE_MS,
  noExecuteDecision,
  nodeConditions,
  nodeMessages,
  nodeTaints,
} from './nodeLifecycle.ts';
import type { NodeHealth } from './nodeLifecycle.ts';
import { milliValue, value } from './quantity.ts';
import {
  isPodAvailable,
  reconcileReplicaSet,
  replicaSetMessages,
  replicaSetStatus,
} from './replicaset.ts';
import type { OwnedPod } from './replicaset.ts';
import { podRequests, schedulePod } from './scheduler.ts';
import type { SchedNode } from './scheduler.ts';
import {
  addService,
  newServiceRegistry,
  removeService,
  resolveServiceName,
  serviceConnects,
  serviceFromManifest,
  serviceObject,
} from './services.ts';
import type { EndpointPod, ServiceRecord } from './services.ts';
import type { ClusterJob, ClusterState, DeploymentState, ReplicaSetState } from './state.ts';

/** How long a controller takes to react to a change it watches (informer + queue). */
export const CONTROLLER_DELAY_MS = 10;
/** The scheduler binds a new pod this long after its creation. */
export const SCHEDULER_DELAY_MS = 5;
/** `podMaxInUnschedulablePodsDuration`: unschedulable pods are retried at least this often. */
export const UNSCHEDULABLE_RETRY_MS = 300_000;
/** The scheduler's back-off before retrying after a cluster change (initial back-off 1 s). */
export const SCHEDULER_BACKOFF_MS = 1_000;
/** The kubelet's default hard eviction threshold. */
export const MEMORY_EVICTION_THRESHOLD = '100Mi';

export const DEFAULT_NODE = {
  capacity: { cpu: '2', memory: '4025424Ki', pods: '110' },
  allocatable: { cpu: '1930m', memory: '3643472Ki', pods: '110' },
};

const LABEL_HASH = 'pod-template-hash';
const ANN_REVISION = 'deployment.kubernetes.io/revision';
const ANN_DESIRED = 'deployment.kubernetes.io/desired-replicas';
const ANN_MAX = 'deployment.kubernetes.io/max-replicas';

/** What the simulation lends the control plane. */
export interface ClusterHost {
  readonly nowMs: number;
  readonly st: SimState;
  /** Records an event (the host stamps atMs). */
  event(e: Omit<SimEvent, 'atMs'>): void;
  /** Stores a new pod the API server accepted and hands it to the scheduler. */
  addPod(pod: Pod): PodState;
  /** Deletes a pod through the API (graceful, as `kubectl delete`). */
  deletePod(name: string, graceSeconds?: number): void;
  /** Hands an existing pending pod to the scheduler again. */
  retrySchedule(name: string, atMs: number): void;
  schedule(atMs: number, job: ClusterJob): void;
  /** The kubelet evicts a pod (node-pressure eviction): it is killed and ends Failed/Evicted. */
  evictPod?(name: string, message: string): void;
  /** Asks the kubelet to sync a pod now (its spec changed). */
  requestSync?(name: string): void;
  isoAt(ms: number): string;
}

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

// ---------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------

/** The cluster state for a new simulation. */
export function newClusterState(st: SimState, opts: ClusterOptions | undefined): ClusterState {
  const cs: ClusterState = {
    replicaSets: {},
    rsOrder: [],
    deployments: {},
    deploymentOrder: [],
    services: newServiceRegistry(),
    nodes: {},
    lastSignature: '',
    unschedulable: [],
    nextUid: 0,
  };
  const specs = opts?.nodes ?? [];
  for (const name of st.nodeOrder) {
    const o = specs.find((n) => typeof n !== 'string' && n.name === name);
    const no = typeof o === 'object' ? o : undefined;
    cs.nodes[name] = {
      capacity: {
        cpu: no?.cpu ?? DEFAULT_NODE.capacity.cpu,
        memory: no?.memory ?? DEFAULT_NODE.capacity.memory,
        pods: String(no?.pods ?? DEFAULT_NODE.capacity.pods),
      },
      allocatable: {
        cpu: no?.cpu ?? DEFAULT_NODE.allocatable.cpu,
        memory: no?.memory ?? DEFAULT_NODE.allocatable.memory,
        pods: String(no?.pods ?? DEFAULT_NODE.allocatable.pods),
      },
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(no?.labels ?? {}),
      },
      memoryPressure: false,
      pressureToken: 0,
      transitions: {},
    };
  }
  return cs;
}

function cluster(host: ClusterHost): ClusterState {
  const cs = host.st.cluster;
  if (!cs) throw new Error('this simulation has no cluster state');
  return cs;
}

function uid(host: ClusterHost, cs: ClusterState): string {
  // Deterministic UIDs for controller objects (pods get theirs from the host).
  const n = ++cs.nextUid;
  const h = (n * 2654435761) >>> 0;
  const hex = h.toString(16).padStart(8, '0');
  void host;
  return `${hex}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** Reads the manifest: bare pods for the host to create, workloads and Services stored now. */
export function loadManifest(host: ClusterHost, manifest: string | object): { pods: Pod[] } {
  const m = readClusterManifest(manifest);
  const cs = cluster(host);
  for (const s of m.services) addService(cs.services, serviceFromManifest(s), host.nowMs);
  for (const w of m.workloads) applyWorkload(host, w);
  return { pods: m.pods };
}

// ---------------------------------------------------------------------------
// Workloads
// ---------------------------------------------------------------------------

function applyWorkload(host: ClusterHost, w: WorkloadDoc): void {
  const cs = cluster(host);
  if (w.kind === 'Deployment') {
    const d = cs.deployments[w.name];
    if (d) {
      const changed =
        JSON.stringify(d.template) !== JSON.stringify(w.template) || d.replicas !== w.replicas;
      d.replicas = w.replicas;
      d.template = clone(w.template) as Record<string, unknown>;
      d.strategy = { ...w.strategy };
      d.minReadySeconds = w.minReadySeconds;
      if (changed) d.generation++;
    } else {
      cs.deployments[w.name] = {
        name: w.name,
        uid: uid(host, cs),
        createdAtMs: host.nowMs,
        replicas: w.replicas,
        minReadySeconds: w.minReadySeconds,
        selector: { ...w.selector },
        template: clone(w.template) as Record<string, unknown>,
        labels: { ...w.labels },
        strategy: { ...w.strategy },
        revisionHistoryLimit: w.revisionHistoryLimit,
        progressDeadlineSeconds: w.progressDeadlineSeconds,
        generation: 1,
        conditions: {},
      };
      cs.deploymentOrder.push(w.name);
    }
  } else {
    const rs = cs.replicaSets[w.name];
    if (rs) {
      if (rs.deployment)
        throw new Error(`replicasets "${w.name}" is owned by deployment "${rs.deployment}"`);
      rs.replicas = w.replicas;
      rs.template = clone(w.template) as Record<string, unknown>;
      rs.minReadySeconds = w.minReadySeconds;
      rs.generation++;
    } else {
      cs.replicaSets[w.name] = {
        name: w.name,
        uid: uid(host, cs),
        createdAtMs: host.nowMs,
        replicas: w.replicas,
        minReadySeconds: w.minReadySeconds,
        selector: { ...w.selector },
        template: clone(w.template) as Record<string, unknown>,
        labels: { ...w.labels },
        annotations: {},
        generation: 1,
      };
      cs.rsOrder.push(w.name);
    }
  }
  requestControllerSync(host, host.nowMs);
}

/** Whether the control plane watches pod changes at all (cheap; checked after every update). */
export function clusterWatching(st: SimState): boolean {
  const cs = st.cluster;
  return cs !== undefined && (hasControllers(cs) || cs.unschedulable.length > 0);
}

function hasControllers(cs: ClusterState): boolean {
  return cs.rsOrder.length > 0 || cs.deploymentOrder.length > 0;
}

export function requestControllerSync(
  host: ClusterHost,
  atMs = host.nowMs + CONTROLLER_DELAY_MS,
): void {
  const cs = cluster(host);
  if (cs.syncAtMs !== undefined && cs.syncAtMs >= host.nowMs && cs.syncAtMs <= atMs) return;
  cs.syncAtMs = atMs;
  host.schedule(atMs, { kind: 'cluster-sync' });
}

function ownerUid(p: PodState): string | undefined {
  return p.api.metadata?.ownerReferences?.find((o) => o.controller)?.uid;
}

function isReady(p: PodState): boolean {
  return p.api.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function ownedInfo(host: ClusterHost, p: PodState): OwnedPod {
  const ready = isReady(p);
  const since = p.transitions.Ready?.atMs;
  return {
    name: p.name,
    phase: p.api.status?.phase ?? 'Pending',
    deleting: p.api.metadata?.deletionTimestamp !== undefined || p.deletionRequested,
    node: p.node,
    ready,
    ...(ready && since !== undefined ? { readySinceMs: since } : {}),
    restarts: (p.api.status?.containerStatuses ?? []).reduce(
      (s, c) => s + (c.restartCount ?? 0),
      0,
    ),
    createdAtMs: host.st.podOrder.indexOf(p.name),
  };
}

/** Pods of a ReplicaSet that still exist in the API (a completed deletion removes them). */
function podsOf(host: ClusterHost, rs: ReplicaSetState): PodState[] {
  return host.st.podOrder
    .map((n) => host.st.pods[n]!)
    .filter((p) => !p.deleted && ownerUid(p) === rs.uid);
}

function podFromTemplate(host: ClusterHost, rs: ReplicaSetState): Pod {
  const cs = cluster(host);
  const t = clone(rs.template) as {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec?: Pod['spec'];
  };
  let name = generateName(`${rs.name}-`, host.st.rng);
  while (host.st.pods[name]) name = generateName(`${rs.name}-`, host.st.rng);
  void cs;
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName: `${rs.name}-`,
      namespace: 'default',
      labels: { ...(t.metadata?.labels ?? {}) },
      ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rs.name,
          uid: rs.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: t.spec!,
  };
  return admitPod(pod);
}

function syncReplicaSet(host: ClusterHost, rs: ReplicaSetState): boolean {
  const pods = podsOf(host, rs);
  const owned = pods.map((p) => ownedInfo(host, p));
  const d = reconcileReplicaSet(rs.replicas, owned, host.nowMs);
  for (let i = 0; i < d.create; i++) {
    const pod = host.addPod(podFromTemplate(host, rs));
    host.event({
      type: 'Normal',
      reason: 'SuccessfulCreate',
      message: replicaSetMessages.created(pod.name),
      object: { kind: 'ReplicaSet', name: rs.name },
      source: 'replicaset-controller',
    });
  }
  for (const name of d.delete) {
    host.deletePod(name);
    host.event({
      type: 'Normal',
      reason: 'SuccessfulDelete',
      message: replicaSetMessages.deleted(name),
      object: { kind: 'ReplicaSet', name: rs.name },
      source: 'replicaset-controller',
    });
  }
  return d.create > 0 || d.delete.length > 0;
}

function rsInfo(host: ClusterHost, rs: ReplicaSetState): RSInfo {
  const owned = podsOf(host, rs).map((p) => ownedInfo(host, p));
  const status = replicaSetStatus(owned, rs.minReadySeconds, host.nowMs);
  return {
    name: rs.name,
    replicas: rs.replicas,
    available: status.availableReplicas,
    createdAtMs: rs.createdAtMs,
  };
}

function scaleRS(host: ClusterHost, d: DeploymentState, s: Scale): void {
  const cs = cluster(host);
  const rs = cs.replicaSets[s.name]!;
  rs.replicas = s.to;
  rs.annotations[ANN_DESIRED] = String(d.replicas);
  rs.annotations[ANN_MAX] = String(d.replicas + maxSurgeOf(d));
  host.event({
    type: 'Normal',
    reason: 'ScalingReplicaSet',
    message: scalingMessage(s),
    object: { kind: 'Deployment', name: d.name },
    source: 'deployment-controller',
  });
}

function maxSurgeOf(d: DeploymentState): number {
  if (d.strategy.type !== 'RollingUpdate') return 0;
  const v = d.strategy.maxSurge ?? '25%';
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  return m ? Math.ceil((Number(m[1]) * d.replicas) / 100) : Number(v) || 0;
}

function syncDeployment(host: ClusterHost, d: DeploymentState): boolean {
  const cs = cluster(host);
  const hash = podTemplateHash(d.template);
  const mine = cs.rsOrder.map((n) => cs.replicaSets[n]!).filter((r) => r.deployment === d.name);
  let newRS = mine.find((r) => r.labels[LABEL_HASH] === hash);
  const olds = mine.filter((r) => r !== newRS);
  const oldInfos = olds.map((r) => rsInfo(host, r));
  const maxRevision = Math.max(0, ...mine.map((r) => Number(r.annotations[ANN_REVISION] ?? 0)));
  let changed = false;
  if (!newRS) {
    const name = `${d.name}-${hash}`;
    const tmpl = clone(d.template) as { metadata?: { labels?: Record<string, string> } };
    tmpl.metadata ??= {};
    tmpl.metadata.labels = { ...(tmpl.metadata.labels ?? {}), [LABEL_HASH]: hash };
    let replicas = 0;
    if (d.strategy.type === 'RollingUpdate') {
      const s = rollingStep({
        replicas: d.replicas,
        maxSurge: d.strategy.maxSurge,
        maxUnavailable: d.strategy.maxUnavailable,
        newRS: { name, replicas: 0, available: 0, createdAtMs: host.nowMs },
        oldRSs: oldInfos,
      });
      replicas = s.find((x) => x.name === name)?.to ?? 0;
    } else if (
      olds.every((r) => r.replicas === 0) &&
      olds.every((r) => podsOf(host, r).length === 0)
    ) {
      replicas = d.replicas;
    }
    newRS = {
      name,
      uid: uid(host, cs),
      createdAtMs: host.nowMs,
      deployment: d.name,
      replicas,
      minReadySeconds: d.minReadySeconds,
      selector: { ...d.selector, [LABEL_HASH]: hash },
      template: tmpl as Record<string, unknown>,
      labels: { ...(tmpl.metadata.labels ?? {}) },
      annotations: {
        [ANN_DESIRED]: String(d.replicas),
        [ANN_MAX]: String(d.replicas + maxSurgeOf(d)),
        [ANN_REVISION]: String(maxRevision + 1),
      },
      generation: 1,
    };
    cs.replicaSets[name] = newRS;
    cs.rsOrder.push(name);
    setDeploymentCondition(
      host,
      d,
      'Progressing',
      'True',
      'NewReplicaSetCreated',
      `Created new replica set "${name}"`,
    );
    if (replicas > 0)
      host.event({
        type: 'Normal',
        reason: 'ScalingReplicaSet',
        message: scalingMessage({ name, from: 0, to: replicas }),
        object: { kind: 'Deployment', name: d.name },
        source: 'deployment-controller',
      });
    return true;
  }
  if (Number(newRS.annotations[ANN_REVISION] ?? 0) < maxRevision) {
    // Rolling back to an older template: it becomes the newest revision.
    newRS.annotations[ANN_REVISION] = String(maxRevision + 1);
  }
  const active = mine.filter((r) => r.replicas > 0);
  const scaling = newRS.annotations[ANN_DESIRED] !== String(d.replicas);
  const newInfo = rsInfo(host, newRS);
  if (scaling && active.length <= 1) {
    // A scaling event (`sync` → `scale`): the one active set takes the new size.
    const target = active[0] ?? newRS;
    const from = target.replicas;
    if (from !== d.replicas) {
      scaleRS(host, d, { name: target.name, from, to: d.replicas });
      changed = true;
    }
    for (const r of mine) r.annotations[ANN_DESIRED] = String(d.replicas);
    if (changed) return true;
  }
  let scales: Scale[];
  if (d.strategy.type === 'Recreate') {
    const oldRunning = olds.some((r) => podsOf(host, r).some((p) => !isTerminal(p)));
    scales = recreateStep({ replicas: d.replicas, newRS: newInfo, oldRSs: oldInfos }, oldRunning);
  } else {
    scales = rollingStep({
      replicas: d.replicas,
      maxSurge: d.strategy.maxSurge,
      maxUnavailable: d.strategy.maxUnavailable,
      newRS: newInfo,
      oldRSs: oldInfos,
    });
  }
  for (const s of scales) scaleRS(host, d, s);
  changed = scales.length > 0;
  // Conditions.
  const available = newInfo.available + oldInfos.reduce((s, r) => s + r.available, 0);
  const maxUnavailable = d.strategy.type === 'RollingUpdate' ? unavailableOf(d) : 0;
  if (available >= d.replicas - maxUnavailable)
    setDeploymentCondition(
      host,
      d,
      'Available',
      'True',
      'MinimumReplicasAvailable',
      'Deployment has minimum availability.',
    );
  else
    setDeploymentCondition(
      host,
      d,
      'Available',
      'False',
      'MinimumReplicasUnavailable',
      'Deployment does not have minimum availability.',
    );
  const complete =
    newRS.replicas === d.replicas &&
    newInfo.available >= d.replicas &&
    olds.every((r) => r.replicas === 0 && podsOf(host, r).length === 0);
  if (complete)
    setDeploymentCondition(
      host,
      d,
      'Progressing',
      'True',
      'NewReplicaSetAvailable',
      `ReplicaSet "${newRS.name}" has successfully progressed.`,
    );
  else if (changed)
    setDeploymentCondition(
      host,
      d,
      'Progressing',
      'True',
      'ReplicaSetUpdated',
      `ReplicaSet "${newRS.name}" is progressing.`,
    );
  return changed;
}

function unavailableOf(d: DeploymentState): number {
  const v = d.strategy.maxUnavailable ?? '25%';
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  const u = m ? Math.floor((Number(m[1]) * d.replicas) / 100) : Number(v) || 0;
  return u === 0 && maxSurgeOf(d) === 0 ? 1 : u;
}

function isTerminal(p: PodState): boolean {
  const ph = p.api.status?.phase;
  return ph === 'Succeeded' || ph === 'Failed';
}

function setDeploymentCondition(
  host: ClusterHost,
  d: DeploymentState,
  type: string,
  status: string,
  reason: string,
  message: string,
): void {
  const prev = d.conditions[type];
  if (prev && prev.status === status && prev.reason === reason && prev.message === message) return;
  d.conditions[type] = {
    status,
    reason,
    message,
    atMs: prev && prev.status === status ? prev.atMs : host.nowMs,
    updatedAtMs: host.nowMs,
  };
}

/** One pass of the controllers (deployments, then replica sets). */
export function syncControllers(host: ClusterHost): void {
  const cs = cluster(host);
  let changed = false;
  for (const n of cs.deploymentOrder) changed = syncDeployment(host, cs.deployments[n]!) || changed;
  for (const n of cs.rsOrder) changed = syncReplicaSet(host, cs.replicaSets[n]!) || changed;
  cs.lastSignature = signature(host);
  if (changed) requestControllerSync(host);
  scheduleAvailabilityWakeups(host);
}

/** Pods that turn available after minReadySeconds need a sync at that instant. */
function scheduleAvailabilityWakeups(host: ClusterHost): void {
  const cs = cluster(host);
  let next: number | undefined;
  for (const n of cs.rsOrder) {
    const rs = cs.replicaSets[n]!;
    if (rs.minReadySeconds <= 0) continue;
    for (const p of podsOf(host, rs)) {
      const o = ownedInfo(host, p);
      if (
        !o.ready ||
        o.readySinceMs === undefined ||
        isPodAvailable(o, rs.minReadySeconds, host.nowMs)
      )
        continue;
      const at = o.readySinceMs + rs.minReadySeconds * 1000;
      next = next === undefined ? at : Math.min(next, at);
    }
  }
  if (next !== undefined) requestControllerSync(host, next);
}

/** What the controllers watch, printed: a change means they must look again. */
function signature(host: ClusterHost): string {
  const parts: string[] = [];
  for (const n of host.st.podOrder) {
    const p = host.st.pods[n]!;
    if (!ownerUid(p)) continue;
    parts.push(
      `${n}:${p.deleted ? 'x' : ''}${p.api.metadata?.deletionTimestamp ? 'd' : ''}:${p.api.status?.phase ?? ''}:${isReady(p) ? 'r' : ''}:${p.node}`,
    );
  }
  return parts.join('|');
}

/**
 * Called by the simulation after each batch of status updates: when a
 * watched pod changed, the controllers look again shortly.
 */
export function afterStatusUpdate(host: ClusterHost): void {
  const cs = host.st.cluster;
  if (!cs) return;
  if (hasControllers(cs)) {
    const sig = signature(host);
    if (sig !== cs.lastSignature) {
      cs.lastSignature = sig;
      requestControllerSync(host);
    }
  }
  if (cs.unschedulable.length > 0) {
    // A bound pod leaving (its deletion done, or it finished) frees room: the scheduler
    // moves the unschedulable pods back to its queues (AssignedPodDelete).
    const bound = boundPods(host.st);
    if (cs.lastBound !== undefined && bound < cs.lastBound) clusterChanged(host);
    cs.lastBound = bound;
  } else {
    cs.lastBound = undefined;
  }
}

function boundPods(st: SimState): number {
  let n = 0;
  for (const name of st.podOrder) {
    const p = st.pods[name]!;
    if (p.node && !p.deleted && !isTerminal(p)) n++;
  }
  return n;
}

/** Dispatches the cluster's jobs. */
export function runClusterJob(host: ClusterHost, job: ClusterJob): void {
  const cs = cluster(host);
  switch (job.kind) {
    case 'cluster-sync':
      if (cs.syncAtMs === host.nowMs) cs.syncAtMs = undefined;
      syncControllers(host);
      return;
    case 'cluster-retry':
      if (cs.retryAtMs === host.nowMs) cs.retryAtMs = undefined;
      retryUnschedulable(host, 0);
      return;
    case 'cluster-pressure-end': {
      const n = cs.nodes[job.node];
      if (!n || n.pressureToken !== job.token || !n.memoryPressure) return;
      n.memoryPressure = false;
      n.transitions.MemoryPressure = host.nowMs;
      clusterChanged(host);
      return;
    }
  }
}

/** Something that may make room changed (a node recovered, pressure ended, a pod left). */
export function clusterChanged(host: ClusterHost): void {
  retryUnschedulable(host, SCHEDULER_BACKOFF_MS);
}

function retryUnschedulable(host: ClusterHost, delayMs: number): void {
  const cs = cluster(host);
  const names = cs.unschedulable.filter((n) => {
    const p = host.st.pods[n];
    return p && !p.deleted && !p.scheduled;
  });
  cs.unschedulable = [];
  for (const n of names) host.retrySchedule(n, host.nowMs + delayMs);
}

// ---------------------------------------------------------------------------
// Scheduler
// ---------------------------------------------------------------------------

export function nodeHealth(host: ClusterHost, name: string): NodeHealth {
  const node = host.st.nodes[name]!;
  const cn = host.st.cluster?.nodes[name];
  return {
    ready: node.ready ? 'True' : 'Unknown',
    memoryPressure: cn?.memoryPressure ? 'True' : 'False',
    taintedAtMs: node.ready
      ? {}
      : {
          'node.kubernetes.io/unreachable:NoExecute': node.readyTransitionMs,
          'node.kubernetes.io/unreachable:NoSchedule': node.readyTransitionMs,
        },
  };
}

function schedNode(host: ClusterHost, name: string, owner: string | undefined): SchedNode {
  const cs = cluster(host);
  const cn = cs.nodes[name]!;
  const requested = { milliCpu: 0, memory: 0, pods: 0 };
  const nonZeroRequested = { milliCpu: 0, memory: 0 };
  let ownerPods = 0;
  for (const n of host.st.podOrder) {
    const p = host.st.pods[n]!;
    if (p.node !== name || p.deleted || isTerminal(p)) continue;
    const r = podRequests(p.api);
    const nz = podRequests(p.api, true);
    requested.milliCpu += r.milliCpu;
    requested.memory += r.memory;
    requested.pods++;
    nonZeroRequested.milliCpu += nz.milliCpu;
    nonZeroRequested.memory += nz.memory;
    if (owner && ownerUid(p) === owner && !p.api.metadata?.deletionTimestamp) ownerPods++;
  }
  return {
    name,
    labels: cn.labels,
    taints: nodeTaints(nodeHealth(host, name)),
    allocatable: {
      milliCpu: milliValue(cn.allocatable.cpu),
      memory: value(cn.allocatable.memory),
      pods: Number(cn.allocatable.pods),
    },
    requested,
    nonZeroRequested,
    ownerPods,
  };
}

/**
 * The scheduler's attempt for a pending pod: the chosen node (with the
 * Scheduled event), or undefined (with FailedScheduling, the PodScheduled=False
 * condition and a place in the unschedulable queue).
 */
export function schedulePending(host: ClusterHost, p: PodState): string | undefined {
  const cs = cluster(host);
  const ns = p.api.metadata!.namespace ?? 'default';
  if (p.api.metadata?.deletionTimestamp) {
    host.event({
      type: 'Warning',
      reason: 'FailedScheduling',
      message: `skip schedule deleting pod: ${ns}/${p.name}`,
      object: { kind: 'Pod', name: p.name },
      source: 'default-scheduler',
    });
    return undefined;
  }
  const owner = ownerUid(p);
  const nodes = host.st.nodeOrder.map((n) => schedNode(host, n, owner));
  const res = schedulePod(p.api, nodes);
  if (!res.node) {
    host.event({
      type: 'Warning',
      reason: 'FailedScheduling',
      message: res.message!,
      object: { kind: 'Pod', name: p.name },
      source: 'default-scheduler',
    });
    const status = (p.api as { status?: Pod['status'] }).status ?? {};
    (p.api as { status?: Pod['status'] }).status = {
      ...status,
      phase: 'Pending',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message: res.message!,
          lastProbeTime: null as unknown as string,
          lastTransitionTime: host.isoAt(p.transitions.PodScheduled?.atMs ?? host.nowMs),
        },
      ],
    };
    p.transitions.PodScheduled ??= { status: 'False', atMs: host.nowMs };
    if (!cs.unschedulable.includes(p.name)) cs.unschedulable.push(p.name);
    if (cs.retryAtMs === undefined || cs.retryAtMs < host.nowMs) {
      cs.retryAtMs = host.nowMs + UNSCHEDULABLE_RETRY_MS;
      host.schedule(cs.retryAtMs, { kind: 'cluster-retry' });
    }
    return undefined;
  }
  delete p.transitions.PodScheduled;
  host.event({
    type: 'Normal',
    reason: 'Scheduled',
    message: `Successfully assigned ${ns}/${p.name} to ${res.node}`,
    object: { kind: 'Pod', name: p.name },
    source: 'default-scheduler',
  });
  return res.node;
}

// ---------------------------------------------------------------------------
// Nodes
// ---------------------------------------------------------------------------

/**
 * The taint eviction controller's delay for a pod on a node that just went
 * NotReady/Unknown: ms until `Marking for deletion`, or undefined (tolerated forever).
 */
export function noExecuteDelayMs(host: ClusterHost, p: PodState): number | undefined {
  const d = noExecuteDecision(p.api, nodeTaints(nodeHealth(host, p.node)));
  return d.kind === 'none' ? undefined : d.kind === 'now' ? 0 : d.ms;
}

/** The node lifecycle controller records the node's new status on the Node. */
export function nodeStatusChanged(host: ClusterHost, node: string, ready: boolean): void {
  host.event({
    type: 'Normal',
    reason: ready ? 'NodeReady' : 'NodeNotReady',
    message: nodeMessages.nodeStatus(node, ready ? 'NodeReady' : 'NodeNotReady'),
    object: { kind: 'Node', name: node },
    source: 'node-controller',
  });
  if (ready) clusterChanged(host);
}

/** The Node objects, with capacity, conditions and taints. */
export function nodeObjects(host: ClusterHost): Node[] {
  const cs = host.st.cluster;
  return host.st.nodeOrder.map((name) => {
    const node = host.st.nodes[name]!;
    const cn = cs?.nodes[name];
    const health = nodeHealth(host, name);
    const taints = nodeTaints(health, host.isoAt);
    const heartbeatMs = node.ready ? host.nowMs : node.readyTransitionMs - NODE_MONITOR_GRACE_MS;
    const transitions: Record<string, string> = {};
    for (const t of ['MemoryPressure', 'DiskPressure', 'PIDPressure'])
      transitions[t] = host.isoAt(node.ready ? (cn?.transitions[t] ?? 0) : node.readyTransitionMs);
    transitions.Ready = host.isoAt(node.readyTransitionMs);
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels: { ...(cn?.labels ?? { 'kubernetes.io/hostname': name }) },
        creationTimestamp: host.isoAt(0),
      },
      spec: {
        podCIDR: `10.244.${node.index + 1}.0/24`,
        podCIDRs: [`10.244.${node.index + 1}.0/24`],
        ...(taints.length ? { taints } : {}),
      },
      status: {
        ...(cn ? { capacity: { ...cn.capacity }, allocatable: { ...cn.allocatable } } : {}),
        conditions: nodeConditions(health, {
          heartbeat: host.isoAt(Math.max(0, heartbeatMs)),
          transitions,
        }),
        addresses: [
          { type: 'InternalIP', address: node.ip },
          { type: 'Hostname', address: name },
        ],
        nodeInfo: {
          architecture: 'amd64',
          operatingSystem: 'linux',
          osImage: 'Debian GNU/Linux 12 (bookworm)',
          kernelVersion: '6.8.0-1021-gcp',
          containerRuntimeVersion: 'containerd://2.1.4',
          kubeletVersion: 'v1.35.0',
          kubeProxyVersion: '',
          bootID: '',
          machineID: '',
          systemUUID: '',
        },
        images: Object.keys(node.images)
          .sort()
          .map((ref) => ({ names: [ref], sizeBytes: node.images[ref] })),
      },
    } as Node;
  });
}

// ---------------------------------------------------------------------------
// Memory-pressure eviction (the kubelet's eviction manager)
// ---------------------------------------------------------------------------

/** What a container's working set is taken to be: its limit, else its request, else 64 MiB. */
function containerUsage(c: {
  resources?: { limits?: Record<string, unknown>; requests?: Record<string, unknown> };
}): number {
  const lim = c.resources?.limits?.memory as string | undefined;
  const req = c.resources?.requests?.memory as string | undefined;
  if (lim) return value(lim);
  if (req) return value(req);
  return 64 * 1024 * 1024;
}

function kiString(bytes: number): string {
  return `${Math.round(bytes / 1024)}Ki`;
}

/**
 * The eviction manager's order for memory (`rankMemoryPressure`): pods whose
 * usage exceeds their requests first, then lower priority, then by how far
 * usage exceeds the request.
 */
export function memoryEvictionOrder(pods: Pod[]): Pod[] {
  const info = pods.map((p) => {
    const cs = p.spec?.containers ?? [];
    const usage = cs.reduce((s, c) => s + containerUsage(c), 0);
    const request = podRequests(p).memory;
    return { p, usage, request, exceeds: usage > request, priority: p.spec?.priority ?? 0 };
  });
  info.sort(
    (a, b) =>
      Number(b.exceeds) - Number(a.exceeds) ||
      a.priority - b.priority ||
      b.usage - b.request - (a.usage - a.request),
  );
  return info.map((x) => x.p);
}

/** The kubelet's Evicted message for memory (`evictionMessage`, v1.26+ wording). */
export function memoryEvictionMessage(pod: Pod, availableBytes: number): string {
  let msg = `The node was low on resource: memory. Threshold quantity: ${MEMORY_EVICTION_THRESHOLD}, available: ${kiString(availableBytes)}. `;
  for (const c of pod.spec?.containers ?? []) {
    const usage = containerUsage(c);
    const reqQ = (c.resources?.requests?.memory as string | undefined) ?? '0';
    if (usage > value(reqQ))
      msg += `Container ${c.name} was using ${kiString(usage)}, request is ${reqQ}, has larger consumption of memory. `;
  }
  return msg;
}

function memoryPressure(
  host: ClusterHost,
  a: Extract<ClusterAction, { kind: 'node-memory-pressure' }>,
): void {
  const cs = cluster(host);
  const st = host.st;
  let nodeName = a.node;
  if (a.pod !== undefined) {
    const p = st.pods[a.pod];
    if (!p || p.deleted) throw new Error(`pods "${a.pod}" not found`);
    nodeName ??= p.node;
  }
  nodeName ??= st.pods[st.podOrder[0] ?? '']?.node;
  const node = nodeName ? st.nodes[nodeName] : undefined;
  const cn = nodeName ? cs.nodes[nodeName] : undefined;
  if (!node || !cn || !nodeName) throw new Error(`nodes "${String(a.node ?? '')}" not found`);
  if (node.down) return;
  const candidates = st.podOrder
    .map((n) => st.pods[n]!)
    .filter((p) => p.node === nodeName && !p.deleted && !p.finished && !p.deletionRequested);
  const victim =
    a.pod !== undefined
      ? candidates.find((p) => p.name === a.pod)
      : memoryEvictionOrder(candidates.map((p) => p.api)).map(
          (x) => st.pods[x.metadata!.name!]!,
        )[0];
  if (!cn.memoryPressure) {
    cn.memoryPressure = true;
    cn.transitions.MemoryPressure = host.nowMs;
    host.event({
      type: 'Normal',
      reason: 'NodeHasInsufficientMemory',
      message: `Node ${nodeName} status is now: NodeHasInsufficientMemory`,
      object: { kind: 'Node', name: nodeName },
      source: 'kubelet',
    });
  }
  host.event({
    type: 'Warning',
    reason: 'EvictionThresholdMet',
    message: 'Attempting to reclaim memory',
    object: { kind: 'Node', name: nodeName },
    source: 'kubelet',
  });
  cn.pressureToken++;
  host.schedule(host.nowMs + EVICTION_PRESSURE_TRANSITION_MS, {
    kind: 'cluster-pressure-end',
    node: nodeName,
    token: cn.pressureToken,
  });
  if (!victim) return;
  const available =
    value(MEMORY_EVICTION_THRESHOLD) - 1024 * 1024 * (3 + (Math.floor(host.nowMs / 1000) % 37));
  const message = memoryEvictionMessage(victim.api, available);
  if (!host.evictPod) throw new Error('this simulation cannot evict pods');
  host.evictPod(victim.name, message);
}

// ---------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------

export function createService(host: ClusterHost, name: string): void {
  const cs = cluster(host);
  addService(cs.services, { name }, host.nowMs);
}

export function deleteService(host: ClusterHost, name: string): void {
  removeService(cluster(host).services, name);
}

export function serviceNames(st: SimState): string[] {
  return Object.values(st.cluster?.services.byKey ?? {})
    .map((s) => s.name)
    .sort();
}

export function serviceObjects(host: ClusterHost): Service[] {
  return Object.values(cluster(host).services.byKey).map((s) => serviceObject(s, host.isoAt));
}

function endpointPods(st: SimState): EndpointPod[] {
  return st.podOrder
    .map((n) => st.pods[n]!)
    .filter((p) => !p.deleted)
    .map((p) => ({
      name: p.name,
      namespace: p.api.metadata?.namespace ?? 'default',
      labels: { ...(p.api.metadata?.labels ?? {}) },
      ready: isReady(p) && !p.api.metadata?.deletionTimestamp,
      ...(p.api.status?.podIP ? { ip: p.api.status.podIP } : {}),
      ports: p.api.spec!.containers.flatMap((c) =>
        (c.ports ?? []).map((cp) => ({
          port: cp.containerPort,
          ...(cp.name ? { name: cp.name } : {}),
        })),
      ),
    }));
}

/** A Service as the container behaviour's cluster lookup describes it. */
export interface ServiceInfo {
  name: string;
  namespace: string;
  clusterIP: string;
  ports: Array<{ port: number; targetPort?: number | string; name?: string }>;
}

function info(s: ServiceRecord): ServiceInfo {
  return {
    name: s.name,
    namespace: s.namespace,
    clusterIP: s.clusterIP,
    ports: s.ports.map((p) => ({
      port: p.port,
      ...(p.targetPort !== undefined ? { targetPort: p.targetPort } : {}),
      ...(p.name ? { name: p.name } : {}),
    })),
  };
}

/**
 * The lookup the container behaviour asks (`ClusterLookup` in
 * src/engine/behaviour/types.ts): `service(name, ns)` resolves a short or
 * qualified DNS name, `services(ns)` lists them, `connect` says whether a
 * TCP connection to `service:port` reaches a ready endpoint. Reads the state
 * at call time; keep no reference across snapshots.
 */
export function clusterLookup(st: SimState): {
  service(name: string, namespace: string): ServiceInfo | undefined;
  services(namespace: string): ServiceInfo[];
  connect(service: ServiceInfo, port: number): boolean;
} {
  return {
    service(name, namespace) {
      const reg = st.cluster?.services;
      const s = reg ? resolveServiceName(reg, name, namespace) : undefined;
      return s ? info(s) : undefined;
    },
    services(namespace) {
      return Object.values(st.cluster?.services.byKey ?? {})
        .filter((s) => s.namespace === namespace)
        .map(info);
    },
    connect(service, port) {
      const s = st.cluster?.services.byKey[`${service.namespace}/${service.name}`];
      return s ? serviceConnects(s, port, endpointPods(st)) : false;
    },
  };
}

/** Plain lookup by DNS name (short or qualified), for callers without a namespace. */
export function lookupService(
  st: SimState,
  host: string,
  namespace = 'default',
): ServiceInfo | undefined {
  const reg = st.cluster?.services;
  const s = reg ? resolveServiceName(reg, host, namespace) : undefined;
  return s ? info(s) : undefined;
}

// ---------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------

function parseTarget(target: string): { kind: 'deployment' | 'replicaset' | 'pod'; name: string } {
  const m = /^(deployment|deploy|deployments|replicaset|rs|replicasets|pod|pods|po)\/(.+)$/i.exec(
    target,
  );
  if (!m) return { kind: 'pod', name: target };
  const k = m[1]!.toLowerCase();
  return {
    kind: k.startsWith('dep')
      ? 'deployment'
      : k === 'rs' || k.startsWith('replica')
        ? 'replicaset'
        : 'pod',
    name: m[2]!,
  };
}

function setTemplateImage(
  template: Record<string, unknown>,
  container: string,
  image: string,
  what: string,
): void {
  const spec = (template.spec ?? {}) as Pod['spec'];
  const c = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].find(
    (x) => x.name === container,
  );
  if (!c) throw new Error(`unable to find container named "${container}" in ${what}`);
  (c as { image?: string }).image = image;
}

/** Handles the cluster's actions; false when `a` is not one of them. */
export function clusterAct(host: ClusterHost, a: ClusterAction): boolean {
  const cs = cluster(host);
  switch (a.kind) {
    case 'set-image': {
      if (!a.container || !a.image) throw new Error('set-image needs a container and an image');
      const t = parseTarget(a.target);
      if (t.kind === 'deployment') {
        const d = cs.deployments[t.name];
        if (!d) throw new Error(`deployments.apps "${t.name}" not found`);
        const next = clone(d.template);
        setTemplateImage(next, a.container, a.image, `deployment/${t.name}`);
        if (JSON.stringify(next) !== JSON.stringify(d.template)) {
          d.template = next;
          d.generation++;
          requestControllerSync(host);
        }
      } else if (t.kind === 'replicaset') {
        const rs = cs.replicaSets[t.name];
        if (!rs) throw new Error(`replicasets.apps "${t.name}" not found`);
        setTemplateImage(rs.template, a.container, a.image, `replicaset/${t.name}`);
        rs.generation++;
      } else {
        const p = host.st.pods[t.name];
        if (!p || p.deleted) throw new Error(`pods "${t.name}" not found`);
        const spec = p.api.spec!;
        const c = [...(spec.initContainers ?? []), ...spec.containers].find(
          (x) => x.name === a.container,
        );
        if (!c) throw new Error(`unable to find container named "${a.container}" in pod/${t.name}`);
        (c as { image?: string }).image = a.image;
        host.requestSync?.(p.name);
      }
      return true;
    }
    case 'scale': {
      const t = parseTarget(a.target);
      const n = Math.trunc(a.replicas);
      if (!(n >= 0)) throw new Error('--replicas must be ≥ 0');
      if (t.kind === 'deployment') {
        const d = cs.deployments[t.name];
        if (!d) throw new Error(`deployments.apps "${t.name}" not found`);
        d.replicas = n;
      } else if (t.kind === 'replicaset') {
        const rs = cs.replicaSets[t.name];
        if (!rs) throw new Error(`replicasets.apps "${t.name}" not found`);
        rs.replicas = n;
      } else throw new Error(`cannot scale pods "${t.name}"`);
      requestControllerSync(host);
      return true;
    }
    case 'apply': {
      const m = readClusterManifest(a.manifest);
      for (const s of m.services) {
        const f = serviceFromManifest(s);
        if (!cs.services.byKey[`${f.namespace}/${f.name}`]) addService(cs.services, f, host.nowMs);
      }
      for (const w of m.workloads) applyWorkload(host, w);
      for (const pod of m.pods) {
        const name = pod.metadata!.name!;
        const p = host.st.pods[name];
        if (!p || p.deleted) {
          host.addPod(pod);
          continue;
        }
        const spec = p.api.spec!;
        let changed = false;
        for (const nc of [...(pod.spec!.initContainers ?? []), ...pod.spec!.containers]) {
          const c = [...(spec.initContainers ?? []), ...spec.containers].find(
            (x) => x.name === nc.name,
          );
          if (c && nc.image && c.image !== nc.image) {
            (c as { image?: string }).image = nc.image;
            changed = true;
          }
        }
        if (changed) host.requestSync?.(name);
      }
      return true;
    }
    case 'node-memory-pressure':
      memoryPressure(host, a);
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------

/** ReplicaSets and Deployments as API objects (status computed now). */
export function workloadObjects(host: ClusterHost): {
  deployments: unknown[];
  replicaSets: unknown[];
} {
  const cs = host.st.cluster;
  if (!cs) return { deployments: [], replicaSets: [] };
  const replicaSets = cs.rsOrder.map((n) => {
    const rs = cs.replicaSets[n]!;
    const status = replicaSetStatus(
      podsOf(host, rs).map((p) => ownedInfo(host, p)),
      rs.minReadySeconds,
      host.nowMs,
    );
    const d = rs.deployment ? cs.deployments[rs.deployment] : undefined;
    return {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rs.name,
        namespace: 'default',
        uid: rs.uid,
        generation: rs.generation,
        creationTimestamp: host.isoAt(rs.createdAtMs),
        labels: { ...rs.labels },
        ...(Object.keys(rs.annotations).length ? { annotations: { ...rs.annotations } } : {}),
        ...(d
          ? {
              ownerReferences: [
                {
                  apiVersion: 'apps/v1',
                  kind: 'Deployment',
                  name: d.name,
                  uid: d.uid,
                  controller: true,
                  blockOwnerDeletion: true,
                },
              ],
            }
          : {}),
      },
      spec: {
        replicas: rs.replicas,
        minReadySeconds: rs.minReadySeconds,
        selector: { matchLabels: { ...rs.selector } },
        template: clone(rs.template),
      },
      status: {
        replicas: status.replicas,
        fullyLabeledReplicas: status.fullyLabeledReplicas,
        readyReplicas: status.readyReplicas,
        availableReplicas: status.availableReplicas,
        terminatingReplicas: status.terminatingReplicas,
        observedGeneration: rs.generation,
      },
    };
  });
  const deployments = cs.deploymentOrder.map((n) => {
    const d = cs.deployments[n]!;
    const mine = cs.rsOrder.map((x) => cs.replicaSets[x]!).filter((r) => r.deployment === d.name);
    const hash = podTemplateHash(d.template);
    let replicas = 0;
    let ready = 0;
    let available = 0;
    let updated = 0;
    for (const r of mine) {
      const s = replicaSetStatus(
        podsOf(host, r).map((p) => ownedInfo(host, p)),
        r.minReadySeconds,
        host.nowMs,
      );
      replicas += s.replicas;
      ready += s.readyReplicas;
      available += s.availableReplicas;
      if (r.labels[LABEL_HASH] === hash) updated += s.replicas;
    }
    const newest = mine.find((r) => r.labels[LABEL_HASH] === hash);
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: d.name,
        namespace: 'default',
        uid: d.uid,
        generation: d.generation,
        creationTimestamp: host.isoAt(d.createdAtMs),
        labels: { ...d.labels },
        annotations: { [ANN_REVISION]: newest?.annotations[ANN_REVISION] ?? '1' },
      },
      spec: {
        replicas: d.replicas,
        selector: { matchLabels: { ...d.selector } },
        template: clone(d.template),
        strategy:
          d.strategy.type === 'Recreate'
            ? { type: 'Recreate' }
            : {
                type: 'RollingUpdate',
                rollingUpdate: {
                  maxSurge: d.strategy.maxSurge,
                  maxUnavailable: d.strategy.maxUnavailable,
                },
              },
        minReadySeconds: d.minReadySeconds,
        revisionHistoryLimit: d.revisionHistoryLimit,
        progressDeadlineSeconds: d.progressDeadlineSeconds,
      },
      status: {
        observedGeneration: d.generation,
        replicas,
        updatedReplicas: updated,
        readyReplicas: ready,
        availableReplicas: available,
        unavailableReplicas: Math.max(0, d.replicas - available),
        conditions: ['Available', 'Progressing']
          .filter((t) => d.conditions[t])
          .map((t) => {
            const c = d.conditions[t]!;
            return {
              type: t,
              status: c.status,
              reason: c.reason,
              message: c.message,
              lastUpdateTime: host.isoAt(c.updatedAtMs),
              lastTransitionTime: host.isoAt(c.atMs),
            };
          }),
      },
    };
  });
  return { deployments, replicaSets };
}
