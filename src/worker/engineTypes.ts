/**
 * The engine types the protocol carries, from the engine's public surface
 * (issue 4). Views import them from `src/engine/index.ts` directly.
 */
export type {
  Action,
  ContainerRuntimeView,
  PodRuntimeView,
  Run,
  SimEvent,
  TimedAction,
} from '../engine/index.ts';
