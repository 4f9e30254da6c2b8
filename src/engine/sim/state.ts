/**
 * The simulation's whole state, as plain data. A snapshot is a deep copy of
 * it; nothing in here is a closure, a class instance or a Map.
 */
import type { Pod, PodCondition, ContainerStatus } from 'kubernetes-types/core/v1';
import type { ClusterJob, ClusterState } from '../cluster/state.ts';
import type { VolumeOp } from '../behaviour/index.ts';
import type { BehaviourContext, ContainerProgram } from './behaviour.ts';
import type { ClockState } from './clock.ts';
import type { RngState } from './rng.ts';
import type { ContainerKind, ProbeKind, ProbeTick, SimEvent } from './types.ts';

/** Pending occurrences, dispatched by `kind`. */
export type Job =
  | { kind: 'schedule'; pod: string }
  | { kind: 'sync'; pod: string }
  | { kind: 'resume'; pod: string; token: number }
  | { kind: 'exit'; pod: string; cid: string; code: number; reason?: 'OOMKilled' }
  | { kind: 'stopSignal'; pod: string; cid: string }
  | { kind: 'sigkill'; pod: string; cid: string }
  | { kind: 'probe'; pod: string; cid: string; probe: ProbeKind }
  | { kind: 'pullDone'; node: string; req: number }
  | { kind: 'faultEnd'; fault: number }
  | { kind: 'nodeNotReady'; node: string; token: number }
  | { kind: 'evict'; pod: string; token: number }
  | { kind: 'activeDeadline'; pod: string }
  | ClusterJob;

export interface SandboxRec {
  id: string;
  attempt: number;
  ip: string;
  state: 'SANDBOX_READY' | 'SANDBOX_NOTREADY';
  createdAtMs: number;
  hostNetwork: boolean;
}

export interface StopRec {
  sinceMs: number;
  graceMs: number;
  /** preStop is running until this instant … */
  preStopUntilMs?: number;
  /** … since this one (kept: readiness probes during termination see what it did). */
  preStopFromMs?: number;
  preStopFailed?: boolean;
  /** A sidecar waiting for the regular containers (and later sidecars) to exit. */
  waitingTurn?: boolean;
  signalAtMs?: number;
  killAtMs?: number;
  /** Ordered termination of the whole pod (sidecars wait for their turn). */
  ordered: boolean;
}

export interface ContainerRec {
  id: string;
  name: string;
  kind: ContainerKind;
  index: number;
  sandboxId: string;
  restartCount: number;
  state: 'created' | 'running' | 'exited' | 'unknown';
  image: string;
  createdAtMs: number;
  startedAtMs?: number;
  finishedAtMs?: number;
  exitCode?: number;
  reason?: string;
  /** `terminated.message`: the termination message, or the runtime's start error. */
  message?: string;
  /** The runtime could not start the process (StartError): startedAt is the zero time. */
  startFailed?: boolean;
  program?: ContainerProgram;
  stopping?: StopRec;
  /** What the behaviour seam was told at this instance's start (probes and hooks reuse it). */
  behCtx?: BehaviourContext;
  /** postStart is running until this instant. */
  postStartUntilMs?: number;
  /** Clock ids of this instance's pending jobs (exit, stop signal, SIGKILL, probes). */
  jobs?: number[];
}

import type { BackoffEntry } from './backoff.ts';

export interface ProbeState {
  result: 'Success' | 'Failure' | 'Unknown';
  successRun: number;
  failureRun: number;
  onHold: boolean;
  nextAtMs?: number;
}

export type Step =
  | { t: 'killPod'; purgeInit: boolean; graceMs: number }
  | { t: 'kill'; name: string; message: string; graceMs: number }
  | { t: 'sandbox'; attempt: number }
  | { t: 'start'; kind: 'init' | 'app'; index: number };

export interface PullOutcome {
  ok: boolean;
  error?: string;
  pullMs: number;
  totalMs: number;
  sizeBytes: number;
}

export interface Plan {
  steps: Step[];
  i: number;
  stage: number;
  /** Containers (ids) a kill step waits for. */
  waitIds?: string[];
  pull?: PullOutcome;
  pendingPull?: number;
  /** The container record being started. */
  cid?: string;
  /** Its postStart hook: how it returns, and when (`message`: the handler runner's, on failure). */
  hook?: { ok: boolean; untilMs: number; kind?: 'exec' | 'httpGet' | 'sleep'; message?: string };
  terminating: boolean;
}

