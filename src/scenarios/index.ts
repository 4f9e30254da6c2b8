/**
 * The scenario gallery: every topic of the article as a run plus the point it makes,
 * in the order a learner meets them.
 */
import { barePodNodeFailure } from './bare-pod-node-failure.ts';
import { busyboxExitsAtOnce } from './busybox-exits-at-once.ts';
import { crashLoopBackoff } from './crash-loop-backoff.ts';
import { deploymentInitImage } from './deployment-init-image.ts';
import { gracefulTermination } from './graceful-termination.ts';
import { imagePullAlways } from './image-pull-always.ts';
import { imagePullError } from './image-pull-error.ts';
import { imagePullIfNotPresent } from './image-pull-ifnotpresent.ts';
import { imagePullLatest } from './image-pull-latest.ts';
import { imagePullNever } from './image-pull-never.ts';
import { imageTagTypo } from './image-tag-typo.ts';
import { initContainersOrder } from './init-containers-order.ts';
import { initFailureAlways } from './init-failure-always.ts';
import { initFailureNever } from './init-failure-never.ts';
import { initFailureOnFailure } from './init-failure-onfailure.ts';
import { initNeverFinishes } from './init-never-finishes.ts';
import { livenessProbe } from './liveness-probe.ts';
import { execLiveness } from './exec-liveness.ts';
import { httpLiveness } from './http-liveness.ts';
import { tcpProbes } from './tcp-probes.ts';
import { startupSlowStarter } from './startup-slow-starter.ts';
import { readinessWrongPort } from './readiness-wrong-port.ts';
import { postStartFailing } from './poststart-failing.ts';
import { localhost } from './localhost.ts';
import { memoryLimitOom } from './memory-limit-oom.ts';
import { nativeSidecar } from './native-sidecar.ts';
import { oneContainer } from './one-container.ts';
import { portConflict } from './port-conflict.ts';
import { readinessProbe } from './readiness-probe.ts';
import { replicasetNodeFailure } from './replicaset-node-failure.ts';
import { restartPolicyAlways } from './restart-policy-always.ts';
import { restartPolicyNever } from './restart-policy-never.ts';
import { restartPolicyOnFailure } from './restart-policy-onfailure.ts';
import { sandboxRestart } from './sandbox-restart.ts';
import { shareProcessNamespace } from './share-process-namespace.ts';
import { sharedHostname } from './shared-hostname.ts';
import { sidecarSharedVolume } from './sidecar-shared-volume.ts';
import { startupProbe } from './startup-probe.ts';
import type { Scenario } from './types.ts';

export { pendingReason } from './lib/missing.ts';
export type {
  EngineFeature,
  Scenario,
  ScenarioAction,
  ScenarioRun,
  ScenarioSim,
  ScenarioTimedAction,
  Topic,
} from './types.ts';

export const scenarios: Scenario[] = [
  // What a pod is; the pause container and its namespaces
  oneContainer,
  sidecarSharedVolume,
  localhost,
  portConflict,
  sharedHostname,
  shareProcessNamespace,
  sandboxRestart,
  // The kinds of containers
  initContainersOrder,
  initFailureAlways,
  initFailureOnFailure,
  initFailureNever,
  nativeSidecar,
  initNeverFinishes,
  // Restart policy
  restartPolicyAlways,
  restartPolicyOnFailure,
  restartPolicyNever,
  crashLoopBackoff,
  busyboxExitsAtOnce,
  memoryLimitOom,
  // Image pull policy
  imagePullIfNotPresent,
  imagePullAlways,
  imagePullNever,
  imagePullLatest,
  imagePullError,
  imageTagTypo,
  // Probes and termination
  livenessProbe,
  readinessProbe,
  startupProbe,
  execLiveness,
  httpLiveness,
  tcpProbes,
  startupSlowStarter,
  readinessWrongPort,
  postStartFailing,
  gracefulTermination,
  // Bare versus controlled pods
  barePodNodeFailure,
  replicasetNodeFailure,
  deploymentInitImage,
];

const byId = new Map(scenarios.map((s) => [s.id, s]));

export function getScenario(id: string): Scenario | undefined {
  return byId.get(id);
}

/** Pairs that teach by contrast, for the side-by-side view. */
export const comparisons: readonly (readonly [string, string])[] = [
  ['restart-policy-always', 'restart-policy-onfailure'],
  ['restart-policy-onfailure', 'restart-policy-never'],
  ['init-failure-always', 'init-failure-never'],
  ['native-sidecar', 'init-never-finishes'],
  ['image-pull-ifnotpresent', 'image-pull-always'],
  ['bare-pod-node-failure', 'replicaset-node-failure'],
];
