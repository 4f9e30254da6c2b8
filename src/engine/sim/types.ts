/**
 * The simulation's public shapes (re-exported by src/engine/index.ts).
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { ClusterAction } from '../cluster/actions.ts';
import type { ContainerInside } from './behaviour.ts';

export type V1Pod = Pod;

/** One occurrence, as `kubectl describe pod` lists it (not aggregated). */
export interface SimEvent {
  atMs: number;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** `spec.containers{NAME}` / `spec.initContainers{NAME}` for container events. */
  fieldPath?: string;
  /** The object the event is about (cluster events: Pod, ReplicaSet, Deployment, Node). */
  object?: { kind: string; name: string };
  /** The reporting component (`default-scheduler`, `replicaset-controller`…); absent = kubelet. */
  source?: string;
}

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

/**
 * User actions and injected faults, effective at the simulation's `nowMs`.
 * `pod` defaults to the first pod. An action naming an unknown pod or
 * container throws and changes nothing.
 */
export type Action =
  | { kind: 'crash'; container: string; exitCode?: number; pod?: string }
  | { kind: 'oom-kill'; container: string; pod?: string }
  | { kind: 'kill-sandbox'; pod?: string }
  | {
      kind: 'probe-failure';
      container: string;
      probe: ProbeKind;
      durationMs?: number;
      pod?: string;
    }
  | { kind: 'probe-recover'; container: string; probe: ProbeKind; pod?: string }
  | { kind: 'image-pull-error'; image?: string; durationMs?: number; pod?: string }
  | { kind: 'delete-pod'; pod?: string; gracePeriodSeconds?: number }
  | { kind: 'node-failure'; node?: string }
  | { kind: 'node-recover'; node?: string }
  | { kind: 'create-service'; name: string }
  | { kind: 'delete-service'; name: string }
  | ClusterAction;

export interface NodeOptions {
  name: string;
  /** Allocatable CPU (`2`, `1930m`); default 1930m of 2 cores. */
  cpu?: string;
  /** Allocatable memory (`4Gi`); default 3558Mi of 4 GiB. */
  memory?: string;
  /** Allocatable pods; default 110. */
  pods?: number;
  labels?: Record<string, string>;
  /** Images already in this node's cache (besides the pause image). */
  images?: string[];
}

export interface ClusterOptions {
  /** Default: `node-1`, `node-2`. */
  nodes?: Array<string | NodeOptions>;
  /** Images already present on every node (besides the pause image). */
  images?: string[];
}

export type ContainerKind = 'init' | 'sidecar' | 'app';

/** What the kubelet and the runtime are doing with a container right now. */
export type ContainerActivity =
  'waiting' | 'pulling' | 'creating' | 'running' | 'terminating' | 'exited';

export interface ProbeView {
  kind: ProbeKind;
  /** The published result: readiness starts at Failure, liveness at Success, startup at Unknown. */
  result: 'Success' | 'Failure' | 'Unknown';
  /** Consecutive failures so far (reaching `failureThreshold` publishes Failure). */
  failures: number;
  failureThreshold: number;
  periodSeconds: number;
  /** A `probe-failure` fault is in effect. */
  faulted: boolean;
  /** Simulated instant of the next attempt, when one is scheduled. */
  nextAtMs?: number;
}

/**
 * One tick of a prober worker (see `probeSchedule`): what the kubelet did at
 * that instant for one probe of one container instance.
 */
export interface ProbeTick {
  atMs: number;
  container: string;
  /** Which run of the container (its restartCount when it started). */
  run: number;
  probe: ProbeKind;
  /** Milliseconds since this run started. */
  sinceStartMs: number;
  /**
   * `success` / `failure`: the probe ran and answered so; `error`: the probe
   * itself errored (the CRI could not run it) and the worker threw the result
   * away — the counts do not move; `skipped`: the tick came but the kubelet
   * did not probe (`skipped` says why).
   */
  outcome: 'success' | 'failure' | 'error' | 'skipped';
  skipped?: 'post-start' | 'startup-pending' | 'terminating';
  /** The probe's output on failure or error (the text after `… probe failed: `). */
  output?: string;
  /** Consecutive failures / successes after this tick. */
  failures: number;
  successes: number;
  /** The published result after this tick. */
  result: 'Success' | 'Failure' | 'Unknown';
  /**
   * What the published result made the kubelet do: `restart` (liveness/startup
   * reached failureThreshold: the container is killed), `started` (startup
   * succeeded: liveness and readiness begin), `ready` / `not-ready`.
   */
  acted?: 'restart' | 'started' | 'ready' | 'not-ready';
}

