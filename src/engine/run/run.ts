/**
 * A run — manifest + seed + timed actions — and the one way to play it.
 * Same inputs, same output: the run is the share link, the lesson step and the
 * test fixture, and everything that replays one (the worker's time machine, the
 * compare view, scenarios, lessons, tests) goes through `playRun` and its policy
 * for refused actions.
 *
 * Refused actions: the engine refuses an action it cannot apply (a container
 * that does not exist, a pod already gone) with an error and no state change.
 * At its instant in a recorded run, a refused action changes nothing and the run
 * goes on; `playRun` reports it so a caller that expects none can say so.
 */
import type { Action } from '../sim/types.ts';

/** A user action or injected fault, at the simulated instant it takes effect. */
export interface TimedAction {
  atMs: number;
  action: Action;
}

/** Plain data (JSON and structured-clone safe). */
export interface Run {
  /** The Pod (or controller) manifest: YAML text or the parsed object. */
  manifest: string | Record<string, unknown>;
  seed: number;
  /** Sorted by `atMs` (stable for equal times); see `normalizeActions`. */
  actions: TimedAction[];
}

/** What `playRun` needs of a simulation. */
export interface RunnableSim {
  readonly nowMs: number;
  advance(ms: number): void;
  dispatch(action: Action): void;
}

/** An action the engine refused at its instant. */
export interface Refusal {
  atMs: number;
  action: Action;
  message: string;
}

export interface PlayResult {
  /** Index of the first action not applied yet (pass it back to continue). */
  next: number;
  refused: Refusal[];
}

/**
 * Plays `run.actions[from…]` whose time is ≤ `untilMs`, each at its instant, then
 * advances to `untilMs`. Expects actions in order (see `normalizeActions`); an
 * action timed before the simulation's now is applied now.
 */
export function playRun(
  sim: RunnableSim,
  run: Pick<Run, 'actions'>,
  untilMs: number,
  from = 0,
): PlayResult {
  const refused: Refusal[] = [];
  let next = from;
  for (; next < run.actions.length; next++) {
    const { atMs, action } = run.actions[next]!;
    if (atMs > untilMs) break;
    if (atMs > sim.nowMs) sim.advance(atMs - sim.nowMs);
    const message = applyAction(sim, action);
    if (message !== undefined) refused.push({ atMs: sim.nowMs, action, message });
  }
  if (untilMs > sim.nowMs) sim.advance(untilMs - sim.nowMs);
  return { next, refused };
}

/** Applies one action now: undefined when applied, else why it was refused (nothing changed). */
export function applyAction(sim: RunnableSim, action: Action): string | undefined {
  try {
    sim.dispatch(action);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Sorted by time, stable; times rounded to whole ms and never negative. */
export function normalizeActions(actions: readonly TimedAction[]): TimedAction[] {
  return actions
    .map((a, i) => ({ a: { atMs: Math.max(0, Math.round(a.atMs)), action: a.action }, i }))
    .sort((x, y) => x.a.atMs - y.a.atMs || x.i - y.i)
    .map((x) => x.a);
}
