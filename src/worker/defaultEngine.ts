/**
 * The engine the app runs: issue 4's `createSimulation`/`restoreSimulation` from
 * `src/engine/index.ts`, adapted to what the host needs.
 */
import * as engine from '../engine/index.ts';
import type { EngineApi, SimLike } from './engine.ts';
import { fakeEngine } from './testing/fakeEngine.ts';
import { parse } from 'yaml';

type Create = (opts: { manifest: string | object; seed?: number }) => SimLike;
type Restore = (snapshot: unknown) => SimLike;

const api = engine as unknown as { createSimulation?: Create; restoreSimulation?: Restore };

/**
 * INTERIM: until the engine exports `createSimulation`, the host runs a small
 * stand-in so the app and its tests keep working.
 */
export const defaultEngine: EngineApi =
  api.createSimulation && api.restoreSimulation
    ? { create: api.createSimulation, restore: api.restoreSimulation }
    : {
        create: (o) =>
          fakeEngine.create({
            ...o,
            manifest: typeof o.manifest === 'string' ? (parse(o.manifest) ?? {}) : o.manifest,
          }),
        restore: fakeEngine.restore,
      };
