/**
 * The simulated kubelet: a discrete-event simulation of one cluster's
 * kubelets, container runtime and image registry, deterministic in
 * (manifest, seed, actions and their times).
 *
 * Flow: every change (a container exits, a probe result flips, an action)
 * asks the pod worker for a sync. A sync computes the pod's actions with
 * Engine I's `computePodActions`, turns them into a plan of steps (kill,
 * new sandbox, start init containers, start containers) and carries the
 * plan out in simulated time — image pulls, creates, starts and postStart
 * hooks take time, one after another, as the kubelet's SyncPod does. After
 * every occurrence the API status is regenerated (status.ts) from the
 * runtime's records, with phase and conditions from Engine I.
 *
 * All state is plain data (state.ts); pending occurrences are data jobs in
 * the clock, so a snapshot is a deep copy and a restored simulation
 * continues byte for byte.
 */
import type { Container, Node, Pod, Probe } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { ClusterAction } from '../cluster/actions.ts';
import {
  afterStatusUpdate,
  clusterAct,
  clusterWatching,
  createService,
  deleteService,
  loadManifest,
  newClusterState,
  noExecuteDelayMs,
  nodeObjects,
  nodeStatusChanged,
  runClusterJob,
  schedulePending,
  SCHEDULER_DELAY_MS,
  serviceNames,
  serviceObjects,
  syncControllers,
  workloadObjects,
} from '../cluster/controller.ts';
import type { ClusterHost } from '../cluster/controller.ts';
import { readClusterManifest } from '../cluster/manifest.ts';
import { actionError } from './actions.ts';
import { computePodActionsDetailed } from '../kubelet/podActions.ts';
import { printPod } from '../kubelet/printPod.ts';
import type { ProbeResults } from '../kubelet/runtimeView.ts';
import { execExitError, hookFailureMessage } from './probes/hooks.ts';
import { recordTick } from './probes/schedule.ts';
import {
  CRASH_LOOP_BACKOFF,
  IMAGE_PULL_BACKOFF,
  isInBackOffSince,
  isInBackOffSinceUpdate,
  nextBackoff,
} from './backoff.ts';
import { defaultBehaviour, servicesFor } from './behaviour.ts';
import { commitWrites, volumeLogFor } from './volumeData.ts';
import { instanceLogs, terminationMessage } from './termination.ts';
import { activeDeadlineAt, DEADLINE_MESSAGE, deadlineEvent } from './deadline.ts';
import type { ContainerBehaviour } from './behaviour.ts';
import { SimClock } from './clock.ts';
import { dateAt, goDuration, isoAt } from './format.ts';
import { normalizeImage, PAUSE_IMAGE, registryOf } from './images.ts';
import { createRng, nextHex, nextInt, nextUuid } from './rng.ts';
import type {
  ContainerRec,
  Job,
  NodeState,
  Plan,
  PodState,
  ProbeState,
  PullOutcome,
  SimState,
  Step,
  Writable,
} from './state.ts';
import { isSidecar, kubeletStatus, runtimeViewOf, schedulerStatus } from './status.ts';
import type {
  Action,
  ClusterObjects,
  ClusterOptions,
  PodRuntimeView,
  PrintRow,
  ProbeKind,
  ProbeTick,
  SimEvent,
  SimSnapshot,
  Simulation,
  V1Pod,
} from './types.ts';
import { runtimeView } from './view.ts';

/** The 1.35 pod worker requeues a back-off at most this far ahead. */
export const MAX_REQUEUE_MS = 60_000;
/** Requeue after a failed sync that carries no back-off (workerBackOffPeriod). */
export const SYNC_ERROR_REQUEUE_MS = 10_000;
/** minimumGracePeriodInSeconds. */
export const MIN_GRACE_MS = 2_000;
/** node-monitor-grace-period (1.32+) and the default NoExecute toleration. */
export const NODE_MONITOR_GRACE_MS = 50_000;
export const DEFAULT_TOLERATION_MS = 300_000;

const PROBE_KINDS: ProbeKind[] = ['startup', 'liveness', 'readiness'];
const PROBE_FIELD = {
  startup: 'startupProbe',
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
} as const;
const PROBE_TITLE = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' } as const;

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/**
 * A deep copy of the state. Events are never modified once recorded, so the
 * event list is copied shallowly (cheap checkpoints even after hours of events).
 */
function cloneState(st: SimState): SimState {
  const { events, ...rest } = st;
  return { ...clone(rest), events: events.slice() };
}

type StepResult = 'done' | 'wait' | 'abort';

export interface CreateOptions {
  manifest: string | object;
  seed?: number;
  cluster?: ClusterOptions;
}

class Sim implements Simulation {
  private st: SimState;
  private clock: SimClock<Job>;
  private beh: ContainerBehaviour;
  private dirty = new Set<string>();
  /** Bumped by every job and action; caches below are valid for one revision. */
  private rev = 0;
  private viewCache = new Map<string, { rev: number; now: number; view: PodRuntimeView }>();

  constructor(st: SimState, beh: ContainerBehaviour = defaultBehaviour) {
    this.st = st;
    this.clock = new SimClock<Job>(st.clock);
    this.beh = beh;
  }

  // -------------------------------------------------------------------------
  // Public API
  // -------------------------------------------------------------------------

