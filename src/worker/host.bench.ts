/**
 * Time-machine figures (`npm run bench`): seek latency to t = 1 h, frames
 * delivered per second at 100×, and the main-thread cost of a frame (clone +
 * merge; the store's setState is measured in src/store/bridge.bench.ts).
 * The figures are also printed as a table.
 */
import { bench, describe } from 'vitest';
import { defaultEngine, engineName } from './defaultEngine.ts';
import { createHost } from './host.ts';
import { emptyView, mergeFrame, type SimView } from './merge.ts';
import { wrap, type Envelope, type Frame, type HostMessage } from './protocol.ts';
import { Session } from './session.ts';
import { crashLoopRun } from './testing/runs.ts';

const HOUR = 3_600_000;

type CpuUsage = { user: number; system: number };
const proc = (globalThis as { process?: { cpuUsage(prev?: CpuUsage): CpuUsage } }).process;

/**
 * Runs `setup` (untimed) then `fn` (timed) `rounds` times: the median wall time and
 * the mean CPU time of `fn`, in ms. CPU time is what the host itself spends; wall
 * time also counts waiting for a busy machine.
 */
function measure(fn: () => void, rounds: number, setup?: () => void) {
  const walls: number[] = [];
  let cpuUs = 0;
  for (let i = 0; i < rounds; i++) {
    setup?.();
    const c0 = proc?.cpuUsage();
    const t0 = performance.now();
    fn();
    walls.push(performance.now() - t0);
    const c = proc?.cpuUsage(c0);
    if (c) cpuUs += c.user + c.system;
  }
  walls.sort((a, b) => a - b);
  return { wallMs: walls[Math.floor(walls.length / 2)]!, cpuMs: cpuUs / rounds / 1000 };
}

const fmt = (m: { wallMs: number; cpuMs: number }, unit: 'ms' | 'µs' = 'ms') => {
  const k = unit === 'µs' ? 1000 : 1;
  const d = unit === 'µs' ? 0 : 2;
  return `${(m.wallMs * k).toFixed(d)} ${unit} median wall, ${(m.cpuMs * k).toFixed(d)} ${unit} CPU`;
};

/** Frames a 100× run produces at 60 Hz, as a page would receive them. */
function framesAt100x(count: number): Frame[] {
  const s = new Session(defaultEngine, crashLoopRun);
  const out: Frame[] = [];
  for (let i = 0; i < count; i++) {
    s.advanceTo(s.nowMs + 1_600);
    out.push(structuredClone(s.frame({ playing: true, speed: 100 })));
  }
  return out;
}

/** Plays at 100× for `wallMs` of real time in a host and counts the frames that arrive. */
async function deliveredPerSecond(wallMs: number): Promise<{ fps: number; simMsPerS: number }> {
  const channel = new MessageChannel();
  let frames = 0;
  let last: Frame | undefined;
  channel.port2.onmessage = (e: MessageEvent<Envelope<HostMessage>>) => {
    if (e.data.msg.type === 'frame') {
      frames++;
      last = e.data.msg.frame;
    }
  };
  const host = createHost(
    {
      post: (m) => channel.port1.postMessage(m),
      wallNow: () => performance.now(),
      every: (ms, tick) => {
        const id = setInterval(tick, ms);
        return () => clearInterval(id);
      },
    },
    { engine: defaultEngine },
  );
  host.receive(wrap({ type: 'load', run: crashLoopRun, speed: 100 }));
  await new Promise((r) => setTimeout(r, 20));
  frames = 0;
  const t0 = performance.now();
  const from = last?.nowMs ?? 0;
  host.receive(wrap({ type: 'play' }));
  await new Promise((r) => setTimeout(r, wallMs));
  host.dispose();
  await new Promise((r) => setTimeout(r, 20));
  const s = (performance.now() - t0) / 1000;
  channel.port1.close();
  channel.port2.close();
  return { fps: frames / s, simMsPerS: ((last?.nowMs ?? 0) - from) / s };
}

// --- the printed figures -------------------------------------------------
const warm = new Session(defaultEngine, crashLoopRun);
warm.advanceTo(2 * HOUR);
const checkpoints = warm.tm.checkpointCount;
const checkpointMiB = warm.tm.checkpointBytes / 1024 / 1024;
const seekBack = measure(
  () => {
    warm.seek(HOUR);
    warm.frame({ playing: false, speed: 1 });
  },
  100,
  () => warm.seek(HOUR + 1_000),
);
const coldSeek = measure(() => {
  const s = new Session(defaultEngine, crashLoopRun);
  s.seek(HOUR);
  s.frame({ playing: false, speed: 1 });
}, 3);
const tick = measure(() => {
  warm.advanceTo(warm.nowMs + 1_600);
  warm.frame({ playing: true, speed: 100 });
}, 600);
const stream = framesAt100x(600);
let view: SimView = emptyView();
let k = 0;
const merge = measure(() => {
  const f = structuredClone(stream[k++ % stream.length]!);
  view = mergeFrame(k % stream.length === 1 ? emptyView() : view, f);
}, 3_000);
const bytes = stream.reduce((n, f) => n + JSON.stringify(f).length, 0) / stream.length;
const live = await deliveredPerSecond(2_000);

console.log(
  [
    '',
    `engine: ${engineName}; pod: 10 containers crash-looping`,
    `seek back to t = 1 h (from 1:00:01, after a run to 2 h): ${fmt(seekBack)}`,
    `checkpoints at 2 h: ${checkpoints} holding ~${checkpointMiB.toFixed(1)} MiB`,
    `cold seek 0 → 1 h (after load, no checkpoints yet): ${fmt(coldSeek)}`,
    `frames delivered at 100× (real time, 2 s): ${live.fps.toFixed(1)} /s, ${(live.simMsPerS / 1000).toFixed(0)} simulated s per s`,
    `host cost of one 100× frame (1.6 s simulated + frame): ${fmt(tick)} → capacity ~${Math.floor(1000 / Math.max(tick.cpuMs, 0.001))} frames/s`,
    `main-thread cost per frame (clone + merge): ${fmt(merge, 'µs')}; mean frame ${(bytes / 1024).toFixed(1)} KiB as JSON`,
    '',
  ].join('\n'),
);

// --- tinybench entries ----------------------------------------------------
describe('time machine', () => {
  bench('forward to 1:00:01, then back to 1:00:00 + frame', () => {
    warm.seek(HOUR + 1_000);
    warm.seek(HOUR);
    warm.frame({ playing: false, speed: 1 });
  });
  bench(
    'cold seek 0 → 1 h after load',
    () => {
      new Session(defaultEngine, crashLoopRun).seek(HOUR);
    },
    { iterations: 5, time: 0 },
  );
  bench('one 100× tick (1.6 s simulated) + frame', () => {
    warm.advanceTo(warm.nowMs + 1_600);
    warm.frame({ playing: true, speed: 100 });
  });
});

describe('main thread', () => {
  bench('clone + merge one 100× frame', () => {
    const f = structuredClone(stream[k++ % stream.length]!);
    view = mergeFrame(k % stream.length === 1 ? emptyView() : view, f);
  });
});
