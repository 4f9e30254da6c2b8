/**
 * What the kubelet's runtime manager decides to do for a pod on one sync:
 * pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions and
 * kuberuntime_container.go computeInitContainerActions (the sidecar-aware
 * path, the only one since SidecarContainers is locked on), with
 * kubecontainer.ShouldContainerBeRestarted (pkg/kubelet/container/helpers.go)
 * and the ContainerRestartRules gate on.
 *
 * Not modelled: ephemeral containers, in-place resize actions, the
 * RestartAllContainers rule action (alpha).
 */
import {
  containerShouldRestart,
  containersOf,
  findRuntimeContainer,
  initContainersOf,
  isContainerRestartable,
  isRestartableInitContainer,
  podRestartPolicy,
} from './podUtil.ts';
import { podSandboxChanged } from './sandbox.ts';
import type {
  ComputePodActionsOptions,
  KContainer,
  PodActions,
  RuntimeContainer,
  RuntimeView,
  V1Pod,
} from './runtimeView.ts';

/** shouldRestartOnFailure: the pod policy is not Never. */
function shouldRestartOnFailure(pod: V1Pod): boolean {
  return podRestartPolicy(pod) !== 'Never';
}

/** isInitContainerFailed (kuberuntime/helpers.go): exited non-zero, or unknown. */
function isInitContainerFailed(s: RuntimeContainer): boolean {
  if (s.state === 'exited' && (s.exitCode ?? 0) !== 0) return true;
  return s.state === 'unknown';
}

/** Whether a failed regular init container is retried. */
function initContainerRestarts(c: KContainer, pod: V1Pod, s: RuntimeContainer): boolean {
  if (c.restartPolicy === undefined || s.state !== 'exited') return shouldRestartOnFailure(pod);
  return containerShouldRestart(c, pod, s.exitCode ?? 0);
}

/** kubecontainer.ShouldContainerBeRestarted for a regular container that is not running. */
export function shouldContainerBeRestarted(
  c: KContainer,
  pod: V1Pod,
  runtime: RuntimeView,
): boolean {
  if (pod.metadata?.deletionTimestamp) return false;
  const s = findRuntimeContainer(runtime.containers, c.name);
  if (!s) return true;
  if (s.state === 'running') return false;
  if (s.state === 'unknown' || s.state === 'created') return true;
  return containerShouldRestart(c, pod, s.exitCode ?? 0);
}

/** HasAnyRegularContainerCreated: some regular container is created, running or exited. */
function hasAnyRegularContainerCreated(pod: V1Pod, runtime: RuntimeView): boolean {
  return containersOf(pod).some((c) => {
    const s = findRuntimeContainer(runtime.containers, c.name);
    return s !== undefined && s.state !== 'unknown';
  });
}

interface MutableActions {
  killPod: boolean;
  createSandbox: boolean;
  attempt: number;
  containersToStart: number[];
  kill: Set<string>;
  initContainersToStart: number[];
}

/**
 * The init-container part. Returns whether the pod is initialized; may set
 * killPod (a regular init container failed and will not be retried).
 */
function computeInitContainerActions(
  pod: V1Pod,
  runtime: RuntimeView,
  opts: ComputePodActionsOptions,
  a: MutableActions,
): boolean {
  const inits = initContainersOf(pod);
  if (inits.length === 0) return true;

  // A created or running regular container proves initialization happened in
  // this sandbox. Exited ones do not: after a node reboot every record is exited.
  let podHasInitialized = containersOf(pod).some((c) => {
    const s = findRuntimeContainer(runtime.containers, c.name);
    return s !== undefined && (s.state === 'created' || s.state === 'running');
  });
  let previouslyInitialized = podHasInitialized;
  const startup = opts.probeResults?.startup ?? {};
  const liveness = opts.probeResults?.liveness ?? {};
  const changed = new Set(opts.specChangedContainers ?? []);
  const toStart: number[] = [];

  // Backwards: the furthest init container with a record decides.
  for (let i = inits.length - 1; i >= 0; i--) {
    const c = inits[i]!;
    const sidecar = isRestartableInitContainer(c);
    const s = findRuntimeContainer(runtime.containers, c.name);
    if (!s) {
      if (previouslyInitialized && sidecar) toStart.push(i);
      continue;
    }
    if (previouslyInitialized && !sidecar) continue;

    switch (s.state) {
      case 'created':
        toStart.push(i);
        break;
      case 'running': {
        if (!sidecar) break; // wait for it to finish
        if (c.startupProbe) {
          const r = startup[c.name];
          if (r === undefined) break; // not probed yet: wait
          if (r !== 'Success') {
            if (r === 'Failure') {
              a.kill.add(c.name);
              toStart.push(i);
            }
            break;
          }
        }
        if (i === inits.length - 1) podHasInitialized = true;
        else if (!previouslyInitialized) toStart.push(i + 1);

        if (changed.has(c.name)) {
          a.kill.add(c.name);
          toStart.push(i);
          break;
        }
        if (c.livenessProbe && liveness[c.name] === 'Failure') {
          a.kill.add(c.name);
          toStart.push(i);
        }
        break;
      }
      case 'exited':
        if (sidecar) {
          toStart.push(i);
        } else if (isInitContainerFailed(s)) {
          if (!initContainerRestarts(c, pod, s)) {
            a.killPod = true;
            a.initContainersToStart = [];
            return false;
          }
          toStart.push(i);
        } else if (i === inits.length - 1) {
          podHasInitialized = true;
        } else {
          toStart.push(i + 1);
        }
        break;
      default:
        // unknown: kill it before starting it again
        if (sidecar) {
          a.kill.add(c.name);
          toStart.push(i);
        } else {
          if (!initContainerRestarts(c, pod, s)) {
            a.killPod = true;
            a.initContainersToStart = [];
            return false;
          }
          a.kill.add(c.name);
          toStart.push(i);
        }
        break;
    }
    previouslyInitialized = true;
  }
  if (!previouslyInitialized) toStart.push(0);
  a.initContainersToStart = toStart.reverse();
  return podHasInitialized;
}