  get nowMs(): number {
    return this.clock.nowMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance by ${ms} ms`);
    this.advanceTo(this.nowMs + ms);
  }

  advanceTo(ms: number): void {
    this.clock.advanceTo(Math.round(ms), (job, entry) => this.runAndFlush(job, entry.id));
    this.flush();
  }

  step(): number | undefined {
    const at = this.clock.step((job, entry) => this.runAndFlush(job, entry.id));
    this.flush();
    return at;
  }

  /** Runs a job; statuses are regenerated once per instant, after its last job. */
  private runAndFlush(job: Job, id: number): void {
    const rec = this.recOf(job);
    if (rec?.jobs) rec.jobs = rec.jobs.filter((j) => j !== id);
    this.run(job);
    if (this.clock.nextDueMs() !== this.clock.nowMs) this.flush();
  }

  nextEventAtMs(): number | undefined {
    return this.clock.nextDueMs();
  }

  dispatch(action: Action): void {
    const refused = actionError(action);
    if (refused) throw new Error(refused);
    this.rev++;
    this.act(action);
    this.flush();
    // What the action set in motion at this instant happens now.
    this.advanceTo(this.nowMs);
  }

  // The engine never mutates an API object it has published (it replaces
  // them), so these are returned as they are: treat them as read-only.
  pod(name?: string): V1Pod {
    return this.podState(name).api;
  }

  pods(): V1Pod[] {
    return this.st.podOrder.map((n) => this.st.pods[n]!.api);
  }

  events(): SimEvent[] {
    return this.st.events.slice();
  }

  eventCount(): number {
    return this.st.events.length;
  }

  eventsSince(from: number): SimEvent[] {
    return this.st.events.slice(Math.max(0, from));
  }

  logs(container: string, opts: { pod?: string; previous?: boolean } = {}): string[] {
    const p = this.podState(opts.pod);
    this.specByName(p, container);
    const records = p.containers.filter((r) => r.name === container && r.startedAtMs !== undefined);
    const rec = opts.previous
      ? records.find((r) => r.state === 'exited' && r !== records[0])
      : records[0];
    if (!rec) return [];
    return instanceLogs(rec, rec.finishedAtMs ?? this.nowMs);
  }

  snapshot(): SimSnapshot {
    this.st.clock = this.clock.snapshot();
    return { version: 1, nowMs: this.nowMs, state: cloneState(this.st) };
  }

  runtime(podName?: string): PodRuntimeView {
    const p = this.podState(podName);
    const cached = this.viewCache.get(p.name);
    if (cached && cached.rev === this.rev && cached.now === this.nowMs) return cached.view;
    const view = runtimeView(p, this.st, this.nowMs, this.beh, (pp, c) => this.pullDecision(pp, c));
    this.viewCache.set(p.name, { rev: this.rev, now: this.nowMs, view });
    return view;
  }

  nodes(): Node[] {
    return nodeObjects(this.clusterHost());
  }

  printRows(): PrintRow[] {
    const now = dateAt(this.nowMs);
    // A pod whose graceful deletion completed (no finalizers) is gone from the API.
    return this.st.podOrder
      .filter((n) => !this.st.pods[n]!.deleted)
      .map((n) => {
        const r = printPod(this.st.pods[n]!.api, now);
        return { name: r.name, ready: r.ready, status: r.status, restarts: r.restarts, age: r.age };
      });
  }

  services(): string[] {
    return [...new Set([...Object.keys(this.st.services), ...serviceNames(this.st)])].sort();
  }

  workloads(): ClusterObjects {
    const host = this.clusterHost();
    const w = workloadObjects(host);
    return {
      deployments: w.deployments as ClusterObjects['deployments'],
      replicaSets: w.replicaSets as ClusterObjects['replicaSets'],
      services: serviceObjects(host),
    };
  }

  // -------------------------------------------------------------------------
  // The control plane (src/engine/cluster) and what it borrows from here
  // -------------------------------------------------------------------------

  /** The simulation as the cluster's controllers see it (built per call; never stored). */
  private clusterHost(): ClusterHost {
    return {
      nowMs: this.now,
      st: this.st,
      event: (e) => {
        this.st.events.push({ atMs: this.now, ...e });
      },
      addPod: (pod) => this.addPod(pod, this.now + SCHEDULER_DELAY_MS),
      deletePod: (name, grace) => this.deletePod(this.podState(name), grace),
      retrySchedule: (name, atMs) => {
        this.schedule(atMs, { kind: 'schedule', pod: name });
      },
      schedule: (atMs, job) => {
        this.schedule(atMs, job);
      },
      evictPod: (name, message) => this.evictPod(this.podState(name), message),
      requestSync: (name) => {
        const p = this.podState(name);
        this.markDirty(p);
        this.requestSync(p);
      },
      isoAt,
    };
  }

  /** Stores a pod the API server accepted; the scheduler sees it at `scheduleAtMs`. */
  addPod(pod: Pod, scheduleAtMs: number): PodState {
    const name = pod.metadata!.name!;
    if (this.st.pods[name] && !this.st.pods[name].deleted)
      throw new Error(`pods "${name}" already exists`);
    const uid = nextUuid(this.st.rng);
    const meta = pod.metadata! as Writable<ObjectMeta>;
    meta.uid = uid;
    meta.creationTimestamp = isoAt(this.now);
    meta.resourceVersion ??= '1';
    const p = newPodState(pod, uid);
    if (!this.st.pods[name]) this.st.podOrder.push(name);
    this.st.pods[name] = p;
    (p.api as Writable<Pod>).status = schedulerStatus(p, this.now);
    this.schedule(scheduleAtMs, { kind: 'schedule', pod: name });
    return p;
  }

  /** Reads the manifest: Services and workloads go to the cluster, bare pods are created. */
  load(manifest: string | object): void {
    const host = this.clusterHost();
    const { pods } = loadManifest(host, manifest);
    for (const name of serviceNames(this.st)) this.st.services[name] ??= { createdAtMs: this.now };
    for (const pod of pods) this.addPod(pod, this.now);
    if (this.st.cluster!.rsOrder.length || this.st.cluster!.deploymentOrder.length)
      syncControllers(this.clusterHost());
    for (const name of this.st.podOrder) {
      const p = this.st.pods[name]!;
      (p.api as Writable<Pod>).status = schedulerStatus(p, this.now);
    }
  }

  /**
   * Node-pressure eviction by the kubelet: the Evicted event, the
   * DisruptionTarget condition, every container killed; the pod ends Failed
   * with reason Evicted and stays in the API (its controller replaces it).
   */
  private evictPod(p: PodState, message: string): void {
    if (p.deleted || p.finished || p.evicted) return;
    this.st.events.push({
      atMs: this.now,
      type: 'Warning',
      reason: 'Evicted',
      message,
      object: { kind: 'Pod', name: p.name },
    });
    const cond = {
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'TerminationByKubelet',
      message,
      lastProbeTime: null as unknown as string,
      lastTransitionTime: isoAt(this.now),
    };
    p.extraConditions.push(cond);
    p.evicted = { message };
    this.stopWorker(p);
    this.markDirty(p);
    this.requestSync(p);
  }

  /** Abandons the pod worker's current sync (an eviction decides what happens next). */
  private stopWorker(p: PodState): void {
    const w = p.worker;
    if (w.busy) {
      w.busy = false;
      w.plan = undefined;
      w.token++;
      for (const k of Object.keys(p.activity)) delete p.activity[k];
    }
  }

  // -------------------------------------------------------------------------
  // Lookups and small helpers
  // -------------------------------------------------------------------------

  private get now(): number {
    return this.clock.nowMs;
  }

  private podState(name?: string): PodState {
    const n = name ?? this.st.podOrder[0];
    const p = n !== undefined ? this.st.pods[n] : undefined;
    if (!p) throw new Error(`pods "${String(name)}" not found`);
    return p;
  }

  private specByName(
    p: PodState,
    name: string,
  ): { c: Container; kind: 'init' | 'sidecar' | 'app'; index: number } {
    const spec = p.api.spec!;
    const ii = (spec.initContainers ?? []).findIndex((c) => c.name === name);
    if (ii >= 0) {
      const c = spec.initContainers![ii]!;
      return { c, kind: isSidecar(c) ? 'sidecar' : 'init', index: ii };
    }
    const ai = spec.containers.findIndex((c) => c.name === name);
    if (ai >= 0) return { c: spec.containers[ai]!, kind: 'app', index: ai };
    throw new Error(`container "${name}" not found in pod "${p.name}"`);
  }

  private specOf(p: PodState, r: { kind: string; index: number }): Container {
    const spec = p.api.spec!;
    return r.kind === 'app' ? spec.containers[r.index]! : spec.initContainers![r.index]!;
  }

  private nodeOf(p: PodState): NodeState {
    return this.st.nodes[p.node]!;
  }

  private nodeDown(p: PodState): boolean {
    return p.node !== '' && this.st.nodes[p.node]?.down === true;
  }

  private podFull(p: PodState): string {
    return `${p.name}_${p.api.metadata!.namespace}(${p.uid})`;
  }

  private fieldPath(kind: string, name: string): string {
    return kind === 'app' ? `spec.containers{${name}}` : `spec.initContainers{${name}}`;
  }

  private event(
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    fieldPath?: string,
    pod?: string,
  ): void {
    const e: SimEvent = { atMs: this.now, type, reason, message };
    if (fieldPath) e.fieldPath = fieldPath;
    if (pod !== undefined) e.object = { kind: 'Pod', name: pod };
    this.st.events.push(e);
  }

  private cEvent(
    p: PodState,
    kind: string,
    name: string,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void {
    this.event(type, reason, message, this.fieldPath(kind, name), p.name);
  }

  private schedule(atMs: number, job: Job): number {
    const id = this.clock.schedule(atMs, job);
    // Jobs of one container instance are remembered, to be cancelled when it exits.
    const rec = this.recOf(job);
    if (rec) (rec.jobs ??= []).push(id);
    return id;
  }

  /** The container record a job is about, if any. */
  private recOf(job: Job): ContainerRec | undefined {
    if (!('cid' in job) || !('pod' in job)) return undefined;
    const cid = (job as { cid: unknown }).cid;
    const pod = this.st.pods[String((job as { pod: unknown }).pod)];
    return pod?.containers.find((c) => c.id === cid);
  }

  private rand(min: number, max: number): number {
    return nextInt(this.st.rng, min, max);
  }

  private markDirty(p: PodState): void {
    this.dirty.add(p.name);
  }

  private graceOf(p: PodState): number {
    return (p.api.spec!.terminationGracePeriodSeconds ?? 30) * 1000;
  }

  // -------------------------------------------------------------------------
  // Job dispatch
  // -------------------------------------------------------------------------

  private run(job: Job): void {
    this.rev++;
    switch (job.kind) {
      case 'schedule':
        this.onSchedule(this.st.pods[job.pod]!);
        break;
      case 'sync': {
        const p = this.st.pods[job.pod]!;
        if (p.worker.syncAtMs === this.now) {
          p.worker.syncAtMs = undefined;
          p.worker.syncJob = undefined;
        }
        if (this.nodeDown(p)) break;
        if (p.worker.busy) p.worker.queued = true;
        else this.startSync(p);
        break;
      }
      case 'resume': {
        const p = this.st.pods[job.pod]!;
        if (this.nodeDown(p)) break;
        if (p.worker.busy && p.worker.token === job.token) this.runPlan(p);
        break;
      }
      case 'exit': {
        // The runtime runs on without its kubelet: a process exits all the same.
        const p = this.st.pods[job.pod]!;
        const r = p.containers.find((c) => c.id === job.cid);
        if (r) this.containerExited(p, r, job.code, job.reason);
        break;
      }
      case 'stopSignal': {
        const p = this.st.pods[job.pod]!;
        if (this.nodeDown(p)) break;
        const r = p.containers.find((c) => c.id === job.cid);
        if (r) this.afterPreStop(p, r);
        break;
      }
      case 'sigkill': {
        const p = this.st.pods[job.pod]!;
        if (this.nodeDown(p)) break;
        const r = p.containers.find((c) => c.id === job.cid);
        if (r && r.state === 'running' && r.stopping) this.containerExited(p, r, 137);
        break;
      }
      case 'probe': {
        const p = this.st.pods[job.pod]!;
        if (this.nodeDown(p)) break;
        this.onProbe(p, job.cid, job.probe);
        break;
      }
      case 'pullDone':
        this.onPullDone(this.st.nodes[job.node]!, job.req);
        break;
      case 'faultEnd':
        this.st.probeFaults = this.st.probeFaults.filter((f) => f.id !== job.fault);
        this.st.pullFaults = this.st.pullFaults.filter((f) => f.id !== job.fault);
        break;
      case 'nodeNotReady':
        this.onNodeNotReady(this.st.nodes[job.node]!, job.token);
        break;
      case 'evict':
        this.onEvict(this.st.pods[job.pod]!, job.token);
        break;
      case 'activeDeadline': {
        const p = this.st.pods[job.pod];
        if (!p || p.deleted || p.finished || p.evicted || p.deletionRequested) break;
        if (this.nodeDown(p)) break;
        // The kubelet's activeDeadlineHandler: the pod's phase becomes Failed, its containers
        // are killed with the pod's grace period; no DisruptionTarget condition.
        this.st.events.push(deadlineEvent(p, this.now));
        this.stopWorker(p);
        p.evicted = {
          message: DEADLINE_MESSAGE,
          reason: 'DeadlineExceeded',
          graceMs: this.graceOf(p),
        };
        this.markDirty(p);
        this.requestSync(p);
        break;
      }
      case 'cluster-sync':
      case 'cluster-retry':
      case 'cluster-pressure-end':
        runClusterJob(this.clusterHost(), job);
        break;
    }
  }

  /** Regenerates the API status of every pod touched since the last flush. */
  private flush(): void {
    if (this.dirty.size > 0) {
      for (const name of this.st.podOrder) {
        if (!this.dirty.has(name)) continue;
        this.refreshStatus(this.st.pods[name]!);
      }
      this.dirty.clear();
    }
    if (clusterWatching(this.st)) afterStatusUpdate(this.clusterHost());
  }

  private refreshStatus(p: PodState): void {
    if (p.deleted && p.terminationDone && p.api.status?.phase && p.finished && !p.worker.busy) {
      // Final status already written by completeTermination.
      return;
    }
    if (this.nodeDown(p)) return; // the kubelet cannot post status
    if (!p.synced) {
      p.api = { ...p.api, status: schedulerStatus(p, this.now) };
      return;
    }
    p.api = { ...p.api, status: kubeletStatus(p, this.nodeOf(p), this.now) };
  }

  // -------------------------------------------------------------------------
  // Scheduling
  // -------------------------------------------------------------------------

  private onSchedule(p: PodState): void {
    if (p.scheduled || p.deleted) return;
    const spec = p.api.spec!;
    let node: NodeState | undefined;
    if (spec.nodeName) {
      node = this.st.nodes[spec.nodeName];
    } else {
      const chosen = schedulePending(this.clusterHost(), p);
      node = chosen !== undefined ? this.st.nodes[chosen] : undefined;
    }
    if (!node) return;
    p.node = node.name;
    // Objects handed out by pod()/pods() are never mutated: replace, don't edit.
    p.api = { ...p.api, spec: { ...spec, nodeName: node.name } };
    p.scheduled = true;
    this.markDirty(p);
    this.requestSync(p, this.now + this.rand(10, 60));
  }

  // -------------------------------------------------------------------------
  // The pod worker: syncs, one at a time per pod
  // -------------------------------------------------------------------------

  private requestSync(p: PodState, atMs = this.now): void {
    if (p.finished || !p.scheduled || this.nodeDown(p)) return;
    if (p.worker.busy && atMs <= this.now) {
      p.worker.queued = true;
      return;
    }
    this.scheduleSync(p, atMs);
  }

  private scheduleSync(p: PodState, atMs: number): void {
    const pending = p.worker.syncAtMs;
    if (pending !== undefined && pending >= this.now && pending <= atMs) return;
    // An earlier sync replaces a later one (that sync computes its own requeue).
    if (pending !== undefined) this.clock.cancel(p.worker.syncJob);
    p.worker.syncAtMs = atMs;
    p.worker.syncJob = this.schedule(atMs, { kind: 'sync', pod: p.name });
  }

  private requeue(p: PodState, atMs: number): void {
    const w = p.worker;
    w.requeueAtMs = w.requeueAtMs === undefined ? atMs : Math.min(w.requeueAtMs, atMs);
  }

  private startSync(p: PodState): void {
    if (p.finished || this.nodeDown(p)) return;
    if (!p.synced) {
      p.synced = true;
      p.firstSyncMs = this.now;
      this.markDirty(p);
      this.flush();
      const deadline = activeDeadlineAt(p);
      if (deadline !== undefined) this.schedule(deadline, { kind: 'activeDeadline', pod: p.name });
    }
    const plan = this.computePlan(p);
    const w = p.worker;
    w.busy = true;
    w.token++;
    w.plan = plan;
    w.requeueAtMs = undefined;
    this.runPlan(p);
  }

  private probeResults(p: PodState): ProbeResults {
    const liveness: Record<string, 'Success' | 'Failure' | 'Unknown'> = {};
    const startup: Record<string, 'Success' | 'Failure' | 'Unknown'> = {};
    for (const name of Object.keys(p.probes)) {
      const s = p.probes[name]!;
      if (s.liveness) liveness[name] = s.liveness.result;
      if (s.startup) startup[name] = s.startup.result;
    }
    return { liveness, startup };
  }

  private computePlan(p: PodState): Plan {
    if (p.deletionRequested || p.evicted) {
      const graceMs = p.evicted ? (p.evicted.graceMs ?? 0) : (p.deletionGraceMs ?? this.graceOf(p));
      return {
        steps: [{ t: 'killPod', purgeInit: false, graceMs }],
        i: 0,
        stage: 0,
        terminating: true,
      };
    }
    const probeResults = this.probeResults(p);
    // A container whose image was changed in place has a new spec hash: the kubelet restarts it.
    const specChangedContainers = p.containers
      .filter((r) => (r.state === 'running' || r.state === 'created') && r.kind !== 'init')
      .filter((r) => r === p.containers.find((c) => c.name === r.name))
      .filter((r) => (this.specOf(p, r).image ?? '') !== r.image)
      .map((r) => r.name);
    const a = computePodActionsDetailed(p.api, runtimeViewOf(p), {
      probeResults,
      specChangedContainers,
    });
    const steps: Step[] = [];
    if (a.createSandbox && p.sandboxes.length > 0) {
      this.event(
        'Normal',
        'SandboxChanged',
        'Pod sandbox changed, it will be killed and re-created.',
        undefined,
        p.name,
      );
    }
    if (a.killPod) {
      steps.push({ t: 'killPod', purgeInit: a.createSandbox, graceMs: this.graceOf(p) });
    } else {
      for (const k of a.kills) {
        const { c } = this.specByName(p, k.name);
        const why =
          k.reason === 'LivenessProbe' ? 'liveness' : k.reason === 'StartupProbe' ? 'startup' : '';
        const probeGrace = why ? c[PROBE_FIELD[why]]?.terminationGracePeriodSeconds : undefined;
        steps.push({
          t: 'kill',
          name: k.name,
          message: k.message || `Stopping container ${k.name}`,
          graceMs:
            probeGrace !== undefined && probeGrace !== null ? probeGrace * 1000 : this.graceOf(p),
        });
      }
    }
    if (a.createSandbox) steps.push({ t: 'sandbox', attempt: a.attempt });
    for (const i of a.initContainersToStart) steps.push({ t: 'start', kind: 'init', index: i });
    for (const i of a.containersToStart) steps.push({ t: 'start', kind: 'app', index: i });
    return { steps, i: 0, stage: 0, terminating: false };
  }

  private runPlan(p: PodState): void {
    const w = p.worker;
    const plan = w.plan;
    if (!plan) return;
    while (plan.i < plan.steps.length) {
      const r = this.execStep(p, plan, plan.steps[plan.i]!);
      this.markDirty(p);
      if (r === 'wait') return;
      if (r === 'abort') break;
      plan.i++;
      plan.stage = 0;
      plan.cid = undefined;
      plan.pull = undefined;
      plan.waitIds = undefined;
    }
    this.finishSync(p);
  }

  /** Waits `ms` of simulated time inside the current step. */
  private waitFor(p: PodState, ms: number): StepResult {
    const w = p.worker;
    w.token++;
    this.schedule(this.now + ms, { kind: 'resume', pod: p.name, token: w.token });
    return 'wait';
  }

  private wake(p: PodState): void {
    this.schedule(this.now, { kind: 'resume', pod: p.name, token: p.worker.token });
  }

  private finishSync(p: PodState): void {
    const w = p.worker;
    const plan = w.plan;
    w.busy = false;
    w.plan = undefined;
    w.token++;
    for (const k of Object.keys(p.activity)) delete p.activity[k];
    this.markDirty(p);
    this.flush();
    if (plan?.terminating && p.evicted && !p.deletionRequested) {
      p.terminationDone = true;
      p.finished = true;
      this.markDirty(p);
      this.flush();
      return;
    }
    if (plan?.terminating) {
      this.completeTermination(p);
      return;
    }
    const phase = p.api.status?.phase;
    const anyRunning = p.containers.some((r) => r.state === 'running' || r.state === 'created');
    if ((phase === 'Succeeded' || phase === 'Failed') && !anyRunning) {
      p.finished = true;
      return;
    }
    if (w.requeueAtMs !== undefined) {
      this.scheduleSync(p, w.requeueAtMs);
      w.requeueAtMs = undefined;
    }
    if (w.queued) {
      w.queued = false;
      this.scheduleSync(p, this.now);
    }
  }

  // -------------------------------------------------------------------------
  // Steps
  // -------------------------------------------------------------------------

  private execStep(p: PodState, plan: Plan, step: Step): StepResult {
    switch (step.t) {
      case 'killPod':
        return this.stepKillPod(p, plan, step);
      case 'kill':
        return this.stepKill(p, plan, step);
      case 'sandbox':
        return this.stepSandbox(p, plan, step);
      case 'start':
        return this.stepStart(p, plan, step);
    }
  }

  private stepKillPod(p: PodState, plan: Plan, step: Extract<Step, { t: 'killPod' }>): StepResult {
    if (plan.stage === 0) {
      const targets = p.containers.filter((r) => r.state === 'running' || r.state === 'created');
      for (const r of targets) {
        if (r.state === 'created') {
          this.containerExited(p, r, 137, 'Error', false);
          continue;
        }
        if (!r.stopping)
          this.stopContainer(p, r, step.graceMs, `Stopping container ${r.name}`, true);
      }
      plan.waitIds = targets.map((r) => r.id);
      plan.stage = 1;
    }
    const waiting = p.containers.some((r) => plan.waitIds!.includes(r.id) && r.state === 'running');
    if (waiting) return 'wait';
    for (const s of p.sandboxes) {
      if (s.state === 'SANDBOX_READY') {
        s.state = 'SANDBOX_NOTREADY';
        this.releaseIp(p, s.ip);
      }
    }
    if (step.purgeInit) {
      p.containers = p.containers.filter((r) => r.kind === 'app');
      for (const c of p.api.spec!.initContainers ?? []) delete p.probes[c.name];
    }
    return 'done';
  }

  private stepKill(p: PodState, plan: Plan, step: Extract<Step, { t: 'kill' }>): StepResult {
    if (plan.stage === 0) {
      const r = p.containers.find(
        (c) => c.name === step.name && (c.state === 'running' || c.state === 'created'),
      );
      if (!r) return 'done';
      if (r.state === 'created') {
        this.containerExited(p, r, 137, 'Error', false);
        return 'done';
      }
      if (!r.stopping) this.stopContainer(p, r, step.graceMs, step.message, false);
      plan.waitIds = [r.id];
      plan.stage = 1;
    }
    const waiting = p.containers.some((r) => plan.waitIds!.includes(r.id) && r.state === 'running');
    return waiting ? 'wait' : 'done';
  }

  private stepSandbox(p: PodState, plan: Plan, step: Extract<Step, { t: 'sandbox' }>): StepResult {
    if (plan.stage === 0) {
      if (this.reachedTerminalPhase(p)) return 'abort';
      plan.stage = 1;
      return this.waitFor(p, this.rand(250, 700));
    }
    const node = this.nodeOf(p);
    const hostNetwork = p.api.spec!.hostNetwork === true;
    const ip = hostNetwork ? node.ip : this.allocateIp(node);
    p.sandboxes.unshift({
      id: nextHex(this.st.rng, 64),
      attempt: step.attempt,
      ip,
      state: 'SANDBOX_READY',
      createdAtMs: this.now,
      hostNetwork,
    });
    if (p.sandboxes.length > 3) p.sandboxes.length = 3;
    return 'done';
  }

  private allocateIp(node: NodeState): string {
    let host = this.rand(2, 254);
    for (let tries = 0; node.usedIps.includes(host) && tries < 253; tries++)
      host = host >= 254 ? 2 : host + 1;
    node.usedIps.push(host);
    return `10.244.${node.index + 1}.${host}`;
  }

  private releaseIp(p: PodState, ip: string): void {
    const node = this.nodeOf(p);
    const host = Number(ip.split('.')[3]);
    if (ip.startsWith(`10.244.${node.index + 1}.`))
      node.usedIps = node.usedIps.filter((h) => h !== host);
  }

  /** The pull decision for a container's next start. */
  private pullDecision(
    p: PodState,
    c: Container,
  ): { policy: string; presentOnNode: boolean; willPull: boolean; ref: string } {
    const ref = normalizeImage(c.image ?? '');
    const policy = c.imagePullPolicy ?? 'IfNotPresent';
    const node = p.node ? this.st.nodes[p.node] : undefined;
    const presentOnNode = node !== undefined && ref in node.images;
    const willPull = policy === 'Always' || (policy === 'IfNotPresent' && !presentOnNode);
    return { policy, presentOnNode, willPull, ref };
  }

  private stepStart(p: PodState, plan: Plan, step: Extract<Step, { t: 'start' }>): StepResult {
    const spec =
      step.kind === 'app'
        ? p.api.spec!.containers[step.index]!
        : p.api.spec!.initContainers![step.index]!;
    const name = spec.name;
    const kind = step.kind === 'app' ? 'app' : isSidecar(spec) ? 'sidecar' : 'init';
    const fp = this.fieldPath(kind, name);
    const image = spec.image ?? '';
    const fail = (): StepResult => (kind === 'init' ? 'abort' : 'done');

    switch (plan.stage) {
      case 0: {
        if (p.deletionRequested || p.evicted || this.reachedTerminalPhase(p)) return 'abort';
        // Crash-loop back-off (doBackOff), keyed by the newest exited record.
        const exited = p.containers.find((r) => r.name === name && r.state === 'exited');
        if (exited) {
          const finishedAt = exited.finishedAtMs ?? this.now;
          const e = p.crashBackoff[name];
          if (e && isInBackOffSince(CRASH_LOOP_BACKOFF, e, finishedAt, this.now)) {
            this.event(
              'Warning',
              'BackOff',
              `Back-off restarting failed container ${name} in pod ${this.podFull(p)}`,
              fp,
              p.name,
            );
            p.reasons[name] = {
              reason: 'CrashLoopBackOff',
              message: `back-off ${goDuration(e.backoffMs)} restarting failed container=${name} pod=${this.podFull(p)}`,
            };
            this.requeue(p, Math.min(finishedAt + e.backoffMs, this.now + MAX_REQUEUE_MS));
            return fail();
          }
          p.crashBackoff[name] = nextBackoff(CRASH_LOOP_BACKOFF, e, finishedAt, this.now);
        }
        // Image (EnsureImageExists).
        const d = this.pullDecision(p, spec);
        if (d.policy === 'Never' && !d.presentOnNode) {
          const msg = `Container image "${image}" is not present with pull policy of Never`;
          this.cEvent(p, kind, name, 'Warning', 'ErrImageNeverPull', msg);
          this.cEvent(p, kind, name, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
          p.reasons[name] = { reason: 'ErrImageNeverPull', message: msg };
          this.requeue(p, this.now + SYNC_ERROR_REQUEUE_MS);
          return fail();
        }
        if (!d.willPull) {
          this.cEvent(
            p,
            kind,
            name,
            'Normal',
            'Pulled',
            `Container image "${image}" already present on machine and can be accessed by the pod`,
          );
          plan.stage = 2;
          return this.stepStart(p, plan, step);
        }
        const ib = p.imageBackoff[image];
        if (ib && isInBackOffSinceUpdate(IMAGE_PULL_BACKOFF, ib, this.now)) {
          const msg = `Back-off pulling image "${image}"`;
          this.cEvent(p, kind, name, 'Normal', 'BackOff', msg);
          this.cEvent(p, kind, name, 'Warning', 'Failed', 'Error: ImagePullBackOff');
          p.reasons[name] = { reason: 'ImagePullBackOff', message: msg };
          this.requeue(p, Math.min(ib.lastUpdateMs + ib.backoffMs, this.now + MAX_REQUEUE_MS));
          return fail();
        }
        this.cEvent(p, kind, name, 'Normal', 'Pulling', `Pulling image "${image}"`);
        p.activity[name] = 'pulling';
        plan.stage = 1;
        p.worker.token++;
        this.enqueuePull(p, d.ref, plan);
        return 'wait';
      }
      case 1: {
        const out = plan.pull;
        if (!out) return 'wait';
        p.activity[name] = undefined;
        if (!out.ok) {
          const msg = `Failed to pull image "${image}": ${out.error ?? ''}`;
          this.cEvent(p, kind, name, 'Warning', 'Failed', msg);
          this.cEvent(p, kind, name, 'Warning', 'Failed', 'Error: ErrImagePull');
          p.reasons[name] = { reason: 'ErrImagePull', message: out.error ?? msg };
          p.imageBackoff[image] = nextBackoff(
            IMAGE_PULL_BACKOFF,
            p.imageBackoff[image],
            this.now,
            this.now,
          );
          // The next sync comes soon (PLEG/status), and finds the back-off.
          this.requeue(p, this.now + 1000);
          return fail();
        }
        this.cEvent(
          p,
          kind,
          name,
          'Normal',
          'Pulled',
          `Successfully pulled image "${image}" in ${goDuration(out.pullMs)} (${goDuration(out.totalMs)} including waiting). Image size: ${out.sizeBytes} bytes.`,
        );
        plan.stage = 2;
        return this.stepStart(p, plan, step);
      }
      case 2:
        if (p.deletionRequested || p.evicted) return 'abort';
        p.activity[name] = 'creating';
        plan.stage = 3;
        return this.waitFor(p, this.rand(20, 90));
      case 3: {
        const sandbox = p.sandboxes[0];
        if (!sandbox || sandbox.state !== 'SANDBOX_READY') {
          p.activity[name] = undefined;
          return fail();
        }
        const rc = p.lastRestart[name] === undefined ? 0 : p.lastRestart[name]! + 1;
        p.lastRestart[name] = rc;
        const rec: ContainerRec = {
          id: nextHex(this.st.rng, 64),
          name,
          kind,
          index: step.index,
          sandboxId: sandbox.id,
          restartCount: rc,
          state: 'created',
          image,
          createdAtMs: this.now,
        };
        p.containers.unshift(rec);
        this.pruneRecords(p, name);
        plan.cid = rec.id;
        this.cEvent(p, kind, name, 'Normal', 'Created', 'Container created');
        plan.stage = 4;
        return this.waitFor(p, this.rand(20, 80));
      }
      case 4: {
        const rec = p.containers.find((r) => r.id === plan.cid);
        p.activity[name] = undefined;
        if (!rec || rec.state !== 'created') return fail();
        // The sandbox died between create and start: the runtime cannot start it there.
        const sb = p.sandboxes[0];
        if (!sb || sb.id !== rec.sandboxId || sb.state !== 'SANDBOX_READY') return fail();
        rec.state = 'running';
        rec.startedAtMs = this.now;
        const ip = p.sandboxes[0]?.ip;
        rec.behCtx = {
          podName: p.name,
          podIp: ip,
          podSpec: p.api.spec,
          // The pod's running containers and the Services, relative to this start (behaviour seam).
          peers: [
            ...p.containers
              .filter((o) => o !== rec && o.state === 'running' && o.startedAtMs !== undefined)
              .map((o) => ({ container: this.specOf(p, o), sinceMs: o.startedAtMs! - this.now })),
            // App containers this sync starts next, about 150 ms apart.
            ...plan.steps
              .slice(plan.i + 1)
              .flatMap((st, k) =>
                st.t === 'start' && st.kind === 'app'
                  ? [{ container: p.api.spec!.containers[st.index]!, sinceMs: 150 * (k + 1) }]
                  : [],
              ),
          ],
          services: servicesFor(this.st, this.now, p.api.metadata?.namespace),
          volumeLog: volumeLogFor(p, this.now),
        };
        rec.program = this.beh.program(spec, rec.behCtx);
        if (rec.program.startError !== undefined) {
          // CRI StartContainer failed: no Started event; the runtime keeps the record as
          // exited (StartError, 128) and the kubelet's reasonCache says RunContainerError.
          return this.startFailed(p, rec, rec.program.startError, fail);
        }
        if (rec.program.exit) {
          this.schedule(this.now + rec.program.exit.afterMs, {
            kind: 'exit',
            pod: p.name,
            cid: rec.id,
            code: rec.program.exit.code,
            ...(rec.program.exit.reason ? { reason: rec.program.exit.reason } : {}),
          });
        }
        this.startProbes(p, rec, spec);
        this.cEvent(p, kind, name, 'Normal', 'Started', 'Container started');
        // PLEG reports ContainerStarted: the pod worker syncs again after this sync.
        p.worker.queued = true;
        const hook = spec.lifecycle?.postStart;
        if (!hook) {
          // The sync's result clears the reasonCache entry of a started container.
          delete p.reasons[name];
          return 'done';
        }
        // postStart runs inside this sync: the reasonCache (and the status the
        // kubelet last wrote) stand until it returns.
        const h = this.beh.hook(hook, 'postStart', { ...rec.behCtx, container: spec });
        rec.postStartUntilMs = this.now + h.durationMs;
        plan.hook = {
          ok: h.ok,
          untilMs: this.now + h.durationMs,
          ...(h.kind ? { kind: h.kind } : {}),
          ...(h.ok ? {} : { message: hookFailureMessage(hook, name, this.podFull(p), h) }),
        };
        plan.stage = 5;
        return this.waitFor(p, h.durationMs);
      }
      case 5:
        return this.postStartReturned(p, plan, kind, name);
      default: {
        const rec = p.containers.find((r) => r.id === plan.cid);
        if (rec && rec.state === 'running') return 'wait';
        if (plan.hook) this.postStartKilled(p, plan, name);
        return fail();
      }
    }
  }

  /**
   * The postStart hook returned (stage 5 of a start), or its container died
   * first. Success: the start is done. Failure — including an exec hook
   * killed with its container (exit 137) — is `FailedPostStartHook`, the
   * container killed (`Killing` `FailedPostStartHook`, preStop included) and
   * `PostStartHookError` with the handler's message in the reasonCache; the
   * status stays frozen until the kill is over. A `sleep` hook is not cut
   * short: the sync waits out its seconds.
   */
  private postStartReturned(
    p: PodState,
    plan: Plan,
    kind: 'init' | 'sidecar' | 'app',
    name: string,
  ): StepResult {
    const rec = p.containers.find((r) => r.id === plan.cid);
    const h = plan.hook;
    if (!rec || !h) return 'done';
    const spec = this.specOf(p, rec);
    const hook = spec.lifecycle?.postStart;
    if (rec.state !== 'running' && h.kind === 'sleep' && this.now < h.untilMs)
      return this.waitFor(p, h.untilMs - this.now);
    let failure = h.ok ? undefined : h.message;
    if (rec.state !== 'running' && h.kind === 'exec' && this.now < h.untilMs && hook)
      failure = hookFailureMessage(hook, name, this.podFull(p), {
        durationMs: 0,
        ok: false,
        error: execExitError(hook.exec?.command ?? [], 137, ''),
        output: '',
      });
    if (rec.state !== 'running') rec.postStartUntilMs = undefined;
    if (failure === undefined) {
      rec.postStartUntilMs = undefined;
      delete p.reasons[name];
      this.markDirty(p);
      return 'done';
    }
    this.cEvent(p, kind, name, 'Warning', 'FailedPostStartHook', 'PostStartHook failed');
    plan.hook = { ...h, message: failure };
    if (rec.state !== 'running') {
      // killContainer records Killing before it finds the container already gone.
      this.cEvent(p, kind, name, 'Normal', 'Killing', 'FailedPostStartHook');
      return this.postStartKilled(p, plan, name);
    }
    // The status stays frozen (and probes skip) until the kill is over.
    this.stopContainer(p, rec, this.graceOf(p), 'FailedPostStartHook', false);
    plan.waitIds = [rec.id];
    plan.stage = 6;
    return 'wait';
  }

  /** The sync that ran a failed postStart returns: its result goes to the reasonCache. */
  private postStartKilled(p: PodState, plan: Plan, name: string): StepResult {
    const message = plan.hook?.message;
    if (message !== undefined) p.reasons[name] = { reason: 'PostStartHookError', message };
    plan.hook = undefined;
    this.markDirty(p);
    return 'done';
  }

  /** A container whose process could not be started (runc could not exec it). */
  private startFailed(
    p: PodState,
    rec: ContainerRec,
    message: string,
    fail: () => StepResult,
  ): StepResult {
    rec.startedAtMs = undefined;
    rec.startFailed = true;
    rec.message = message;
    this.cEvent(p, rec.kind, rec.name, 'Warning', 'Failed', `Error: ${message}`);
    p.reasons[rec.name] = { reason: 'RunContainerError', message };
    this.containerExited(p, rec, 128, 'StartError', false);
    this.requestSync(p);
    return fail();
  }

  /**
   * The pod reached Succeeded or Failed (read now, mid-sync: a kill this sync
   * carried out may have ended its last container). The kubelet starts
   * nothing in a terminal pod — no new sandbox, no container
   * (podWorkers: a terminal phase moves the pod to terminated).
   */
  private reachedTerminalPhase(p: PodState): boolean {
    if (p.api.spec!.restartPolicy === 'Always' || !p.synced) return false;
    this.refreshStatus(p);
    const phase = p.api.status?.phase;
    return phase === 'Succeeded' || phase === 'Failed';
  }

  /** Keeps the two newest records per container name (the kubelet's GC keeps one dead instance). */
  private pruneRecords(p: PodState, name: string): void {
    let seen = 0;
    p.containers = p.containers.filter(
      (r) => r.name !== name || ++seen <= 2 || r.state === 'running',
    );
  }

  // -------------------------------------------------------------------------
  // The image puller (serialized per node)
  // -------------------------------------------------------------------------

  private enqueuePull(p: PodState, ref: string, plan: Plan): void {
    const node = this.nodeOf(p);
    const req = ++this.st.nextId;
    plan.pendingPull = req;
    node.puller.queue.push({
      req,
      pod: p.name,
      token: p.worker.token,
      image: ref,
      enqueuedAtMs: this.now,
    });
    this.pumpPuller(node);
  }

  private pullFaulted(ref: string): boolean {
    return this.st.pullFaults.some((f) => f.image === undefined || f.image === ref);
  }

  private pumpPuller(node: NodeState): void {
    if (node.puller.busy || node.puller.queue.length === 0) return;
    const r = node.puller.queue.shift()!;
    const info = this.beh.image(r.image);
    const faulted = this.pullFaulted(r.image);
    const ok = info.exists && !faulted;
    let pullMs: number;
    let error: string | undefined;
    if (ok) {
      const present = r.image in node.images;
      pullMs = present
        ? this.rand(150, 700)
        : 400 + Math.round((info.sizeBytes / (this.rand(20, 45) * 1_000_000)) * 1000);
    } else {
      pullMs = this.rand(300, 1500);
      const reg = registryOf(r.image);
      error = faulted
        ? `rpc error: code = Unavailable desc = failed to pull and unpack image "${r.image}": failed to resolve reference "${r.image}": unexpected status from HEAD request to https://${reg.host}/v2/${reg.path}/manifests/${reg.tag}: 503 Service Unavailable`
        : `rpc error: code = NotFound desc = failed to pull and unpack image "${r.image}": failed to resolve reference "${r.image}": ${r.image}: not found`;
    }
    const outcome: PullOutcome = {
      ok,
      pullMs,
      totalMs: 0,
      sizeBytes: info.sizeBytes,
      ...(error ? { error } : {}),
    };
    node.puller.busy = { ...r, startedAtMs: this.now, outcome };
    this.schedule(this.now + pullMs, { kind: 'pullDone', node: node.name, req: r.req });
  }

  private onPullDone(node: NodeState, req: number): void {
    const b = node.puller.busy;
    if (!b || b.req !== req || node.down) return;
    node.puller.busy = undefined;
    const outcome = { ...b.outcome, totalMs: this.now - b.enqueuedAtMs };
    if (outcome.ok) node.images[b.image] = outcome.sizeBytes;
    const p = this.st.pods[b.pod];
    if (p && p.worker.busy && p.worker.plan?.pendingPull === req) {
      p.worker.plan.pendingPull = undefined;
      p.worker.plan.pull = outcome;
      this.wake(p);
    }
    this.pumpPuller(node);
  }

  // -------------------------------------------------------------------------
  // Stopping containers (killContainer)
  // -------------------------------------------------------------------------

  private stopContainer(
    p: PodState,
    r: ContainerRec,
    graceMs: number,
    message: string,
    ordered: boolean,
  ): void {
    this.cEvent(p, r.kind, r.name, 'Normal', 'Killing', message);
    r.stopping = { sinceMs: this.now, graceMs, ordered };
    // Liveness and startup probing stop; readiness goes on until the exit.
    const probes = p.probes[r.name];
    if (probes && p.containers.find((c) => c.name === r.name) === r) {
      if (probes.liveness) probes.liveness.onHold = true;
      if (probes.startup) probes.startup.onHold = true;
    }
    const hook = this.specOf(p, r).lifecycle?.preStop;
    if (hook && graceMs > 0) {
      const h = this.beh.hook(hook, 'preStop', {
        ...(r.behCtx ?? { podName: p.name, podIp: p.sandboxes[0]?.ip }),
        container: this.specOf(p, r),
        elapsedMs: this.now - (r.startedAtMs ?? this.now),
      });
      const d = Math.min(h.durationMs, graceMs);
      r.stopping.preStopUntilMs = this.now + d;
      r.stopping.preStopFromMs = this.now;
      if (!h.ok) r.stopping.preStopFailed = true;
      this.schedule(this.now + d, { kind: 'stopSignal', pod: p.name, cid: r.id });
    } else {
      this.afterPreStop(p, r);
    }
  }

  private afterPreStop(p: PodState, r: ContainerRec): void {
    if (r.state !== 'running' || !r.stopping || r.stopping.signalAtMs !== undefined) return;
    r.stopping.preStopUntilMs = undefined;
    if (r.stopping.preStopFailed) {
      r.stopping.preStopFailed = undefined;
      this.cEvent(p, r.kind, r.name, 'Warning', 'FailedPreStopHook', 'PreStopHook failed');
    }
    if (r.stopping.ordered && r.kind === 'sidecar' && !this.sidecarTurn(p, r)) {
      r.stopping.waitingTurn = true;
      this.markDirty(p);
      return;
    }
    this.sendStop(p, r);
  }

  /** A sidecar's stop signal waits for every regular container and every later sidecar. */
  private sidecarTurn(p: PodState, r: ContainerRec): boolean {
    return !p.containers.some(
      (c) =>
        c.state === 'running' && (c.kind === 'app' || (c.kind === 'sidecar' && c.index > r.index)),
    );
  }

  private sendStop(p: PodState, r: ContainerRec): void {
    const s = r.stopping!;
    s.waitingTurn = undefined;
    const remaining = Math.max(s.graceMs - (this.now - s.sinceMs), MIN_GRACE_MS);
    s.signalAtMs = this.now;
    s.killAtMs = this.now + remaining;
    this.schedule(s.killAtMs, { kind: 'sigkill', pod: p.name, cid: r.id });
    const react = r.program?.onStop ?? { kind: 'ignore' };
    if (react.kind === 'exit' && react.afterMs < remaining) {
      this.schedule(this.now + react.afterMs, {
        kind: 'exit',
        pod: p.name,
        cid: r.id,
        code: react.code,
      });
    }
    this.markDirty(p);
  }

  private checkSidecarTurns(p: PodState): void {
    const waiting = p.containers
      .filter((c) => c.state === 'running' && c.stopping?.waitingTurn)
      .sort((a, b) => b.index - a.index);
    for (const r of waiting) if (this.sidecarTurn(p, r)) this.sendStop(p, r);
  }

  private containerExited(
    p: PodState,
    r: ContainerRec,
    code: number,
    reason?: string,
    notify = true,
  ): void {
    if (r.state !== 'running' && r.state !== 'created') return;
    commitWrites(p, r, this.now);
    if (r.message === undefined) {
      const message = terminationMessage(r, this.specOf(p, r), code, this.now);
      if (message !== undefined) r.message = message;
    }
    r.state = 'exited';
    r.exitCode = code;
    r.finishedAtMs = this.now;
    r.reason = reason ?? (code === 0 ? 'Completed' : 'Error');
    // A sync blocked in this container's postStart keeps the status the
    // kubelet last wrote until it returns (postStartReturned clears it).
    const blocked = p.worker.busy && p.worker.plan?.cid === r.id && p.worker.plan.stage === 5;
    if (!blocked) r.postStartUntilMs = undefined;
    // Its pending exit, stop, kill and probe jobs will never matter: drop them.
    for (const id of r.jobs ?? []) this.clock.cancel(id);
    r.jobs = undefined;
    if (p.containers.find((c) => c.name === r.name) === r) p.probes[r.name] = {};
    this.markDirty(p);
    this.checkSidecarTurns(p);
    if (!notify) return;
    const plan = p.worker.plan;
    if (p.worker.busy && plan && (plan.waitIds?.includes(r.id) || plan.cid === r.id)) this.wake(p);
    this.requestSync(p);
  }

  // -------------------------------------------------------------------------
  // Probes (the prober's workers)
  // -------------------------------------------------------------------------

  private startProbes(p: PodState, r: ContainerRec, spec: Container): void {
    const states: Partial<Record<ProbeKind, ProbeState>> = {};
    for (const kind of PROBE_KINDS) {
      const probe = spec[PROBE_FIELD[kind]];
      if (!probe || r.kind === 'init') continue;
      // The prober's worker ticks every period from when the kubelet first saw
      // the pod; a tick earlier than initialDelaySeconds after the start is skipped.
      const period = (probe.periodSeconds ?? 10) * 1000;
      const earliest = this.now + (probe.initialDelaySeconds ?? 0) * 1000;
      const anchor = p.firstSyncMs ?? this.now;
      const at = anchor + Math.ceil(Math.max(0, earliest - anchor) / period) * period;
      states[kind] = {
        result: kind === 'readiness' ? 'Failure' : kind === 'liveness' ? 'Success' : 'Unknown',
        successRun: 0,
        failureRun: 0,
        onHold: false,
        nextAtMs: at,
      };
      this.schedule(at, { kind: 'probe', pod: p.name, cid: r.id, probe: kind });
    }
    p.probes[r.name] = states;
  }

  private probeFaulted(p: PodState, container: string, kind: ProbeKind): boolean {
    return this.st.probeFaults.some(
      (f) => f.pod === p.name && f.container === container && f.probe === kind,
    );
  }

  private onProbe(p: PodState, cid: string, kind: ProbeKind): void {
    const r = p.containers.find((c) => c.id === cid);
    if (!r || r.state !== 'running') return;
    const states = p.probes[r.name];
    const st = states?.[kind];
    if (!st) return;
    const spec = this.specOf(p, r);
    const probe = spec[PROBE_FIELD[kind]] as Probe;
    const period = (probe.periodSeconds ?? 10) * 1000;
    const next = () => {
      st.nextAtMs = this.now + period;
      this.schedule(st.nextAtMs, { kind: 'probe', pod: p.name, cid, probe: kind });
    };
    st.nextAtMs = undefined;
    if (st.onHold) return;
    if (kind === 'startup' && st.result === 'Success') return;
    const tick = (t: Omit<ProbeTick, 'atMs' | 'container' | 'run' | 'probe' | 'sinceStartMs'>) =>
      recordTick(p, {
        atMs: this.now,
        container: r.name,
        run: r.restartCount,
        probe: kind,
        sinceStartMs: this.now - (r.startedAtMs ?? this.now),
        ...t,
      });
    const skip = (why: NonNullable<ProbeTick['skipped']>) =>
      tick({
        outcome: 'skipped',
        skipped: why,
        failures: st.failureRun,
        successes: st.successRun,
        result: st.result,
      });
    // The worker reads the container from the pod status, which shows it
    // running only once postStart has returned: until then the tick is skipped.
    if (r.postStartUntilMs !== undefined) {
      skip('post-start');
      return next();
    }
    if (kind !== 'startup' && states.startup && states.startup.result !== 'Success') {
      skip('startup-pending');
      return next();
    }
    if (kind !== 'readiness' && p.deletionRequested) {
      skip('terminating');
      return;
    }
    const pre = r.stopping?.preStopFromMs;
    const out = this.beh.probe(probe, kind, {
      ...(r.behCtx ?? { podName: p.name, podIp: p.sandboxes[0]?.ip }),
      container: spec,
      elapsedMs: this.now - (r.startedAtMs ?? this.now),
      ...(pre !== undefined ? { preStopAtMs: pre - (r.startedAtMs ?? pre) } : {}),
      faulted: this.probeFaulted(p, r.name, kind),
    });
    let changed = false;
    if (out.errored) {
      // prober.probe: the probe errored; the worker throws the result away.
      this.cEvent(
        p,
        r.kind,
        r.name,
        'Warning',
        'Unhealthy',
        `${PROBE_TITLE[kind]} probe errored and resulted in ${out.errored} state: ${out.output}`,
      );
      tick({
        outcome: 'error',
        output: out.output,
        failures: st.failureRun,
        successes: st.successRun,
        result: st.result,
      });
      return next();
    }
    if (out.ok && out.warning)
      this.cEvent(
        p,
        r.kind,
        r.name,
        'Warning',
        'ProbeWarning',
        `${PROBE_TITLE[kind]} probe warning: ${out.output}`,
      );
    if (!out.ok) {
      this.cEvent(
        p,
        r.kind,
        r.name,
        'Warning',
        'Unhealthy',
        `${PROBE_TITLE[kind]} probe failed: ${out.output}`,
      );
      st.failureRun++;
      st.successRun = 0;
      if (st.failureRun >= (probe.failureThreshold ?? 3) && st.result !== 'Failure') {
        st.result = 'Failure';
        changed = true;
      }
    } else {
      st.successRun++;
      st.failureRun = 0;
      if (st.successRun >= (probe.successThreshold ?? 1) && st.result !== 'Success') {
        st.result = 'Success';
        changed = true;
      }
    }
    tick({
      outcome: out.ok ? 'success' : 'failure',
      ...(out.ok ? {} : { output: out.output }),
      failures: st.failureRun,
      successes: st.successRun,
      result: st.result,
      ...(changed
        ? {
            acted:
              kind === 'readiness'
                ? st.result === 'Success'
                  ? 'ready'
                  : 'not-ready'
                : st.result === 'Failure'
                  ? 'restart'
                  : kind === 'startup'
                    ? 'started'
                    : undefined,
          }
        : {}),
    });
    if (kind !== 'readiness' && st.result === 'Failure') st.onHold = true;
    else if (!(kind === 'startup' && st.result === 'Success')) next();
    if (changed) {
      this.markDirty(p);
      // Readiness flips only the status; startup and liveness results drive the sync.
      if (kind !== 'readiness' || r.kind === 'sidecar') this.requestSync(p);
    }
  }

  // -------------------------------------------------------------------------
  // Termination
  // -------------------------------------------------------------------------

  private deletePod(p: PodState, graceSeconds?: number): void {
    if (p.deleted) throw new Error(`pods "${p.name}" not found`);
    if (p.deletionRequested) return;
    const grace = Math.max(
      0,
      Math.round(graceSeconds ?? p.api.spec!.terminationGracePeriodSeconds ?? 30),
    );
    const meta = { ...p.api.metadata! } as Writable<ObjectMeta>;
    p.api = { ...p.api, metadata: meta };
    if (p.finished || !p.scheduled) {
      // Nothing runs: the API object goes at once.
      meta.deletionTimestamp = isoAt(this.now);
      meta.deletionGracePeriodSeconds = 0;
      p.deletionRequested = true;
      p.deleted = true;
      p.finished = true;
      p.terminationDone = true;
      return;
    }
    meta.deletionTimestamp = isoAt(this.now + grace * 1000);
    meta.deletionGracePeriodSeconds = grace;
    p.deletionRequested = true;
    p.deletionGraceMs = grace * 1000;
    // The pod worker abandons the running sync and terminates the pod.
    const w = p.worker;
    if (w.busy) {
      w.busy = false;
      w.plan = undefined;
      w.token++;
      for (const k of Object.keys(p.activity)) delete p.activity[k];
    }
    this.markDirty(p);
    this.requestSync(p);
  }

  private completeTermination(p: PodState): void {
    p.terminationDone = true;
    p.finished = true;
    this.markDirty(p);
    this.flush();
    p.deleted = true;
  }

  // -------------------------------------------------------------------------
  // Nodes
  // -------------------------------------------------------------------------

  private podsOn(node: NodeState): PodState[] {
    return this.st.podOrder.map((n) => this.st.pods[n]!).filter((p) => p.node === node.name);
  }

  private onNodeNotReady(node: NodeState, token: number): void {
    if (node.token !== token || !node.down) return;
    node.ready = false;
    node.readyTransitionMs = this.now;
    nodeStatusChanged(this.clusterHost(), node.name, false);
    for (const p of this.podsOn(node)) {
      if (p.deleted) continue;
      const status = p.api.status;
      const ready = status?.conditions?.find((c) => c.type === 'Ready');
      if (status && ready && ready.status !== 'False') {
        const flipped = { ...ready, status: 'False', lastTransitionTime: isoAt(this.now) };
        const conditions = status.conditions!.map((c) => (c === ready ? flipped : c));
        p.api = { ...p.api, status: { ...status, conditions } };
        this.st.events.push({
          atMs: this.now,
          type: 'Warning',
          reason: 'NodeNotReady',
          message: 'Node is not ready',
          object: { kind: 'Pod', name: p.name },
          source: 'node-controller',
        });
      }
      p.nodeMarkedNotReady = true;
      const delayMs = noExecuteDelayMs(this.clusterHost(), p);
      if (!p.deletionRequested && delayMs !== undefined) {
        p.evictToken++;
        this.schedule(this.now + delayMs, {
          kind: 'evict',
          pod: p.name,
          token: p.evictToken,
        });
      }
    }
  }

  private onEvict(p: PodState, token: number): void {
    if (p.evictToken !== token || p.deletionRequested || p.deleted) return;
    this.st.events.push({
      atMs: this.now,
      type: 'Normal',
      reason: 'TaintManagerEviction',
      message: `Marking for deletion Pod ${p.api.metadata!.namespace}/${p.name}`,
      object: { kind: 'Pod', name: p.name },
      source: 'taint-eviction-controller',
    });
    const cond = {
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
      lastProbeTime: null as unknown as string,
      lastTransitionTime: isoAt(this.now),
    };
    p.extraConditions.push(cond);
    const status = p.api.status ?? {};
    p.api = { ...p.api, status: { ...status, conditions: [cond, ...(status.conditions ?? [])] } };
    this.deletePod(p);
  }

  // -------------------------------------------------------------------------
  // Actions
  // -------------------------------------------------------------------------

  private act(a: Action): void {
    switch (a.kind) {
      case 'crash':
      case 'oom-kill': {
        const p = this.livePod(a.pod);
        this.specByName(p, a.container);
        const r = p.containers.find((c) => c.name === a.container);
        if (!r || r.state !== 'running' || this.nodeDown(p)) return;
        if (a.kind === 'oom-kill') this.containerExited(p, r, 137, 'OOMKilled');
        else this.containerExited(p, r, Math.trunc(a.exitCode ?? 1));
        return;
      }
      case 'kill-sandbox': {
        const p = this.livePod(a.pod);
        const sb = p.sandboxes[0];
        if (!sb || sb.state !== 'SANDBOX_READY' || this.nodeDown(p)) return;
        sb.state = 'SANDBOX_NOTREADY';
        this.releaseIp(p, sb.ip);
        if (p.api.spec!.shareProcessNamespace) {
          // pause was PID 1 of the shared namespace: every process dies with it.
          for (const r of p.containers.filter((c) => c.state === 'running'))
            this.containerExited(p, r, 137);
        }
        this.markDirty(p);
        this.requestSync(p);
        return;
      }
      case 'probe-failure': {
        const p = this.livePod(a.pod);
        const { c } = this.specByName(p, a.container);
        if (!PROBE_FIELD[a.probe]) throw new Error(`unknown probe "${String(a.probe)}"`);
        if (!c[PROBE_FIELD[a.probe]])
          throw new Error(
            `container "${a.container}" in pod "${p.name}" has no ${PROBE_FIELD[a.probe]}`,
          );
        if (this.probeFaulted(p, a.container, a.probe)) return;
        const id = ++this.st.nextId;
        const untilMs =
          a.durationMs !== undefined ? this.now + Math.max(0, Math.round(a.durationMs)) : undefined;
        this.st.probeFaults.push({
          id,
          pod: p.name,
          container: a.container,
          probe: a.probe,
          ...(untilMs !== undefined ? { untilMs } : {}),
        });
        if (untilMs !== undefined) this.schedule(untilMs, { kind: 'faultEnd', fault: id });
        return;
      }
      case 'probe-recover': {
        const p = this.livePod(a.pod);
        this.specByName(p, a.container);
        this.st.probeFaults = this.st.probeFaults.filter(
          (f) => !(f.pod === p.name && f.container === a.container && f.probe === a.probe),
        );
        return;
      }
      case 'image-pull-error': {
        if (a.pod !== undefined) this.podState(a.pod);
        const id = ++this.st.nextId;
        const untilMs =
          a.durationMs !== undefined ? this.now + Math.max(0, Math.round(a.durationMs)) : undefined;
        this.st.pullFaults.push({
          id,
          ...(a.image ? { image: normalizeImage(a.image) } : {}),
          ...(untilMs !== undefined ? { untilMs } : {}),
        });
        if (untilMs !== undefined) this.schedule(untilMs, { kind: 'faultEnd', fault: id });
        return;
      }
      case 'delete-pod': {
        const p = this.podState(a.pod);
        if (a.gracePeriodSeconds !== undefined && !(a.gracePeriodSeconds >= 0))
          throw new Error('gracePeriodSeconds must be ≥ 0');
        this.deletePod(p, a.gracePeriodSeconds);
        return;
      }
      case 'node-failure': {
        const node = this.nodeFor(a.node);
        if (node.down) return;
        node.down = true;
        node.token++;
        node.puller = { queue: [] };
        for (const p of this.podsOn(node)) {
          const w = p.worker;
          w.busy = false;
          w.plan = undefined;
          w.queued = false;
          w.token++;
        }
        this.schedule(this.now + NODE_MONITOR_GRACE_MS, {
          kind: 'nodeNotReady',
          node: node.name,
          token: node.token,
        });
        return;
      }
      case 'node-recover': {
        const node = this.nodeFor(a.node);
        if (!node.down) return;
        node.down = false;
        node.token++;
        if (!node.ready) {
          node.ready = true;
          node.readyTransitionMs = this.now;
          nodeStatusChanged(this.clusterHost(), node.name, true);
        }
        for (const p of this.podsOn(node)) {
          if (p.finished) continue;
          // The kubelet comes back. The runtime kept the sandbox and the containers
          // running (one that exited meanwhile is recorded exited); the prober workers
          // and any stop in progress start over, and the next sync takes it from there.
          for (const r of p.containers) {
            if (r.state !== 'running') continue;
            for (const id of r.jobs ?? []) this.clock.cancel(id);
            r.jobs = undefined;
            r.stopping = undefined;
            r.postStartUntilMs = undefined;
            const exit = r.program?.exit;
            if (exit && r.startedAtMs !== undefined)
              this.schedule(Math.max(this.now, r.startedAtMs + exit.afterMs), {
                kind: 'exit',
                pod: p.name,
                cid: r.id,
                code: exit.code,
              });
            if (p.containers.find((c) => c.name === r.name) === r)
              this.startProbes(p, r, this.specOf(p, r));
          }
          if (p.nodeMarkedNotReady && !p.deletionRequested) {
            this.st.events.push({
              atMs: this.now,
              type: 'Normal',
              reason: 'TaintManagerEviction',
              message: `Cancelling deletion of Pod ${p.api.metadata!.namespace}/${p.name}`,
              object: { kind: 'Pod', name: p.name },
              source: 'taint-eviction-controller',
            });
          }
          p.nodeMarkedNotReady = false;
          p.evictToken++;
          this.markDirty(p);
          this.requestSync(p);
        }
        return;
      }
      case 'create-service':
        if (!a.name) throw new Error('a Service needs a name');
        if (this.st.services[a.name]) throw new Error(`services "${a.name}" already exists`);
        createService(this.clusterHost(), a.name);
        this.st.services[a.name] = { createdAtMs: this.now };
        // A running program that waits for a Service (`until nslookup …`) is read again.
        for (const p of Object.values(this.st.pods)) {
          for (const r of p.containers) {
            if (r.state !== 'running' || !r.program || r.program.exit) continue;
            if (r.program.asksServices === false) continue;
            if (r.startedAtMs === undefined) continue;
            const start = r.startedAtMs;
            const prog = this.beh.program(this.specOf(p, r), {
              podName: p.name,
              podIp: p.sandboxes[0]?.ip,
              podSpec: p.api.spec,
              peers: p.containers
                .filter((o) => o !== r && o.state === 'running' && o.startedAtMs! <= start)
                .map((o) => ({ container: this.specOf(p, o), sinceMs: o.startedAtMs! - start })),
              services: servicesFor(this.st, start, p.api.metadata?.namespace),
              volumeLog: volumeLogFor(p, start),
            });
            if (!prog.exit) continue;
            r.program = prog;
            const at = Math.max(this.now, start + prog.exit.afterMs);
            this.schedule(at, { kind: 'exit', pod: p.name, cid: r.id, code: prog.exit.code });
          }
        }
        return;
      case 'delete-service':
        deleteService(this.clusterHost(), a.name);
        delete this.st.services[a.name];
        return;
      default:
        if (clusterAct(this.clusterHost(), a as ClusterAction)) return;
        throw new Error(`unknown action kind "${String((a as { kind: unknown }).kind)}"`);
    }
  }

  private livePod(name?: string): PodState {
    const p = this.podState(name);
    if (p.deleted) throw new Error(`pods "${p.name}" not found`);
    return p;
  }

  private nodeFor(name?: string): NodeState {
    const n = name ?? this.st.pods[this.st.podOrder[0]!]?.node;
    const node = n ? this.st.nodes[n] : undefined;
    if (!node) throw new Error(`nodes "${String(name ?? '')}" not found`);
    return node;
  }
}