export interface ContainerRuntimeView {
  name: string;
  kind: ContainerKind;
  /** Index in `spec.initContainers` (init, sidecar) or `spec.containers` (app). */
  index: number;
  image: string;
  /** The runtime's record of the newest instance; 'none' before the first create. */
  state: 'none' | 'created' | 'running' | 'exited' | 'unknown';
  activity: ContainerActivity;
  id?: string;
  /** The sandbox the newest instance was created in. */
  sandboxId?: string;
  restartCount: number;
  startedAtMs?: number;
  finishedAtMs?: number;
  /** Exit code of the newest terminated instance. */
  lastExitCode?: number;
  /** Reason of the newest terminated instance (Completed, Error, OOMKilled). */
  lastExitReason?: string;
  /** The waiting reason the kubelet reports (CrashLoopBackOff, ErrImagePull…), if any. */
  waitingReason?: string;
  /** The pull decision in effect for the next start. */
  pull: { policy: string; presentOnNode: boolean; willPull: boolean };
  /** In CrashLoopBackOff / ImagePullBackOff: when the back-off ends. */
  backOffUntilMs?: number;
  backOffMs?: number;
  ready: boolean;
  started: boolean;
  probes: ProbeView[];
  ports: Array<{ containerPort: number; protocol: string; name?: string; hostPort?: number }>;
  /** How Podscope reads this container's image and command (the behaviour seam). */
  note?: string;
  /** A running container's processes, listening ports and files (the behaviour seam). */
  inside?: ContainerInside;
}

export interface VolumeView {
  name: string;
  /** emptyDir, configMap, secret, hostPath, persistentVolumeClaim, projected… */
  type: string;
  mounts: Array<{ container: string; mountPath: string; readOnly: boolean }>;
  /**
   * The files in the volume now (path relative to its root): what the pod's
   * containers wrote, whichever instance wrote it, as long as the pod exists.
   */
  files: Array<{ path: string; size: number; preview: string; writer: string; mtimeMs: number }>;
}

/** Plain data for drawing one pod: the sandbox, its containers and the shared namespaces. */
export interface PodRuntimeView {
  pod: string;
  node: string;
  /** The pod's API phase. */
  phase: string;
  deleting: boolean;
  deleted: boolean;
  sandbox: {
    id: string;
    attempt: number;
    ip: string;
    state: 'ready' | 'notready';
  } | null;
  containers: ContainerRuntimeView[];
  /** The prober workers' recent ticks, oldest first (at most 600; see `probeSchedule`). */
  probeTicks?: ProbeTick[];
  volumes: VolumeView[];
  namespaces: {
    network: {
      ip?: string;
      hostNetwork: boolean;
      ports: Array<{ container: string; port: number; protocol: string }>;
    };
    uts: { hostname: string };
    ipc: { host: boolean };
    pid: { shared: boolean; host: boolean };
  };
}

/** A checkpoint: plain structured-clonable data; `restoreSimulation` continues from it. */
export interface SimSnapshot {
  version: 1;
  nowMs: number;
  /** Opaque engine state. */
  state: unknown;
}

/** The cluster's objects besides pods and nodes. */
export interface ClusterObjects {
  deployments: Deployment[];
  replicaSets: ReplicaSet[];
  services: Service[];
}

/** `kubectl get pods` columns. */
export interface PrintRow {
  name: string;
  ready: string;
  status: string;
  restarts: string;
  age: string;
}

/** The simulation. Every method is deterministic in (manifest, seed, actions and their times). */
export interface Simulation {
  /** 0 = the moment the manifest was applied. */
  readonly nowMs: number;
  /** Runs simulated time forward by `ms`, handling every due occurrence. */
  advance(ms: number): void;
  /** Runs simulated time forward to the absolute instant `ms` (≥ nowMs). */
  advanceTo(ms: number): void;
  /** Advances to the next scheduled occurrence and handles it; returns its time, or undefined. */
  step(): number | undefined;
  /** User actions and injected faults, effective at nowMs. */
  dispatch(action: Action): void;
  /** The API object with status (default: the first pod). */
  pod(name?: string): V1Pod;
  /** Every pod the simulation knows, terminating and deleted ones included. */
  pods(): V1Pod[];
  /** Every occurrence, oldest first, not aggregated. */
  events(): SimEvent[];
  /** Number of events so far (cheap; for streaming deltas with `eventsSince`). */
  eventCount(): number;
  /** Events from index `from` on. */
  eventsSince(from: number): SimEvent[];
  logs(container: string, opts?: { pod?: string; previous?: boolean }): string[];
  /** When the next scheduled internal occurrence is due, or undefined when nothing is pending. */
  nextEventAtMs(): number | undefined;
  snapshot(): SimSnapshot;
  runtime(podName?: string): PodRuntimeView;
  nodes(): Node[];
  /** `kubectl get pods` rows at the current simulated time. */
  printRows(): PrintRow[];
  /** Names of the Services that exist. */
  services(): string[];
  /** Deployments, ReplicaSets (apps/v1, status computed now) and Services, for the cluster view. */
  workloads?(): ClusterObjects;
}
