import type { EngineFeature, ScenarioAction } from '../types.ts';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/**
 * A state to reach, read from the current frame's pods (the API objects with status).
 * Every given field must hold; `pod` defaults to the first pod.
 */
export interface LessonCheck {
  pod?: string;
  phase?: PodPhase;
  /** At least this many pods exist, deleted ones included (a replacement was made). */
  podsAtLeast?: number;
  /** The pod's STATUS column in `kubectl get pods` is one of these. */
  statusIn?: string[];
  /** The pod has a deletionTimestamp (Terminating, or gone). */
  podDeleted?: boolean;
  /** At least this many pods without a deletionTimestamp are Running. */
  runningPodsAtLeast?: number;
  container?: string;
  running?: boolean;
  ready?: boolean;
  restartsAtLeast?: number;
  restartsAtMost?: number;
  waitingReasonIn?: string[];
  terminatedReason?: string;
  exitCode?: number;
}

/** What the learner does during a step: inject faults, or switch to a variant (a policy change). */
export type LessonAction =
  { kind: 'dispatch'; actions: ScenarioAction[] } | { kind: 'variant'; scenario: string };

export interface LessonStep {
  /** Unique in its lesson; the i18n keys are `lesson.<lesson>.<step>.*`. */
  id: string;
  scenario: string;
  /** Keep the scenario's scripted actions (default: the learner acts instead). */
  scripted?: boolean;
  /** Index of the correct choice among `choices` prediction answers. */
  answer: number;
  choices: number;
  action?: LessonAction;
  /** The action becomes available once this holds (e.g. the container runs). */
  actionWhen?: LessonCheck;
  /** Every check must hold; evaluated once the learner has acted (or played, without action). */
  check: LessonCheck[];
  /** Playback speed the step suggests (1 = real time). */
  speed: number;
  /** For tests: when the learner acts, and by when the check holds (simulated ms). */
  actAtMs?: number;
  reachedByMs: number;
  /** Engine features beyond the scenario's own that this step needs. */
  requires?: EngineFeature[];
}

export interface Lesson {
  id: string;
  steps: LessonStep[];
}
