// Builds the floor app (e2e/floor: the same stack and versions, one React Flow node) into a temp
// dir in this run, then loads it and the built app (dist/) in Chromium the same way
// (e2e/size-budget.mjs): main-thread JS of the first 3 s, gzipped, and the time to the first
// container card. Prints both ratios (goals: JS ≤ 1.25×, first card ≤ 1.3× the floor's).
//   npx vite build && node e2e/floor/bench.mjs
import react from '@vitejs/plugin-react';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { measure } from '../size-budget.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'podscope-floor-'));
try {
  await build({
    root: here,
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: out, emptyOutDir: true, target: 'es2022' },
  });
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const sum = (r) => r.sizes.reduce((s, [, n]) => s + n, 0);
  // Median of three loads each for the timing; sizes do not vary.
  const runs = async (dir) => {
    const rs = [];
    for (let i = 0; i < 3; i++) rs.push(await measure(dir));
    const ms = rs.map((r) => r.cardMs).sort((a, b) => a - b)[1];
    return { js: sum(rs[0]), ms };
  };
  const floor = await runs(out);
  const app = await runs('dist');
  console.log(`floor app: ${kb(floor.js)} main-thread JS, first container card at ${floor.ms} ms`);
  console.log(`Podscope:  ${kb(app.js)} main-thread JS, first container card at ${app.ms} ms`);
  console.log(`JS ratio ${(app.js / floor.js).toFixed(2)}× (goal ≤ 1.25×)`);
  console.log(`first-card ratio ${(app.ms / floor.ms).toFixed(2)}× (goal ≤ 1.3×)`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
