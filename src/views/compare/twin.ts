/**
 * Two simulations on one clock: each scenario's run (manifest, seed, scripted actions) is
 * advanced by the same simulated time, so the variants stay comparable instant by instant.
 * Pure and framework-free; the panel drives it from animation frames.
 */
import { createSimulation, type Simulation } from '../../engine/index.ts';
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
    actions: [...s.run.actions].sort((a, b) => a.atMs - b.atMs),
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
      for (const r of runs) {
        while (r.next < r.actions.length && r.actions[r.next]!.atMs <= ms) {
          const { atMs, action } = r.actions[r.next++]!;
          if (atMs > r.sim.nowMs) r.sim.advanceTo(atMs);
          try {
            r.sim.dispatch(action);
          } catch {
            // A scripted action the engine refuses changes nothing; the run goes on.
          }
        }
        if (ms > r.sim.nowMs) r.sim.advanceTo(ms);
      }
      now = ms;
    },
  };
}
