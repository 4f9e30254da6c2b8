/**
 * Small helpers shared by the kubelet rules: container lookup and the
 * restart-policy predicates of pkg/api/v1/pod/util.go
 * (IsRestartableInitContainer, IsContainerRestartable, ContainerShouldRestart)
 * with the ContainerRestartRules gate on (beta, default on since 1.35).
 */
import type { ContainerStatus } from 'kubernetes-types/core/v1';
import type { ContainerRestartRule, KContainer, RuntimeContainer, V1Pod } from './runtimeView.ts';

export function initContainersOf(pod: V1Pod): KContainer[] {
  return (pod.spec?.initContainers ?? []) as KContainer[];
}

export function containersOf(pod: V1Pod): KContainer[] {
  return (pod.spec?.containers ?? []) as KContainer[];
}

/** The pod-level restart policy, with the API server's default (`Always`) for an empty value. */
export function podRestartPolicy(pod: V1Pod): string {
  return pod.spec?.restartPolicy ?? '';
}

/** A sidecar: an init container whose own `restartPolicy` is `Always`. */
export function isRestartableInitContainer(c: KContainer | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function findMatchingRule(c: KContainer, exitCode: number): ContainerRestartRule | undefined {
  for (const rule of c.restartPolicyRules ?? []) {
    if (!rule.exitCodes) continue;
    const listed = (rule.exitCodes.values ?? []).includes(exitCode);
    if (rule.exitCodes.operator === 'In' && listed) return rule;
    if (rule.exitCodes.operator === 'NotIn' && !listed) return rule;
  }
  return undefined;
}

/**
 * Whether a container that exited with `exitCode` is restarted: the first
 * matching container rule with action `Restart`, else the container-level
 * `restartPolicy`, else the pod's (an unknown pod value counts as `Always`).
 */
export function containerShouldRestart(c: KContainer, pod: V1Pod, exitCode: number): boolean {
  if (c.restartPolicy !== undefined) {
    if (findMatchingRule(c, exitCode)?.action === 'Restart') return true;
    switch (c.restartPolicy) {
      case 'Always':
        return true;
      case 'OnFailure':
        return exitCode !== 0;
      case 'Never':
        return false;
      default:
        break;
    }
  }
  switch (podRestartPolicy(pod)) {
    case 'OnFailure':
      return exitCode !== 0;
    case 'Never':
      return false;
    default:
      return true;
  }
}

/** Whether the container can be restarted at all (used when a running container is killed). */
export function isContainerRestartable(c: KContainer, pod: V1Pod): boolean {
  if (c.restartPolicy !== undefined) {
    if ((c.restartPolicyRules ?? []).some((r) => r.action === 'Restart')) return true;
    return c.restartPolicy !== 'Never';
  }
  return podRestartPolicy(pod) !== 'Never';
}

/** podutil.GetContainerStatus: the first status carrying that name. */
export function findStatus(
  statuses: readonly ContainerStatus[] | undefined,
  name: string,
): ContainerStatus | undefined {
  return statuses?.find((s) => s.name === name);
}

/** PodStatus.FindContainerStatusByName: the newest runtime record of that name. */
export function findRuntimeContainer(
  containers: readonly RuntimeContainer[] | undefined,
  name: string,
): RuntimeContainer | undefined {
  return containers?.find((c) => c.name === name);
}

/** Formats a list as Go's `%s` does for a `[]string`: `[a b c]`. */
export function goList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}
