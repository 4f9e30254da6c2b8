/**
 * For tests: the engine entry point, and which engine features have not
 * landed yet, so a scenario needing one is skipped with a precise reason instead of failing.
 */
import { createSimulation as create } from '../../engine/index.ts';
import type { EngineFeature, ScenarioSim } from '../types.ts';

export const createSimulation: (opts: { manifest: string; seed?: number }) => ScenarioSim = create;

/**
 * Engine features that have not landed yet. Remove an entry as soon as the feature lands: its
 * scenarios then run and must pass. (`PODSCOPE_ALL_SCENARIOS=1` runs every scenario regardless.)
 */
export const MISSING: Partial<Record<EngineFeature, string>> = {
  namespaces: 'shared network/UTS/PID namespace effects (issue 5) are not in the engine yet',
  volumes: 'emptyDir files shared between containers (issue 5) are not in the engine yet',
  rollout:
    "the engine has no Action to change a Deployment's template mid-run (needed for a rollout)",
};

const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
export const runAll = env?.PODSCOPE_ALL_SCENARIOS === '1';

export function skipReason(requires: readonly EngineFeature[]): string | undefined {
  if (runAll) return undefined;
  return requires.map((f) => MISSING[f]).find((r) => r !== undefined);
}
