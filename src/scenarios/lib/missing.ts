import type { EngineFeature, Scenario } from '../types.ts';

/**
 * Engine features that have not landed yet. Remove an entry as soon as the feature lands: its
 * scenarios then run and must pass. (`PODSCOPE_ALL_SCENARIOS=1` runs every scenario regardless.)
 */
export const MISSING: Partial<Record<EngineFeature, string>> = {};

/** Why a scenario may not yet behave as its point says (undefined when the engine supports it). */
export function pendingReason(scenario: Pick<Scenario, 'requires'>): string | undefined {
  return scenario.requires.map((f) => MISSING[f]).find((r) => r !== undefined);
}
