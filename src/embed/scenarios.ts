/**
 * The scenario ids an embed can name (`scenario=ID`, `<pod-scope scenario>`): `default` (the
 * run the app opens with, known at once) and every scenario of the gallery (src/scenarios),
 * loaded on demand so the first load stays small.
 */
import { DEFAULT_RUN } from '../views/defaultRun.ts';
import type { Run } from '../worker/protocol.ts';

export const DEFAULT_SCENARIO_ID = 'default';

export function defaultRun(): Run {
  return structuredClone(DEFAULT_RUN);
}

/** The run of a scenario known without loading anything, or undefined. */
export function scenarioRunNow(id: string): Run | undefined {
  return id === DEFAULT_SCENARIO_ID ? defaultRun() : undefined;
}

/** The run of any scenario id (a fresh copy), or undefined for an unknown id. */
export async function scenarioRun(id: string): Promise<Run | undefined> {
  const now = scenarioRunNow(id);
  if (now) return now;
  const { getScenario } = await import('../scenarios/index.ts');
  const run = getScenario(id)?.run;
  return run && (structuredClone(run) as Run);
}

/** How long the default run is shown when it autoplays (its story is over by then). */
export const DEFAULT_DURATION_MS = 90_000;

/** A scenario's `durationMs` (where autoplay stops or loops), or undefined for an unknown id. */
export async function scenarioDuration(id: string): Promise<number | undefined> {
  if (id === DEFAULT_SCENARIO_ID) return DEFAULT_DURATION_MS;
  const { getScenario } = await import('../scenarios/index.ts');
  return getScenario(id)?.durationMs;
}
