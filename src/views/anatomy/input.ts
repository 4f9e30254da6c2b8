/**
 * The subset of a simulation frame the anatomy reads. Structural on purpose: the real `Frame`
 * (reached through the store) and the engine's `PodRuntimeView` are assignable to these shapes,
 * so the pure model and layout can be tested with plain literals.
 */
import type { Pod } from 'kubernetes-types/core/v1';

export type Activity = 'waiting' | 'pulling' | 'creating' | 'running' | 'terminating' | 'exited';
export type ContainerKind = 'init' | 'sidecar' | 'app';
export type ProbeKind = 'liveness' | 'readiness' | 'startup';

export interface ProbeInput {
  kind: ProbeKind;
  result?: 'Success' | 'Failure' | 'Unknown';
  /** A probe-failure fault is in effect. */
  faulted?: boolean;
  failures?: number;
  failureThreshold?: number;
  periodSeconds?: number;
}

export interface ContainerRuntimeInput {
  name: string;
  kind: ContainerKind;
  image?: string;
  state?: 'none' | 'created' | 'running' | 'exited' | 'unknown';
  activity?: Activity;
  restartCount?: number;
  startedAtMs?: number;
  lastExitCode?: number;
  lastExitReason?: string;
  waitingReason?: string;
  pull?: { policy: string; presentOnNode: boolean; willPull: boolean };
  backOffUntilMs?: number;
  backOffMs?: number;
  ready?: boolean;
  started?: boolean;
  probes?: readonly ProbeInput[];
  ports?: readonly { containerPort: number }[];
  /** What a running container has inside: its processes and the files it wrote. */
  inside?: {
    processes?: readonly { pid: number; ppid?: number; command: string; state?: string }[];
    files?: readonly { path: string; size?: number; where: string }[];
    /** Connections this container opened (oldest first), for drawing localhost traffic. */
    connections?: readonly ConnectionInput[];
  };
}

export interface ConnectionInput {
  /** When it was made: absolute cluster time, or relative to its container's start. */
  atMs?: number;
  afterStartMs?: number;
  from: string;
  /** The container that accepted, or null when refused or outside the pod. */
  to: string | null;
  port: number;
  via: 'localhost' | 'pod-ip' | 'service';
  ok: boolean;
  summary?: string;
}

export interface VolumeInput {
  name: string;
  type?: string;
  mounts?: readonly { container: string; mountPath: string; readOnly?: boolean }[];
  /** The files in the volume now (relative to its root), whoever wrote them. */
  files?: readonly { path: string; size?: number }[];
}

export interface RuntimeInput {
  deleting?: boolean;
  deleted?: boolean;
  sandbox?: { id?: string; attempt?: number; ip?: string; state?: string } | null;
  containers?: readonly ContainerRuntimeInput[];
  volumes?: readonly VolumeInput[];
  namespaces?: {
    network?: {
      ip?: string;
      hostNetwork?: boolean;
      ports?: readonly { port: number; container?: string; protocol?: string }[];
    };
    uts?: { hostname?: string };
    ipc?: { host?: boolean };
    pid?: { shared?: boolean; host?: boolean };
  };
}

export interface PodInput {
  name?: string;
  pod: Pod;
  runtime?: RuntimeInput | Record<string, unknown>;
}

/** A V1Node, reduced to what the anatomy shows. */
export interface NodeInput {
  metadata?: { name?: string };
  status?: { conditions?: readonly { type: string; status: string }[] };
}

export interface FrameInput {
  nowMs?: number;
  pods?: readonly PodInput[] | null;
  nodes?: readonly NodeInput[] | null;
}
