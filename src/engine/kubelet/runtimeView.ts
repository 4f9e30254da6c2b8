/**
 * Input and output shapes of the kubelet layer.
 *
 * Pods, containers and conditions are the Kubernetes API's own shapes
 * (`kubernetes-types`, v1.30). Fields that landed after 1.30 — the
 * ContainerRestartRules fields on containers and `observedGeneration` — are
 * added here by intersection. An absent field means Go's zero value.
 */
import type {
  Container,
  ContainerStatus,
  Pod,
  PodCondition,
  PodStatus,
} from 'kubernetes-types/core/v1';

/** `containerRestartPolicyRules[].exitCodes` (ContainerRestartRules, beta in 1.35). */
export interface ContainerRestartRuleOnExitCodes {
  operator: 'In' | 'NotIn' | (string & {});
  values?: number[];
}

/** One `restartPolicyRules` entry of a container (ContainerRestartRules). */
export interface ContainerRestartRule {
  action: 'Restart' | 'RestartAllContainers' | (string & {});
  exitCodes?: ContainerRestartRuleOnExitCodes;
}

/** A container as of Kubernetes 1.35: `restartPolicy` may be set on regular containers too. */
export type KContainer = Container & {
  restartPolicy?: 'Always' | 'OnFailure' | 'Never' | (string & {});
  restartPolicyRules?: ContainerRestartRule[];
};

/** The Pod shape accepted by every function here. `V1Pod` from kubernetes-types is assignable to it. */
export type V1Pod = Pod;
export type V1Container = Container;
export type V1ContainerStatus = ContainerStatus;
export type V1PodStatus = PodStatus;
export type V1PodCondition = PodCondition;

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** CRI sandbox state. */
export type SandboxState = 'SANDBOX_READY' | 'SANDBOX_NOTREADY';

/** One CRI pod sandbox status (the pause container), as `PodSandboxStatus`. */
export interface RuntimeSandbox {
  id?: string;
  state: SandboxState;
  /** `metadata.attempt`. */
  attempt: number;
  /** `network.ip`. Absent = the runtime reported no network status; `''` = no IP. */
  ip?: string;
  /** `linux.namespaces.options.network`; absent = `POD` (the protobuf zero value). */
  networkNamespaceMode?: 'POD' | 'CONTAINER' | 'NODE' | 'TARGET' | (string & {});
}

/** CRI container state as the kubelet's `kubecontainer.State`. */
export type RuntimeContainerState = 'running' | 'exited' | 'created' | 'unknown';

/** One container record known to the runtime (`kubecontainer.Status`). */
export interface RuntimeContainer {
  name: string;
  id?: string;
  state: RuntimeContainerState;
  exitCode?: number;
}

/**
 * The container runtime's view of a pod (`kubecontainer.PodStatus`):
 * sandboxes and containers, both newest first.
 */
export interface RuntimeView {
  sandboxes: RuntimeSandbox[];
  containers?: RuntimeContainer[];
}

export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

/** The prober's result caches, by container name. A container absent from a map has no result yet. */
export interface ProbeResults {
  liveness?: Record<string, ProbeResult>;
  startup?: Record<string, ProbeResult>;
}

export interface ComputePodActionsOptions {
  probeResults?: ProbeResults;
  /** Names of containers whose spec hash changed since they were started. */
  specChangedContainers?: string[];
}

/** The kubelet's `podActions`, reduced to what a simulator needs. */
export interface PodActions {
  killPod: boolean;
  createSandbox: boolean;
  attempt: number;
  /** Indices into `spec.containers`, in start order. */
  containersToStart: number[];
  /** Names of containers (init or regular) to kill. */
  containersToKill: string[];
  /** Indices into `spec.initContainers`, in start order. */
  initContainersToStart: number[];
}

/** `kubectl get pods` columns. */
export interface PodRow {
  name: string;
  ready: string;
  status: string;
  restarts: string;
  age: string;
  /** The table row condition kubectl attaches for terminal pods (`Completed=True`). */
  rowCondition?: RowCondition;
}

export interface RowCondition {
  type: 'Completed';
  status: 'True';
  reason: string;
  message: string;
}
