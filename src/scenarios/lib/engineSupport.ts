/**
 * For tests: the engine entry point, and which engine features have not
 * landed yet, so a scenario needing one is skipped with a precise reason instead of failing.
 */
import { createSimulation as create } from '../../engine/index.ts';
import type { EngineFeature, ScenarioSim } from '../types.ts';
import { MISSING } from './missing.ts';

export { MISSING };

export const createSimulation: (opts: { manifest: string; seed?: number }) => ScenarioSim = create;

const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
export const runAll = env?.PODSCOPE_ALL_SCENARIOS === '1';

export function skipReason(requires: readonly EngineFeature[]): string | undefined {
  if (runAll) return undefined;
  return requires.map((f) => MISSING[f]).find((r) => r !== undefined);
}
