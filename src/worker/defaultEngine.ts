/**
 * The engine the app runs: issue 4's `createSimulation`/`restoreSimulation` from
 * `src/engine/index.ts`, as the host's `EngineApi`.
 */
import { createSimulation, restoreSimulation, type SimSnapshot } from '../engine/index.ts';
import type { EngineApi } from './engine.ts';

export const engineName = 'issue 4';

export const defaultEngine: EngineApi = {
  create: (opts) => createSimulation(opts),
  // restoreSimulation clones the snapshot, so a checkpoint can be restored again.
  restore: (snapshot) => restoreSimulation(snapshot as SimSnapshot),
};
