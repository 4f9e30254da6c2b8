/**
 * How much memory a container's processes use over time — what the kernel's
 * memory cgroup counts against `resources.limits.memory`.
 *
 * Each process has a curve by what it runs: the catalogue's servers hold a
 * steady resident size; `stress --vm N --vm-bytes B` has N workers that each
 * allocate and touch B bytes as soon as they start (the docs' memory-demo);
 * `tail /dev/zero` reads an endless line and grows until it is stopped; a
 * shell or `sleep` stays small. (Not modelled: tmpfs files of an emptyDir with
 * `medium: Memory`, and shell variables that grow.)
 *
 * The figures are illustrative resident sizes, not measurements; what
 * matters is the comparison with the limit (the OOM kill when usage passes it).
 */
import { parseQuantity } from '../cluster/quantity.ts';
import { resolveImage } from './images.ts';

const MI = 1024 * 1024;
/** How fast a process can fault pages in (bytes per ms): 250M takes about 125 ms. */
const TOUCH_RATE = 2 * 1024 * MI * 1e-3;

/** A process's resident memory: `baseBytes` at once, then `rampBytes` more over `rampMs` (Infinity = keeps growing). */
export interface MemoryCurve {
  baseBytes: number;
  rampBytes: number;
  rampMs: number;
  /** What Podscope reads the program as (for notes and tests). */
  what: string;
}

const STEADY: Record<string, number> = {
  nginx: 6 * MI,
  httpd: 12 * MI,
  'httpd-foreground': 12 * MI,
  'redis-server': 9 * MI,
  postgres: 38 * MI,
  mysqld: 420 * MI,
  python: 18 * MI,
  python3: 18 * MI,
  pause: 0.3 * MI,
  sleep: 0.4 * MI,
};

/** Parses stress's size suffixes (`250M`, `1G`, `512k`, plain bytes). */
function stressBytes(s: string | undefined): number {
  const m = /^(\d+(?:\.\d+)?)([bBkKmMgG]?)$/.exec(s ?? '');
  if (!m) return 256 * MI;
  const mult = { '': 1, b: 1, k: 1024, m: MI, g: 1024 * MI }[m[2]!.toLowerCase()] ?? 1;
  return Math.round(Number(m[1]) * mult);
}

/** The memory curve of one process, by its argv (and the image it runs in). */
export function processMemory(argv: readonly string[], image: string): MemoryCurve {
  const name = (argv[0] ?? '').split('/').pop()!.replace(/:$/, '');
  if (name === 'stress') {
    let vm = 0;
    let bytes = 256 * MI;
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '--vm' || a === '-m') vm = Number(argv[++i]) || 0;
      else if (a.startsWith('--vm=')) vm = Number(a.slice(5)) || 0;
      else if (a === '--vm-bytes') bytes = stressBytes(argv[++i]);
      else if (a.startsWith('--vm-bytes=')) bytes = stressBytes(a.slice(11));
    }
    const total = vm * bytes;
    return {
      baseBytes: 0.5 * MI,
      rampBytes: total,
      rampMs: total / TOUCH_RATE,
      what: `stress: ${vm} vm worker(s) of ${Math.round(bytes / MI)} MiB`,
    };
  }
  if (name === 'tail' && argv.slice(1).some((a) => a === '/dev/zero')) {
    return { baseBytes: MI, rampBytes: Infinity, rampMs: Infinity, what: 'tail /dev/zero grows' };
  }
  if (name.startsWith('nginx')) return steady(STEADY.nginx!, 'nginx');
  const known = STEADY[name];
  if (known !== undefined) return steady(known, name);
  const img = resolveImage(image);
  if (img.assumed) return steady(0, 'unknown program: memory use not modelled');
  return steady(MI, name || 'shell');
}

function steady(bytes: number, what: string): MemoryCurve {
  return { baseBytes: bytes, rampBytes: 0, rampMs: 0, what };
}

function at(c: MemoryCurve, t: number): number {
  if (t < 0) return 0;
  if (c.rampBytes === 0) return c.baseBytes;
  if (c.rampMs === Infinity) return c.baseBytes + t * TOUCH_RATE;
  return c.baseBytes + c.rampBytes * Math.min(1, t / c.rampMs);
}

/**
 * The first instant (ms, absolute) the processes' total passes `limitBytes`,
 * or undefined. `procs`: each process's start and curve; `extra`: bytes
 * charged from `sinceMs` on (tmpfs files), as steps.
 */
export function oomAt(
  procs: ReadonlyArray<{ startMs: number; endMs?: number; curve: MemoryCurve }>,
  limitBytes: number,
  untilMs: number,
  extra: ReadonlyArray<{ atMs: number; bytes: number }> = [],
): number | undefined {
  const total = (t: number) =>
    procs.reduce(
      (sum, p) => sum + (p.endMs !== undefined && t >= p.endMs ? 0 : at(p.curve, t - p.startMs)),
      0,
    ) + extra.reduce((sum, e) => (e.atMs <= t ? e.bytes : sum), 0);
  const marks = new Set<number>();
  for (const p of procs) {
    marks.add(p.startMs);
    if (Number.isFinite(p.curve.rampMs)) marks.add(p.startMs + p.curve.rampMs);
    if (p.endMs !== undefined) marks.add(p.endMs);
  }
  for (const e of extra) marks.add(e.atMs);
  marks.add(untilMs);
  const times = [...marks].filter((t) => t <= untilMs).sort((a, b) => a - b);
  let prev: number | undefined;
  for (const t of times) {
    if (total(t) > limitBytes) {
      if (prev === undefined) return t;
      // Usage is linear between marks: find the crossing (1 ms resolution).
      let lo = prev;
      let hi = t;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (total(mid) > limitBytes) hi = mid;
        else lo = mid;
      }
      return hi;
    }
    prev = t;
  }
  return undefined;
}

/** `resources.limits.memory` in bytes, or undefined when there is none (or it is unreadable). */
export function memoryLimit(limits: Record<string, unknown> | undefined): number | undefined {
  const q = limits?.memory;
  if (q === undefined || q === null) return undefined;
  const v = parseQuantity(q as string | number);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}
