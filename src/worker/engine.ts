/**
 * What the host needs from the engine (issue 4's `Simulation`, plus the extras
 * asked for the time machine), and the engine the app runs by default.
 * Injected into the host so its time-machine logic is testable on its own.
 */
import type { Action, PodRuntimeView, SimEvent, V1Node, V1Pod } from './protocol.ts';

/** A kubectl row as the engine prints it (extra fields are ignored). */
export interface EngineRow {
  name: string;
  ready: string;
  status: string;
  restarts: string | number;
  age: string;
}

export interface SimLike {
  readonly nowMs: number;
  advance(ms: number): void;
  dispatch(action: Action): void;
  pods(): V1Pod[];
  events(): readonly SimEvent[];
  logs(container: string, opts?: { pod?: string; previous?: boolean }): string[];
  /** The next instant something is scheduled, or undefined. */
  nextEventAtMs(): number | undefined;
  /** A structured-clonable copy of the whole state. */
  snapshot(): unknown;
  runtime(podName?: string): PodRuntimeView;
  nodes(): V1Node[];
  printRows(): EngineRow[];
  /** Optional fast paths for streaming events. */
  eventCount?(): number;
  eventsSince?(from: number): readonly SimEvent[];
}

export function eventCount(sim: SimLike): number {
  return sim.eventCount ? sim.eventCount() : sim.events().length;
}

export function eventsSince(sim: SimLike, from: number): readonly SimEvent[] {
  return sim.eventsSince ? sim.eventsSince(from) : sim.events().slice(from);
}

export interface EngineApi {
  create(opts: { manifest: string | object; seed?: number }): SimLike;
  /** A new simulation from a snapshot; must not alias the snapshot (it is restored again). */
  restore(snapshot: unknown): SimLike;
}
