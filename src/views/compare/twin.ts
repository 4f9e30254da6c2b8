/**
 * Two simulations on one clock: each scenario's run (manifest, seed, scripted actions) is
 * advanced by the same simulated time, so the variants stay comparable instant by instant.
 * Pure and framework-free; the panel drives it from animation frames.
 */
import {
  createSimulation,
  normalizeActions,
  playRun,
  type Simulation,
} from '../../engine/index.ts';
import type { Scenario } from '../../scenarios/index.ts';

export interface Twin {
  readonly nowMs: number;
  readonly sims: readonly Simulation[];
  /** Moves both simulations to `ms` (≥ nowMs), applying scripted actions at their times. */
  advanceTo(ms: number): void;
}

export function createTwin(variants: readonly Scenario[]): Twin {
  const runs = variants.map((s) => ({
    sim: createSimulation({ manifest: s.run.manifest, seed: s.run.seed }),
    run: { actions: normalizeActions(s.run.actions) },
    next: 0,
  }));
  let now = 0;
  return {
    get nowMs() {
      return now;
    },
    sims: runs.map((r) => r.sim),
    advanceTo(ms: number) {
      if (ms <= now) return;
      // The run's own policy (engine/run): a refused action changes nothing.
      for (const r of runs) r.next = playRun(r.sim, r.run, ms, r.next).next;
      now = ms;
    },
  };
}
