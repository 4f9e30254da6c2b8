// `npm run fuzz`: the engine fuzzer at full count (FUZZ_RUNS, default 10,000), with its wall time.
import { spawnSync } from 'node:child_process';

const runs = process.env.FUZZ_RUNS ?? '10000';
const t0 = Date.now();
const r = spawnSync('npx', ['vitest', 'run', 'src/engine/fuzz'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs },
});
console.log(`fuzz: wall time ${((Date.now() - t0) / 1000).toFixed(1)} s for ${runs} runs`);
process.exit(r.status ?? 1);
