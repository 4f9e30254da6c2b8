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

/** Why a container is killed: the message of the kubelet's `Killing` event and its kill reason. */
export interface ContainerKill {
  name: string;
  /** e.g. `Container web failed liveness probe, will be restarted`. */
  message: string;
  /** containerKillReason: '' | 'LivenessProbe' | 'StartupProbe' | 'Unknown'. */
  reason: '' | 'LivenessProbe' | 'StartupProbe' | 'Unknown';
}

export interface DetailedPodActions extends PodActions {
  /** Same containers as `containersToKill`, same order, with message and reason. */
  kills: ContainerKill[];
}

function unknownInitKill(name: string): ContainerKill {
  return {
    name,
    message: 'Init container is in "unknown" state, try killing it before restart',
    reason: 'Unknown',
  };
}

interface MutableActions {
  killPod: boolean;
  createSandbox: boolean;
  attempt: number;
  containersToStart: number[];
  kill: Map<string, ContainerKill>;
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
              a.kill.set(c.name, {
                name: c.name,
                message: `Init container ${c.name} failed startup probe`,
                reason: 'StartupProbe',
              });
              toStart.push(i);
            }
            break;
          }
        }
        if (i === inits.length - 1) podHasInitialized = true;
        else if (!previouslyInitialized) toStart.push(i + 1);

        if (changed.has(c.name)) {
          a.kill.set(c.name, {
            name: c.name,
            message: `Init container ${c.name} definition changed`,
            reason: '',
          });
          toStart.push(i);
          break;
        }
        if (c.livenessProbe && liveness[c.name] === 'Failure') {
          a.kill.set(c.name, {
            name: c.name,
            message: `Init container ${c.name} failed liveness probe`,
            reason: 'LivenessProbe',
          });
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
          a.kill.set(c.name, unknownInitKill(c.name));
          toStart.push(i);
        } else {
          if (!initContainerRestarts(c, pod, s)) {
            a.killPod = true;
            a.initContainersToStart = [];
            return false;
          }
          a.kill.set(c.name, unknownInitKill(c.name));
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

function finish(pod: V1Pod, a: MutableActions): DetailedPodActions {
  // Kill names in spec order: init containers, then regular containers.
  const names = [...initContainersOf(pod), ...containersOf(pod)].map((c) => c.name);
  const ordered = names.filter((n, i) => a.kill.has(n) && names.indexOf(n) === i);
  for (const n of a.kill.keys()) if (!ordered.includes(n)) ordered.push(n);
  return {
    kills: ordered.map((n) => a.kill.get(n)!),
    killPod: a.killPod,
    createSandbox: a.createSandbox,
    attempt: a.attempt,
    containersToStart: a.containersToStart,
    containersToKill: ordered,
    initContainersToStart: a.initContainersToStart,
  };
}

/** computePodActions plus, for each container to kill, the kubelet's kill message and reason. */
export function computePodActionsDetailed(
  pod: V1Pod,
  runtime: RuntimeView,
  opts: ComputePodActionsOptions = {},
): DetailedPodActions {
  const sandbox = podSandboxChanged(pod, runtime);
  const a: MutableActions = {
    killPod: sandbox.changed,
    createSandbox: sandbox.changed,
    attempt: sandbox.attempt,
    containersToStart: [],
    kill: new Map(),
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
        if (s && s.state === 'unknown') {
          a.kill.set(c.name, {
            name: c.name,
            message: 'Container is in "unknown" state, try killing it before restart',
            reason: 'Unknown',
          });
        }
      }
      return;
    }
    let restart = isContainerRestartable(c, pod);
    let message: string;
    let reason: ContainerKill['reason'] = '';
    if (changed.has(c.name)) {
      message = `Container ${c.name} definition changed`;
      restart = true; // a changed spec restarts regardless of policy
    } else if (liveness[c.name] === 'Failure') {
      message = `Container ${c.name} failed liveness probe`;
      reason = 'LivenessProbe';
    } else if (startup[c.name] === 'Failure') {
      message = `Container ${c.name} failed startup probe`;
      reason = 'StartupProbe';
    } else {
      keepCount++;
      return;
    }
    if (restart) {
      message += ', will be restarted';
      a.containersToStart.push(idx);
    }
    a.kill.set(c.name, { name: c.name, message, reason });
  });

  if (keepCount === 0 && a.containersToStart.length === 0) {
    a.killPod = true;
    // Sidecars must not keep a finished pod alive.
    a.initContainersToStart = [];
  }
  return finish(pod, a);
}

/** The kubelet's decisions for one sync of the pod (see the module comment). */
export function computePodActions(
  pod: V1Pod,
  runtime: RuntimeView,
  opts: ComputePodActionsOptions = {},
): PodActions {
  const { kills: _kills, ...actions } = computePodActionsDetailed(pod, runtime, opts);
  return actions;
}
