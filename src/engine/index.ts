/**
 * The engine's only public surface. Layers above import from here and
 * nowhere else inside src/engine.
 */
export { SimClock } from './sim/clock.ts';
export type { JobId } from './sim/clock.ts';
export { crashLoopWaitMs } from './sim/backoff.ts';

// Engine I — the kubelet's and kubectl's rules (src/engine/kubelet).
export { getPhase } from './kubelet/phase.ts';
export type { GetPhaseOptions } from './kubelet/phase.ts';
export {
  initializedCondition,
  containersReadyCondition,
  podReadyCondition,
  readyToStartContainersCondition,
  podScheduledCondition,
  kubeletPodConditions,
} from './kubelet/conditions.ts';
export type { KubeletCondition } from './kubelet/conditions.ts';
export { podSandboxChanged, networkNamespaceForPod, namespacesForPod } from './kubelet/sandbox.ts';
export type { SandboxDecision, NamespaceMode } from './kubelet/sandbox.ts';
export {
  computePodActions,
  computePodActionsDetailed,
  shouldContainerBeRestarted,
} from './kubelet/podActions.ts';
export type { ContainerKill, DetailedPodActions } from './kubelet/podActions.ts';
export { printPod, translateTimestampSince } from './kubelet/printPod.ts';
export { humanDuration } from './kubelet/humanDuration.ts';
export { defaultImagePullPolicy, parseImageName } from './kubelet/imagePolicy.ts';
export type { PullPolicy, ParsedImageName } from './kubelet/imagePolicy.ts';
export {
  validatePod,
  formatInvalidPodError,
  podInvalidStatusMessage,
} from './kubelet/validation.ts';
export type { FieldError, FieldErrorType } from './kubelet/validation.ts';
export {
  isRestartableInitContainer,
  containerShouldRestart,
  isContainerRestartable,
} from './kubelet/podUtil.ts';
export type {
  RuntimeView,
  RuntimeSandbox,
  RuntimeContainer,
  RuntimeContainerState,
  SandboxState,
  ProbeResult,
  ProbeResults,
  ComputePodActionsOptions,
  PodActions,
  PodPhase,
  PodRow,
  RowCondition,
  KContainer,
  ContainerRestartRule,
} from './kubelet/runtimeView.ts';

// kubectl's printers (src/engine/kubectl): describe, get -w, -o yaml, the Events table.
export {
  describePod,
  describeProbe,
  aggregateEvents,
  recordEvents,
  sortForDescribe,
  formatEventRows,
  getPodsWatchLines,
  appendRowChange,
  podToYaml,
  applyPodDefaults,
  DEFAULT_EPOCH_MS,
} from './kubectl/index.ts';
export type {
  DescribeOptions,
  EventOptions,
  EventRow,
  KubectlEventInput,
  RecordedEvent,
  RowChange,
  WatchRow,
} from './kubectl/index.ts';
export type { ClockEntry, ClockState } from './sim/clock.ts';
export { createSimulation, restoreSimulation } from './sim/simulation.ts';
// A run (manifest + seed + timed actions) and the one way to play it.
export { playRun, applyAction, normalizeActions } from './run/run.ts';
export type { Run, TimedAction, RunnableSim, Refusal, PlayResult } from './run/run.ts';
export { ManifestError } from './sim/manifest.ts';
export { probeSchedule, MAX_PROBE_TICKS } from './sim/probes/schedule.ts';
export type { ProbeScheduleRow } from './sim/probes/schedule.ts';
export type {
  Action,
  ClusterOptions,
  ContainerActivity,
  ContainerKind,
  ContainerRuntimeView,
  NodeOptions,
  PodRuntimeView,
  PrintRow,
  ProbeKind,
  ProbeTick,
  ProbeView,
  SimEvent,
  SimSnapshot,
  Simulation,
  VolumeView,
} from './sim/types.ts';

// The cluster (src/engine/cluster): scheduler, controllers, node lifecycle, Services.
export {
  schedulePod,
  filterNode,
  fitErrorMessage,
  podRequests,
  toleratesTaint,
} from './cluster/scheduler.ts';
export type { SchedNode, ScheduleResult } from './cluster/scheduler.ts';
export { podTemplateHash, generateName, SAFE_ALPHABET } from './cluster/names.ts';
export {
  reconcileReplicaSet,
  deletionOrder,
  replicaSetStatus,
  isPodActive,
} from './cluster/replicaset.ts';
export type { OwnedPod } from './cluster/replicaset.ts';
export {
  resolveFenceposts,
  rollingStep,
  recreateStep,
  scalingMessage,
} from './cluster/deployment.ts';
export {
  nodeTaints,
  nodeConditions,
  noExecuteDecision,
  withDefaultTolerations,
  NODE_MONITOR_GRACE_MS,
  DEFAULT_TOLERATION_SECONDS,
} from './cluster/nodeLifecycle.ts';
export {
  clusterLookup,
  lookupService,
  workloadObjects,
  memoryEvictionMessage,
} from './cluster/controller.ts';
export type { ServiceInfo, ClusterHost } from './cluster/controller.ts';
export type { ClusterAction } from './cluster/actions.ts';
export type { ClusterObjects } from './sim/types.ts';
export type { CreateOptions } from './sim/simulation.ts';
