/**
 * Whether the pod needs a new sandbox (pkg/kubelet/kuberuntime/util/util.go
 * PodSandboxChanged) and why — the "why" is the message the kubelet writes on
 * the PodReadyToStartContainers condition (constants in pkg/kubelet/types).
 */
import type { RuntimeView, V1Pod } from './runtimeView.ts';

/** kubetypes.PodSandboxNotReadyReason */
export const POD_SANDBOX_NOT_READY_REASON = 'PodSandboxNotReady';
/** kubetypes.PodSandboxNotReadyMsgNoPodSandbox */
export const POD_SANDBOX_NOT_READY_MSG_NO_POD_SANDBOX = 'no pod sandbox exists';
/**
 * kubetypes.PodSandboxNotReadyMsgMultipleSandboxes. Only its beginning
 * ("multiple p…") could be verified from the upstream change (PR #135300);
 * the rest is reconstructed.
 */
export const POD_SANDBOX_NOT_READY_MSG_MULTIPLE_SANDBOXES = 'multiple pod sandboxes are ready';
/** kubetypes.PodSandboxNotReadyMsgSandboxNotReady (seen verbatim on real pods). */
export const POD_SANDBOX_NOT_READY_MSG_SANDBOX_NOT_READY = 'pod sandbox is not ready';
/** kubetypes.PodSandboxNotReadyMsgNetworkNamespaceMode. Reconstructed wording (not verified). */
export const POD_SANDBOX_NOT_READY_MSG_NETWORK_NAMESPACE_MODE =
  'pod sandbox network namespace mode has changed';
/** kubetypes.PodSandboxNotReadyMsgNoIPAddress (quoted in the upstream release note). */
export const POD_SANDBOX_NOT_READY_MSG_NO_IP_ADDRESS = 'pod sandbox has no IP address';

export interface SandboxDecision {
  /** A new sandbox must be created. */
  changed: boolean;
  /** Attempt number for the (new or current) sandbox. */
  attempt: number;
  /** Id of the newest sandbox when one exists and is relevant. */
  sandboxId: string;
  /** Why a new sandbox is needed ('' when not). */
  message: string;
}

/** NetworkNamespaceForPod: NODE for host-network pods, else POD. */
export function networkNamespaceForPod(pod: V1Pod): 'NODE' | 'POD' {
  return pod.spec?.hostNetwork === true ? 'NODE' : 'POD';
}

export function podSandboxChanged(pod: V1Pod, runtime: RuntimeView): SandboxDecision {
  const sandboxes = runtime.sandboxes ?? [];
  if (sandboxes.length === 0) {
    return {
      changed: true,
      attempt: 0,
      sandboxId: '',
      message: POD_SANDBOX_NOT_READY_MSG_NO_POD_SANDBOX,
    };
  }
  let ready = 0;
  let maxAttempt = 0;
  for (const s of sandboxes) {
    if (s.state === 'SANDBOX_READY') ready++;
    if ((s.attempt ?? 0) > maxAttempt) maxAttempt = s.attempt ?? 0;
  }
  const newest = sandboxes[0]!;
  const id = newest.id ?? '';
  if (ready > 1) {
    return {
      changed: true,
      attempt: maxAttempt + 1,
      sandboxId: id,
      message: POD_SANDBOX_NOT_READY_MSG_MULTIPLE_SANDBOXES,
    };
  }
  if (newest.state !== 'SANDBOX_READY') {
    return {
      changed: true,
      attempt: maxAttempt + 1,
      sandboxId: id,
      message: POD_SANDBOX_NOT_READY_MSG_SANDBOX_NOT_READY,
    };
  }
  if ((newest.networkNamespaceMode ?? 'POD') !== networkNamespaceForPod(pod)) {
    return {
      changed: true,
      attempt: maxAttempt + 1,
      sandboxId: '',
      message: POD_SANDBOX_NOT_READY_MSG_NETWORK_NAMESPACE_MODE,
    };
  }
  if (pod.spec?.hostNetwork !== true && newest.ip !== undefined && newest.ip === '') {
    return {
      changed: true,
      attempt: maxAttempt + 1,
      sandboxId: id,
      message: POD_SANDBOX_NOT_READY_MSG_NO_IP_ADDRESS,
    };
  }
  return { changed: false, attempt: maxAttempt, sandboxId: id, message: '' };
}

export type NamespaceMode = 'POD' | 'CONTAINER' | 'NODE';

/**
 * The namespaces the kubelet asks the runtime for (util.go NetworkNamespaceForPod,
 * IpcNamespaceForPod, PidNamespaceForPod): PID is per container unless
 * `shareProcessNamespace` (pod) or `hostPID` (node) — trap 7.
 */
export function namespacesForPod(pod: V1Pod): {
  network: NamespaceMode;
  ipc: NamespaceMode;
  pid: NamespaceMode;
} {
  const spec = pod.spec;
  let pid: NamespaceMode = 'CONTAINER';
  if (spec?.hostPID === true) pid = 'NODE';
  else if (spec?.shareProcessNamespace === true) pid = 'POD';
  return {
    network: networkNamespaceForPod(pod),
    ipc: spec?.hostIPC === true ? 'NODE' : 'POD',
    pid,
  };
}
