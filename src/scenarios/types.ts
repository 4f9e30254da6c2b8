/**
 * The shape of a scenario: a run (manifest + seed + timed actions) and the point it makes.
 *
 * Scenarios are data. They import nothing but the engine's public surface; checks read a
 * simulation through `ScenarioSim`, the part of the engine's `Simulation` they need.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Action } from '../engine/index.ts';

/** The engine's Action union: what a scenario's timeline and a lesson's learner do. */
export type ScenarioAction = Action;

export interface ScenarioTimedAction {
  atMs: number;
  action: ScenarioAction;
}

export interface ScenarioRun {
  /** YAML text, as a user would paste it. */
  manifest: string;
  seed: number;
  /** Sorted by atMs. */
  actions: ScenarioTimedAction[];
}

export interface ScenarioEvent {
  atMs: number;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  fieldPath?: string;
}

/** What a scenario's check reads from a simulation (the engine's `Simulation` fits). */
export interface ScenarioSim {
  readonly nowMs: number;
  advance(ms: number): void;
  dispatch(action: ScenarioAction): void;
  pod(name?: string): Pod;
  pods(): Pod[];
  events(): ScenarioEvent[];
  logs(container: string, opts?: { pod?: string; previous?: boolean }): string[];
}

/**
 * Engine capabilities a scenario relies on, so a test can be skipped with a precise reason
 * while an engine issue has not landed:
 * - `kubelet`: the sync loop, back-off, probes, pulls, termination (issue 4);
 * - `sidecars`: app containers start once a native sidecar has started (issue 4);
 * - `shell`: the `sh -c` interpreter and known images' default behaviour (issue 5);
 * - `namespaces`: shared network/UTS/PID namespaces and their effects (issue 5);
 * - `volumes`: emptyDir files shared between containers (issue 5);
 * - `services`: Services answering nslookup (issue 6);
 * - `nodes`: node failure, taints and eviction (issue 6);
 * - `controllers`: ReplicaSet and Deployment manifests (issue 6);
 * - `rollout`: changing a Deployment's template mid-run (no Action exists for it yet).
 */
export type EngineFeature =
  | 'kubelet'
  | 'sidecars'
  | 'shell'
  | 'namespaces'
  | 'volumes'
  | 'services'
  | 'nodes'
  | 'controllers'
  | 'rollout';

export type Topic =
  | 'pod'
  | 'pause'
  | 'namespaces'
  | 'volumes'
  | 'init'
  | 'sidecar'
  | 'restart-policy'
  | 'image-pull'
  | 'probes'
  | 'termination'
  | 'controllers';

export interface Scenario {
  /** kebab-case, equal to the file name. */
  id: string;
  /** i18n keys (`scenarios.en.ts`): the title and the one-line point. */
  titleKey: `scenario.${string}.title`;
  pointKey: `scenario.${string}.point`;
  run: ScenarioRun;
  /** How long to run before the outcome holds (simulated ms). */
  durationMs: number;
  /** The stated outcome, in words (English, for test names and reports). */
  outcome: string;
  /** Throws (with a message) when the outcome was not reached. */
  expect: (sim: ScenarioSim) => void;
  tags: Topic[];
  requires: EngineFeature[];
}
