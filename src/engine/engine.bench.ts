/**
 * How fast the engine simulates. Each iteration simulates ONE HOUR of a pod
 * whose ten containers crash-loop (each exits 1 a few seconds after it
 * starts), so the reported hz is simulated hours per wall-clock second.
 * Run with `npm run bench` (vitest bench --run).
 */
import { bench, describe } from 'vitest';
import { createSimulation, restoreSimulation } from './index.ts';
import type { Simulation } from './index.ts';

const containers = Array.from(
  { length: 10 },
  (_, i) =>
    `  - name: c${i}\n    image: busybox:1.36\n    command: ['sh', '-c', 'echo start; sleep ${i + 1}; exit 1']`,
).join('\n');
const manifest = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: crashloop\nspec:\n  containers:\n${containers}\n`;

const HOUR_MS = 3_600_000;

describe('engine', () => {
  let sim: Simulation = createSimulation({ manifest, seed: 1 });
  bench(
    'simulated hours per second — crash-looping 10-container pod (1 h per iteration)',
    () => {
      sim.advance(HOUR_MS);
    },
    {
      time: 2000,
      setup: () => {
        sim = createSimulation({ manifest, seed: 1 });
      },
    },
  );

  const warm: Simulation = createSimulation({ manifest, seed: 2 });
  warm.advance(HOUR_MS);
  const checkpoint = warm.snapshot();
  bench('snapshot of that pod after 1 h', () => {
    warm.snapshot();
  });
  bench('restore from that snapshot', () => {
    restoreSimulation(checkpoint);
  });
});
