/**
 * The subset of a simulation frame the anatomy reads. Structural on purpose: the real `Frame`
 * (src/worker/protocol.ts, reached through the store) and the engine's `PodRuntimeView` are
 * assignable to these shapes, so the pure model and layout can be tested with plain literals.
 */
import type { Pod } from 'kubernetes-types/core/v1';

export type Activity = 'waiting' | 'pulling' | 'creating' | 'running' | 'terminating' | 'exited';
export type ContainerKind = 'init' | 'sidecar' | 'app';

export interface ProbeInput {
  type: 'liveness' | 'readiness' | 'startup';
  result?: 'Success' | 'Failure' | 'Unknown';
  /** An injected probe failure is in effect. */
  failing?: boolean;
}

export interface ContainerRuntimeInput {
  name: string;
  kind: ContainerKind;
  image?: string;
  doing?: Activity;
  pull?: { policy: string; presentOnNode: boolean; willPull: boolean };
  backOffUntilMs?: number;
  probes?: readonly ProbeInput[];
  lastExitCode?: number;
  pid?: number;
}

export interface VolumeInput {
  name: string;
  type?: string;
  files?: readonly string[];
  mounts?: readonly { container: string; mountPath: string; readOnly?: boolean }[];
}

export interface RuntimeInput {
  sandbox?: { id?: string; attempt?: number; ip?: string; state?: string };
  containers?: readonly ContainerRuntimeInput[];
  volumes?: readonly VolumeInput[];
  namespaces?: {
    network?: {
      ip?: string;
      ports?: readonly { port: number; container?: string; protocol?: string }[];
    };
    uts?: { hostname?: string };
    ipc?: { shared?: boolean };
    pid?: {
      shared?: boolean;
      processes?: readonly { pid: number; command: string; container?: string }[];
    };
  };
}

export interface PodInput {
  name?: string;
  pod: Pod;
  runtime?: RuntimeInput;
  /** The pod no longer exists in the API (deleted, or lost with its node). */
  gone?: boolean;
}

/** A V1Node, reduced to what the anatomy shows. */
export interface NodeInput {
  metadata?: { name?: string };
  status?: { conditions?: readonly { type: string; status: string }[] };
}

export interface FrameInput {
  nowMs: number;
  pods?: readonly PodInput[] | null;
  nodes?: readonly NodeInput[] | null;
}
