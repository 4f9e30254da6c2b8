/**
 * The protocol's data types, for views (which never import the worker layer).
 * Engine types (SimEvent, Action, PodRuntimeView…) come from `src/engine/index.ts`.
 */
export type {
  Action,
  ContainerKind,
  ContainerLogs,
  Frame,
  Lane,
  LaneSegment,
  LaneState,
  PodFrame,
  PodRow,
  PodRuntimeView,
  RestartMarker,
  Run,
  SimEvent,
  TimedAction,
  V1Node,
  V1Pod,
  WatchLine,
} from '../worker/protocol.ts';
