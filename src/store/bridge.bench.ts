/**
 * Main-thread cost per frame of the bridge: a frame arrives (structured clone, as
 * postMessage does), is merged and written into the store with a subscriber
 * attached. `npm run bench` prints the figure.
 */
import { bench, describe } from 'vitest';
import type { SimClient } from '../worker/client.ts';
import { defaultEngine } from '../worker/defaultEngine.ts';
import type { Frame, HostMessage } from '../worker/protocol.ts';
import { Session } from '../worker/session.ts';
import { crashLoopRun } from '../worker/testing/runs.ts';
import { createPodscopeStore } from './createPodscopeStore.ts';

const session = new Session(defaultEngine, crashLoopRun);
const stream: Frame[] = [];
for (let i = 0; i < 600; i++) {
  session.advanceTo(session.nowMs + 1_600);
  stream.push(session.frame({ playing: true, speed: 100 }));
}

let deliver: (m: HostMessage) => void = () => {};
const client: SimClient = {
  transport: 'in-thread',
  send: () => {},
  onMessage: (l) => {
    deliver = l;
    return () => {};
  },
  dispose: () => {},
};
const store = createPodscopeStore(client, crashLoopRun, { schedule: (fn) => fn() });
let renders = 0;
store.subscribe((s, prev) => {
  if (s.frame?.nowMs !== prev.frame?.nowMs) renders++;
});

let k = 0;
const oneFrame = () => {
  const frame = stream[k++ % stream.length]!;
  deliver(structuredClone({ type: 'frame', frame }));
};

type CpuUsage = { user: number; system: number };
const proc = (globalThis as { process?: { cpuUsage(prev?: CpuUsage): CpuUsage } }).process;
const rounds = 3_000;
const walls: number[] = [];
const c0 = proc?.cpuUsage();
for (let i = 0; i < rounds; i++) {
  const t0 = performance.now();
  oneFrame();
  walls.push(performance.now() - t0);
}
const cpu = proc?.cpuUsage(c0);
walls.sort((a, b) => a - b);
const medianUs = walls[Math.floor(rounds / 2)]! * 1000;
const cpuUs = cpu ? (cpu.user + cpu.system) / rounds : NaN;
console.log(
  `\nbridge: main-thread cost per frame (clone + merge + setState, 100× crash loop): ${medianUs.toFixed(0)} µs median wall, ${cpuUs.toFixed(0)} µs CPU (${renders} store updates)\n`,
);

describe('bridge', () => {
  bench('one 100× frame into the store', oneFrame);
});