export interface Worker {
  busy: boolean;
  queued: boolean;
  token: number;
  plan?: Plan;
  /** A sync job is scheduled at this instant … */
  syncAtMs?: number;
  /** … with this clock id. */
  syncJob?: number;
  /** Earliest instant a requeue was asked for by the last sync (back-off ends…). */
  requeueAtMs?: number;
}

export interface PodState {
  name: string;
  uid: string;
  node: string;
  api: Pod;
  sandboxes: SandboxRec[];
  /** Newest first. */
  containers: ContainerRec[];
  /** Highest restart count used per container name (the kubelet's log-dir count). */
  lastRestart: Record<string, number>;
  /** The kubelet's reasonCache: the last start failure per container. */
  reasons: Record<string, { reason: string; message: string }>;
  crashBackoff: Record<string, BackoffEntry>;
  imageBackoff: Record<string, BackoffEntry>;
  /** Probe states of the current instance, by container name then probe kind. */
  probes: Record<string, Partial<Record<ProbeKind, ProbeState>>>;
  /** The prober workers' recent ticks, oldest first (bounded; see `probeSchedule`). */
  probeTicks?: ProbeTick[];
  /** What the kubelet does with a container right now (pulling, creating). */
  activity: Record<string, 'pulling' | 'creating' | undefined>;
  worker: Worker;
  scheduled: boolean;
  synced: boolean;
  /** When the kubelet first synced the pod (the prober workers' tick phase). */
  firstSyncMs?: number;
  deletionRequested: boolean;
  deletionGraceMs?: number;
  /** The pod worker has finished the pod (terminal phase or termination done). */
  finished: boolean;
  /** The termination after a deletion has completed; the API object is gone. */
  deleted: boolean;
  terminationDone: boolean;
  /** Conditions' last transition times, by type. */
  transitions: Record<string, { status: string; atMs: number }>;
  /** Conditions owned by others (DisruptionTarget…), kept before the kubelet's. */
  extraConditions: PodCondition[];
  /** The previous API statuses by container name (the kubelet's oldStatuses). */
  oldStatuses: Record<string, ContainerStatus>;
  /** The node controller marked the pod not ready (node lost). */
  nodeMarkedNotReady: boolean;
  /**
   * The kubelet evicted the pod: node pressure (reason Evicted, killed at once) or
   * activeDeadlineSeconds (reason DeadlineExceeded, killed with the pod's grace period).
   */
  evicted?: { message: string; reason?: 'DeadlineExceeded'; graceMs?: number };
  evictToken: number;
  /** Writes to the pod's volumes by instances that have ended (absolute times; `volumeData.ts`). */
  volumeLog?: VolumeOp[];
}

export interface NodeState {
  name: string;
  index: number;
  ip: string;
  ready: boolean;
  down: boolean;
  token: number;
  /** Normalized image reference → size. */
  images: Record<string, number>;
  puller: {
    busy?: {
      req: number;
      pod: string;
      token: number;
      image: string;
      enqueuedAtMs: number;
      startedAtMs: number;
      outcome: PullOutcome;
    };
    queue: Array<{ req: number; pod: string; token: number; image: string; enqueuedAtMs: number }>;
  };
  usedIps: number[];
  readyTransitionMs: number;
}

export interface ProbeFault {
  id: number;
  pod: string;
  container: string;
  probe: ProbeKind;
  untilMs?: number;
}

export interface PullFault {
  id: number;
  /** Normalized reference, or undefined for every image. */
  image?: string;
  untilMs?: number;
}

export interface SimState {
  seed: number;
  rng: RngState;
  clock: ClockState<Job>;
  events: SimEvent[];
  pods: Record<string, PodState>;
  podOrder: string[];
  nodes: Record<string, NodeState>;
  nodeOrder: string[];
  services: Record<string, { createdAtMs: number }>;
  probeFaults: ProbeFault[];
  pullFaults: PullFault[];
  nextId: number;
  /** Nodes' capacity, controllers, Services (src/engine/cluster); absent in old snapshots. */
  cluster?: ClusterState;
}

/** kubernetes-types marks fields readonly; the simulation owns its objects and writes them. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };
