/**
 * The engine fuzzer. `npm test` runs a reduced count; `npm run fuzz` runs
 * FUZZ_RUNS (≥ 10,000) and prints the count, the failures and the time.
 * Reproduce a failure with FUZZ_SEED=<seed> FUZZ_PATH=<path>.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkCase, scenario } from './fuzz.ts';

const env =
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
/** The host's console (the engine's lib has none). */
const log = (line: string) =>
  (globalThis as { console?: { log(s: string): void } }).console?.log(line);
const RUNS = Number(env.FUZZ_RUNS ?? 250);
const SEED = env.FUZZ_SEED !== undefined ? Number(env.FUZZ_SEED) : 22_2026;
const PATH = env.FUZZ_PATH;

describe('engine fuzzer', () => {
  it(`${RUNS} random pods × action schedules: no throw, no hang, invariants, determinism`, () => {
    let runs = 0;
    log(`fuzz: seed ${SEED}${PATH ? ` path ${PATH}` : ''}, ${RUNS} runs`);
    const out = fc.check(
      fc.property(scenario, (c) => {
        runs++;
        checkCase(c);
      }),
      {
        numRuns: RUNS,
        seed: SEED,
        ...(PATH ? { path: PATH } : {}),
        endOnFailure: env.FUZZ_SHRINK === '0',
      },
    );
    log(`fuzz: ${runs} runs, ${out.failed ? 1 : 0} failures (seed ${SEED})`);
    if (out.failed) {
      throw new Error(
        `fuzz failed (seed ${out.seed}, path ${out.counterexamplePath}): ${(out.errorInstance as Error)?.stack ?? String(out.errorInstance)}\n${JSON.stringify(out.counterexample)}`,
      );
    }
  }, 3_600_000);
});
