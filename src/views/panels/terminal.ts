/**
 * What the kubectl panels print, derived from the store's merged view. Pure.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubectlEventInput } from '../../engine/index.ts';

/** A log buffer as the store holds it (current and previous instance). */
export interface LogBuffer {
  current: readonly string[];
  previous: readonly string[];
  truncated?: boolean;
}

/** The command line each tab shows above its output. */
export function commandLine(
  tab: 'watch' | 'describe' | 'logs' | 'yaml',
  pod: string,
  container?: string,
  previous = false,
): string {
  switch (tab) {
    case 'watch':
      return '$ kubectl get pods -w';
    case 'describe':
      return `$ kubectl describe pod ${pod}`;
    case 'logs':
      return `$ kubectl logs ${pod}${container ? ` -c ${container}` : ''}${previous ? ' --previous' : ''}`;
    case 'yaml':
      return `$ kubectl get pod ${pod} -o yaml`;
  }
}

function statusOf(pod: Pod, container: string) {
  const all = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  return all.find((s) => s.name === container);
}

/**
 * `kubectl logs` output: the lines, or the API server's error when there is no such
 * instance (`--previous` before any restart; a container that never started).
 */
export function logsOutput(
  pod: Pod,
  container: string,
  buffer: LogBuffer | undefined,
  previous: boolean,
): string[] {
  const name = pod.metadata?.name ?? '';
  const status = statusOf(pod, container);
  if (previous) {
    if (!status?.lastState?.terminated && (buffer?.previous.length ?? 0) === 0) {
      return [
        `Error from server (BadRequest): previous terminated container "${container}" in pod "${name}" not found`,
      ];
    }
    return [...(buffer?.previous ?? [])];
  }
  const waiting = status?.state?.waiting;
  const neverRan = !status?.state?.running && !status?.state?.terminated;
  if (
    waiting &&
    neverRan &&
    (buffer?.current.length ?? 0) === 0 &&
    !status?.lastState?.terminated
  ) {
    return [
      `Error from server (BadRequest): container "${container}" in pod "${name}" is waiting to start: ${waiting.reason ?? 'ContainerCreating'}`,
    ];
  }
  return [...(buffer?.current ?? [])];
}

/** All containers of a pod in spec order: init (and sidecars) first. */
export function containerNames(pod: Pod | undefined): string[] {
  if (!pod?.spec) return [];
  return [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name);
}

/**
 * The simulation's events as kubectl's recorder input. An event may name its pod
 * (`pod`) or object (`object`); otherwise it is taken to be about the described pod.
 */
export function kubectlEvents(
  events: readonly (KubectlEventInput & { pod?: string })[],
): KubectlEventInput[] {
  return events.map((e) =>
    e.object || !e.pod ? e : { ...e, object: { kind: 'Pod', name: e.pod } },
  );
}
