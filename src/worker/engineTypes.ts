/**
 * The engine types the protocol carries. INTERIM: the engine (issue 4) is being
 * written; these mirror its published contract and become plain re-exports from
 * `src/engine/index.ts` as soon as it exports them. Import them from
 * `protocol.ts` (or, in views, from `src/engine/index.ts` once it exports them).
 */

/** One occurrence, as `kubectl describe pod` lists it (not aggregated). */
export interface SimEvent {
  atMs: number;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  fieldPath?: string;
}

type Probe = 'liveness' | 'readiness' | 'startup';

/** User actions and injected faults, effective at the simulation's nowMs. */
export type Action =
  | { kind: 'crash'; container: string; exitCode?: number; pod?: string }
  | { kind: 'oom-kill'; container: string; pod?: string }
  | { kind: 'kill-sandbox'; pod?: string }
  | { kind: 'probe-failure'; container: string; probe: Probe; durationMs?: number; pod?: string }
  | { kind: 'probe-recover'; container: string; probe: Probe; pod?: string }
  | { kind: 'image-pull-error'; image?: string; durationMs?: number; pod?: string }
  | { kind: 'delete-pod'; pod?: string; gracePeriodSeconds?: number }
  | { kind: 'node-failure'; node?: string }
  | { kind: 'node-recover'; node?: string }
  | { kind: 'create-service'; name: string }
  | { kind: 'delete-service'; name: string };

/**
 * The runtime's view of one pod (sandbox, containers and what they do now, pull
 * decisions, backOffUntilMs, probes, volumes, namespaces). Its exact shape is the
 * engine's `PodRuntimeView`.
 */
export type PodRuntimeView = Record<string, unknown>;