function finish(pod: V1Pod, a: MutableActions): PodActions {
  // Kill names in spec order: init containers, then regular containers.
  const names = [...initContainersOf(pod), ...containersOf(pod)].map((c) => c.name);
  const ordered = names.filter((n, i) => a.kill.has(n) && names.indexOf(n) === i);
  for (const n of a.kill) if (!ordered.includes(n)) ordered.push(n);
  return {
    killPod: a.killPod,
    createSandbox: a.createSandbox,
    attempt: a.attempt,
    containersToStart: a.containersToStart,
    containersToKill: ordered,
    initContainersToStart: a.initContainersToStart,
  };
}

export function computePodActions(
  pod: V1Pod,
  runtime: RuntimeView,
  opts: ComputePodActionsOptions = {},
): PodActions {
  const sandbox = podSandboxChanged(pod, runtime);
  const a: MutableActions = {
    killPod: sandbox.changed,
    createSandbox: sandbox.changed,
    attempt: sandbox.attempt,
    containersToStart: [],
    kill: new Set(),
    initContainersToStart: [],
  };
  const containers = containersOf(pod);
  const records = runtime.containers ?? [];

  if (sandbox.changed) {
    // A Never pod whose containers already ran in an earlier sandbox just ends.
    if (!shouldRestartOnFailure(pod) && sandbox.attempt !== 0 && records.length !== 0) {
      a.createSandbox = false;
      return finish(pod, a);
    }
    const toStart: number[] = [];
    containers.forEach((c, idx) => {
      const policy = c.restartPolicy ?? podRestartPolicy(pod);
      const s = findRuntimeContainer(records, c.name);
      const succeeded = s !== undefined && s.state === 'exited' && (s.exitCode ?? 0) === 0;
      if (policy === 'OnFailure' && succeeded) return;
      toStart.push(idx);
    });
    // Nothing to start and initialization already happened: only kill the pod.
    if (toStart.length === 0 && hasAnyRegularContainerCreated(pod, runtime)) {
      a.createSandbox = false;
      return finish(pod, a);
    }
    if (initContainersOf(pod).length > 0) {
      a.initContainersToStart = [0];
      return finish(pod, a);
    }
    a.containersToStart = toStart;
    return finish(pod, a);
  }

  const initialized = computeInitContainerActions(pod, runtime, opts, a);
  if (a.killPod || !initialized) return finish(pod, a);

  const liveness = opts.probeResults?.liveness ?? {};
  const startup = opts.probeResults?.startup ?? {};
  const changed = new Set(opts.specChangedContainers ?? []);
  let keepCount = 0;
  containers.forEach((c, idx) => {
    const s = findRuntimeContainer(records, c.name);
    if (!s || s.state !== 'running') {
      if (shouldContainerBeRestarted(c, pod, runtime)) {
        a.containersToStart.push(idx);
        if (s && s.state === 'unknown') a.kill.add(c.name);
      }
      return;
    }
    let restart = isContainerRestartable(c, pod);
    if (changed.has(c.name)) {
      restart = true; // a changed spec restarts regardless of policy
    } else if (liveness[c.name] === 'Failure' || startup[c.name] === 'Failure') {
      // killed; restarted only if the policy allows
    } else {
      keepCount++;
      return;
    }
    if (restart) a.containersToStart.push(idx);
    a.kill.add(c.name);
  });

  if (keepCount === 0 && a.containersToStart.length === 0) {
    a.killPod = true;
    // Sidecars must not keep a finished pod alive.
    a.initContainersToStart = [];
  }
  return finish(pod, a);
}
