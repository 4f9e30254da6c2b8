/**
 * The pod phase, as the kubelet computes it (pkg/kubelet/kubelet_pods.go
 * getPhase), with the ContainerRestartRules gate on (1.35+ default).
 */
import type { ContainerStatus } from 'kubernetes-types/core/v1';
import {
  containerShouldRestart,
  containersOf,
  findStatus,
  initContainersOf,
  isRestartableInitContainer,
} from './podUtil.ts';
import type { PodPhase, V1Pod } from './runtimeView.ts';

export interface GetPhaseOptions {
  /** The pod worker decided the pod is finished (deleted, evicted…): containers will not restart. */
  podIsTerminal: boolean;
  /** Some regular container exists in the current sandbox (HasAnyActiveRegularContainerStarted). */
  podHasInitialized: boolean;
}

const CONFIG_SOURCE_ANNOTATION = 'kubernetes.io/config.source';

/** kubetypes.IsStaticPod: the pod came from a file or URL source, not the API server. */
function isStaticPod(pod: V1Pod): boolean {
  const source = pod.metadata?.annotations?.[CONFIG_SOURCE_ANNOTATION];
  return source !== undefined && source !== 'api';
}

export function getPhase(pod: V1Pod, opts: GetPhaseOptions): PodPhase {
  // The kubelet looks statuses up by name in (regular ++ init) statuses.
  const info: ContainerStatus[] = [
    ...(pod.status?.containerStatuses ?? []),
    ...(pod.status?.initContainerStatuses ?? []),
  ];

  let pendingRegularInit = 0;
  let pendingSidecars = 0;
  let failedInitNotRestartable = 0;

  for (const c of initContainersOf(pod)) {
    if (isRestartableInitContainer(c)) continue;
    const s = findStatus(info, c.name);
    if (!s) {
      pendingRegularInit++;
      continue;
    }
    const st = s.state ?? {};
    if (st.running) {
      pendingRegularInit++;
    } else if (st.terminated) {
      const code = st.terminated.exitCode ?? 0;
      if (code !== 0 && !containerShouldRestart(c, pod, code)) failedInitNotRestartable++;
    } else if (st.waiting) {
      const last = s.lastState?.terminated;
      if (last) {
        const code = last.exitCode ?? 0;
        if (code !== 0 && !containerShouldRestart(c, pod, code)) failedInitNotRestartable++;
      } else {
        pendingRegularInit++;
      }
    } else {
      pendingRegularInit++;
    }
  }

  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let stoppedNotRestartable = 0;
  let succeeded = 0;

  for (const c of initContainersOf(pod)) {
    if (!isRestartableInitContainer(c)) continue;
    const s = findStatus(info, c.name);
    if (!s) {
      unknown++;
      continue;
    }
    const st = s.state ?? {};
    if (st.running) {
      if (s.started !== true) pendingSidecars++;
      running++;
    } else if (st.terminated) {
      // A stopped sidecar does not count towards the phase.
    } else if (st.waiting) {
      if (!s.lastState?.terminated) {
        pendingSidecars++;
        waiting++;
      }
    } else {
      pendingSidecars++;
      unknown++;
    }
  }

  for (const c of containersOf(pod)) {
    const s = findStatus(info, c.name);
    if (!s) {
      unknown++;
      continue;
    }
    const st = s.state ?? {};
    if (st.running) {
      running++;
    } else if (st.terminated) {
      stopped++;
      const code = st.terminated.exitCode ?? 0;
      if (!containerShouldRestart(c, pod, code)) stoppedNotRestartable++;
      if (code === 0) succeeded++;
    } else if (st.waiting) {
      const last = s.lastState?.terminated;
      if (last) {
        stopped++;
        if (!containerShouldRestart(c, pod, last.exitCode ?? 0)) stoppedNotRestartable++;
      } else {
        waiting++;
      }
    } else {
      unknown++;
    }
  }

  if (failedInitNotRestartable > 0) return 'Failed';

  if (pendingRegularInit > 0 || (pendingSidecars > 0 && !opts.podHasInitialized) || waiting > 0) {
    return 'Pending';
  }
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (opts.podIsTerminal && !isStaticPod(pod)) {
      return stopped === succeeded ? 'Succeeded' : 'Failed';
    }
    if (stopped !== stoppedNotRestartable) return 'Running';
    return stopped === succeeded ? 'Succeeded' : 'Failed';
  }
  return 'Pending';
}
