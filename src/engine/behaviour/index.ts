/**
 * The behaviour layer's public surface (used by the simulation's seam and,
 * through src/engine/index.ts, by the view for types).
 */
export { parseImageRef, resolveImage, isPauseImage, IMAGE_CATALOGUE } from './images.ts';
export type { ImageRef, ResolvedImage, ImageSpec } from './images.ts';
export { combineCommand, expandK8s, buildEnv } from './command.ts';
export {
  DEFAULT_EPOCH_MS,
  createPodSystem,
  startSandbox,
  stopSandbox,
  startContainer,
  advance,
  nextWakeMs,
  takeOccurrences,
  stopSignalOf,
  signalContainer,
  killContainer,
  isContainerRunning,
  startExec,
  runExec,
  execOutput,
  execStderr,
  execResolves,
  cancelExec,
  probeTcp,
  probeHttp,
  probeGrpc,
  KUBE_PROBE_AGENT,
  KUBE_LIFECYCLE_AGENT,
  containerLogs,
} from './system.ts';
export type { PodSystemOptions, StartResult } from './system.ts';
export type { GrpcAnswer } from './grpc.ts';
export { runtimeView } from './view.ts';
export type {
  PodRuntimeView,
  ContainerRuntimeView,
  ProcessView,
  ListenerView,
  VolumeView,
  FileView,
} from './view.ts';
export type {
  BehaviourCtx,
  ClusterLookup,
  ServiceInfo,
  Notice,
  Occurrence,
  PodSystem,
  Signal,
  Connection,
  IpcObject,
  ProcEvent,
  DeclaredPort,
  LogLine,
  VolumeOp,
} from './types.ts';
export { hasExecutable } from './executables.ts';
export { readFile } from './volumes.ts';
export { parse } from './shell/parse.ts';
export { tokenize, ShellSyntaxError } from './shell/tokenize.ts';