// ---------------------------------------------------------------------------
// Construction
// ---------------------------------------------------------------------------

function newPodState(pod: Pod, uid: string): PodState {
  return {
    name: pod.metadata!.name!,
    uid,
    node: '',
    api: pod,
    sandboxes: [],
    containers: [],
    lastRestart: {},
    reasons: {},
    crashBackoff: {},
    imageBackoff: {},
    probes: {},
    activity: {},
    worker: { busy: false, queued: false, token: 0 },
    scheduled: false,
    synced: false,
    deletionRequested: false,
    finished: false,
    deleted: false,
    terminationDone: false,
    transitions: {},
    extraConditions: [],
    oldStatuses: {},
    nodeMarkedNotReady: false,
    evictToken: 0,
  };
}

export function createSimulation(opts: CreateOptions): Simulation {
  if (!opts || typeof opts !== 'object') throw new Error('createSimulation needs { manifest }');
  // Parse and validate every document first: an invalid manifest changes nothing.
  readClusterManifest(opts.manifest);
  const seed = Number.isFinite(opts.seed) ? Math.trunc(opts.seed!) : 1;
  const rng = createRng(seed);
  const nodeSpecs = (opts.cluster?.nodes ?? ['node-1', 'node-2']).map((n) =>
    typeof n === 'string'
      ? { name: n, images: [] as string[] }
      : { name: n.name, images: n.images ?? [] },
  );
  if (nodeSpecs.length === 0) throw new Error('the cluster needs at least one node');
  const st: SimState = {
    seed,
    rng,
    clock: { now: 0, seq: 0, heap: [], cancelled: [] },
    events: [],
    pods: {},
    podOrder: [],
    nodes: {},
    nodeOrder: [],
    services: {},
    probeFaults: [],
    pullFaults: [],
    nextId: 0,
  };
  nodeSpecs.forEach((n, index) => {
    if (st.nodes[n.name]) throw new Error(`duplicate node "${n.name}"`);
    const images: Record<string, number> = {
      [PAUSE_IMAGE]: defaultBehaviour.image(PAUSE_IMAGE).sizeBytes,
    };
    for (const img of [...(opts.cluster?.images ?? []), ...n.images]) {
      const ref = normalizeImage(img);
      images[ref] = defaultBehaviour.image(ref).sizeBytes;
    }
    st.nodes[n.name] = {
      name: n.name,
      index,
      ip: `10.0.0.${11 + index}`,
      ready: true,
      down: false,
      token: 0,
      images,
      puller: { queue: [] },
      usedIps: [],
      readyTransitionMs: 0,
    };
    st.nodeOrder.push(n.name);
  });

  st.cluster = newClusterState(st, opts.cluster);
  const sim = new Sim(st);
  // Bare pods are bound by the scheduler right after they are created; controllers create theirs.
  sim.load(opts.manifest);
  return sim;
}

export function restoreSimulation(snapshot: SimSnapshot): Simulation {
  if (!snapshot || snapshot.version !== 1 || !snapshot.state)
    throw new Error('not a Podscope simulation snapshot');
  const st = cloneState(snapshot.state as SimState);
  st.cluster ??= newClusterState(st, undefined);
  return new Sim(st);
}
