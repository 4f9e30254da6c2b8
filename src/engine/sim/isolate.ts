/**
 * An isolated run of one container: a private pod system (its own ports,
 * volumes and PID namespace) with the pod's running peers replayed before it,
 * read forward in simulated time. The behaviour seam (`behaviour.ts`), the
 * probes (`probes/answer.ts`) and the hooks (`probes/hooks.ts`) all read
 * containers through it. Pure and deterministic; systems are memoized on
 * their whole input (a bounded cache that never changes an answer).
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import {
  advance,
  createPodSystem,
  nextWakeMs,
  startContainer,
  startExec,
  startSandbox,
  takeOccurrences,
} from '../behaviour/index.ts';
import type {
  BehaviourCtx,
  ClusterLookup,
  Occurrence,
  PodSystem,
  ServiceInfo,
  VolumeOp,
} from '../behaviour/index.ts';
import type { BehaviourContext } from './behaviour.ts';
import { hashString } from './rng.ts';

/** The stop signal's effect (and a preStop without a time) is read this far into the run. */
export const STOP_PROBE_MS = 5000;

export function lookupFor(
  ctx: BehaviourContext,
  sysRef: { sys?: PodSystem; startMs: number },
): ClusterLookup | undefined {
  if (!ctx.services) return undefined;
  const ns = ctx.namespace ?? 'default';
  type Svc = NonNullable<BehaviourContext['services']>[number];
  const info = (s: Svc): ServiceInfo => {
    const h = hashString(`${ns}/${s.name}`);
    return {
      name: s.name,
      namespace: ns,
      clusterIP: s.clusterIP ?? `10.96.${(h >>> 8) % 250}.${(h % 250) + 2}`,
      ports: s.ports?.length ? s.ports : [{ port: s.port ?? 80 }],
    };
  };
  const live = () => {
    const t = (sysRef.sys?.nowMs ?? 0) - sysRef.startMs;
    return (ctx.services ?? []).filter((s) => Math.max(0, s.sinceMs ?? 0) <= t);
  };
  return {
    service: (name, namespace) => {
      const s = namespace === ns ? live().find((x) => x.name === name) : undefined;
      return s ? info(s) : undefined;
    },
    services: (namespace) => (namespace === ns ? live().map(info) : []),
  };
}

export interface Isolated {
  sys: PodSystem;
  ref: { sys?: PodSystem; startMs: number };
  cluster?: ClusterLookup;
  name: string;
  /** When the container started in `sys` (after its running peers' histories). */
  offset: number;
  start: ReturnType<typeof startContainer>;
  exit?: Extract<Occurrence, { kind: 'container-exit' }>;
  /** Peers that start after the container (the view's reading), by absolute time. */
  later?: Array<{ name: string; atMs: number }>;
  /** Earlier instances' volume writes still to apply, by absolute time. */
  ext?: VolumeOp[];
  /** Called after every step of the run (the memory reading). */
  sample?: () => void;
  /** An exec preStop hook still to run inside the container, by absolute time. */
  preStop?: { atMs: number; argv: string[] };
}

/** A write of an earlier instance, applied to the private system's volumes as it was. */
function applyOp(sys: PodSystem, op: VolumeOp): void {
  const vol = sys.volumes[op.volume];
  if (!vol) return;
  if (op.content === null) delete vol.files[op.path];
  else vol.files[op.path] = { content: op.content, mtimeMs: op.atMs, writer: op.writer };
}

/** A peer's history is replayed at most this far back. */
const PEER_HISTORY_MS = 600_000;

/**
 * A private pod system for `c`: the pod's volumes and namespaces settings,
 * and the pod's containers already running (`ctx.peers`) started at their
 * own times before it — so ports they hold, files they wrote and processes
 * they run are there when `c` starts.
 */
export function isolate(c: Container, ctx: BehaviourContext, withPostStart = true): Isolated {
  const ref: Isolated['ref'] = { startMs: 0 };
  const cluster = lookupFor(ctx, ref);
  const all0 = (ctx.peers ?? [])
    .filter((p) => p.container.name !== c.name)
    .map((p) => ({ container: p.container, sinceMs: Math.max(p.sinceMs, -PEER_HISTORY_MS) }))
    .sort((a, b) => a.sinceMs - b.sinceMs);
  const peers = all0.filter((p) => p.sinceMs <= 0);
  const later = all0.filter((p) => p.sinceMs > 0);
  const offset = peers.length ? -peers[0]!.sinceMs : 0;
  ref.startMs = offset;
  const all = [...peers.map((p) => p.container), c, ...later.map((p) => p.container)];
  const mounted = all
    .flatMap((x) => (x.volumeMounts ?? []).map((m) => m.name))
    .filter((n, i, names) => names.indexOf(n) === i);
  const declared = ctx.podSpec?.volumes ?? [];
  const volumes = [
    ...declared.filter((v) => mounted.includes(v.name)),
    ...mounted
      .filter((n) => !declared.some((v) => v.name === n))
      .map((name) => ({ name, emptyDir: {} })),
  ];
  const spec: Partial<PodSpec> = ctx.podSpec ?? {};
  const pod = {
    metadata: { name: ctx.podName, namespace: ctx.namespace ?? 'default' },
    spec: {
      containers: all,
      volumes,
      hostname: spec.hostname,
      subdomain: spec.subdomain,
      shareProcessNamespace: spec.shareProcessNamespace,
      hostNetwork: spec.hostNetwork,
      automountServiceAccountToken: spec.automountServiceAccountToken,
      enableServiceLinks: spec.enableServiceLinks,
    },
  };
  const bctx: BehaviourCtx = { nowMs: 0, cluster };
  const sys = createPodSystem(pod, { podIP: ctx.podIp ?? '10.244.0.5' }, bctx);
  ref.sys = sys;
  startSandbox(sys, 0, ctx.podIp ?? '10.244.0.5', bctx);
  // Volume data is the pod's: what earlier instances wrote is there (before the
  // first replayed peer started: at once; later: at the instant it was written).
  const ext = (ctx.volumeLog ?? []).map((op) => ({ ...op, atMs: offset + op.atMs }));
  while (ext.length && ext[0]!.atMs <= 0) applyOp(sys, ext.shift()!);
  sys.fileLog = [];
  const iso: Isolated = {
    sys,
    ref,
    cluster,
    name: c.name,
    offset,
    start: { ok: true, instance: 0, argv: [], note: '', assumedImage: false },
    ext,
  };
  for (const p of peers) {
    runTo(iso, offset + p.sinceMs);
    startContainer(sys, p.container.name, { nowMs: sys.nowMs, cluster });
  }
  runTo(iso, offset);
  takeOccurrences(sys);
  iso.start = startContainer(sys, c.name, { nowMs: offset, cluster });
  // Its exec postStart hook runs inside it from its start: what the hook does
  // (a file it writes, a process it starts) is there for the program, the
  // probes and the view alike. (`hook()` runs it itself, to time it.)
  const post = c.lifecycle?.postStart?.exec?.command;
  if (withPostStart && post && iso.start.ok)
    startExec(sys, c.name, post, { nowMs: offset, cluster });
  const pre = c.lifecycle?.preStop?.exec?.command;
  if (pre && ctx.preStopAtMs !== undefined)
    iso.preStop = { atMs: offset + Math.max(0, ctx.preStopAtMs), argv: pre };
  collect(iso, takeOccurrences(sys));
  iso.later = later.map((p) => ({ name: p.container.name, atMs: offset + p.sinceMs }));
  return iso;
}

export function collect(iso: Isolated, occ: Occurrence[]): void {
  for (const o of occ)
    if (o.kind === 'container-exit' && o.container === iso.name && !iso.exit) iso.exit = o;
}

/**
 * A loop that never sleeps is read for this much simulated time after it
 * turns CPU-bound (the interpreter's busy-loop notice); from then on the
 * container is taken as running, busy, as it was — a real one spins until
 * stopped. This bounds every reading (program, hook, probe, view) whatever
 * the shell program.
 */
export const BUSY_READ_MS = 10_000;

/** When the isolated system stops being read because a process spins, if it does. */
export function busyCapMs(sys: PodSystem): number | undefined {
  const n = sys.notices.find((x) => x.code === 'busy-loop');
  return n ? n.atMs + BUSY_READ_MS : undefined;
}

/** Runs the isolated system to `untilMs` (or until its container exits / `stop()` says so). */
export function runTo(iso: Isolated, untilMs0: number, stop?: () => boolean): void {
  let untilMs = untilMs0;
  for (let guard = 0; guard < 1_000_000 && !iso.exit && !stop?.(); guard++) {
    const cap = busyCapMs(iso.sys);
    if (cap !== undefined && cap < untilMs) untilMs = Math.max(cap, iso.sys.nowMs);
    const wake = nextWakeMs(iso.sys);
    const peer = iso.later?.[0];
    const op = iso.ext?.[0];
    const next = peer && (wake === null || peer.atMs <= wake) ? peer.atMs : wake;
    const pre = iso.preStop;
    if (pre && (next === null || pre.atMs <= next) && (!op || pre.atMs <= op.atMs)) {
      if (pre.atMs > untilMs) break;
      collect(iso, advance(iso.sys, pre.atMs, { nowMs: pre.atMs, cluster: iso.cluster }));
      iso.preStop = undefined;
      startExec(iso.sys, iso.name, pre.argv, { nowMs: pre.atMs, cluster: iso.cluster });
      collect(iso, takeOccurrences(iso.sys));
      continue;
    }
    if (op && (next === null || op.atMs < next)) {
      if (op.atMs > untilMs) break;
      collect(iso, advance(iso.sys, op.atMs, { nowMs: op.atMs, cluster: iso.cluster }));
      applyOp(iso.sys, iso.ext!.shift()!);
      continue;
    }
    if (next === null || next > untilMs) break;
    collect(iso, advance(iso.sys, next, { nowMs: next, cluster: iso.cluster }));
    iso.sample?.();
    if (peer && peer.atMs === next) {
      iso.later!.shift();
      startContainer(iso.sys, peer.name, { nowMs: next, cluster: iso.cluster });
      collect(iso, takeOccurrences(iso.sys));
    }
  }
  const cap = busyCapMs(iso.sys);
  if (cap !== undefined && cap < untilMs) untilMs = Math.max(cap, iso.sys.nowMs);
  if (!iso.exit && !stop?.() && iso.sys.nowMs < untilMs) {
    collect(iso, advance(iso.sys, untilMs, { nowMs: untilMs, cluster: iso.cluster }));
  }
}

export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

// ---------------------------------------------------------------------------
// Memoization (answers depend only on their inputs)
// ---------------------------------------------------------------------------

const MAX_CACHE = 256;
/** Whole pod systems kept for `probe`/`inside` (each may hold thousands of log lines). */
const MAX_SYSTEMS = 24;
export const probeSystems = new Map<string, Isolated>();

export function keyOf(c: Container, ctx: BehaviourContext): string {
  // A Service that existed before the start is the same input whenever it appeared.
  const services =
    ctx.services?.map((s) => [
      s.name,
      Math.max(0, s.sinceMs ?? 0),
      s.port ?? 80,
      s.clusterIP ?? '',
      s.ports ?? null,
    ]) ?? null;
  const peers = ctx.peers?.map((p) => [p.container, Math.max(p.sinceMs, -PEER_HISTORY_MS)]) ?? null;
  return JSON.stringify([
    c,
    ctx.podName,
    ctx.podIp ?? '',
    ctx.namespace ?? '',
    services,
    peers,
    ctx.podSpec ?? null,
    ctx.volumeLog ?? null,
    ctx.preStopAtMs ?? null,
  ]);
}

export function remember<V>(m: Map<string, V>, k: string, v: V): V {
  if (m.size >= (m === (probeSystems as Map<string, unknown>) ? MAX_SYSTEMS : MAX_CACHE)) m.clear();
  m.set(k, v);
  return v;
}

/** The container's isolated system at `elapsedMs` (continued from the last call when possible). */
export function systemAt(c: Container, ctx: BehaviourContext, elapsedMs: number): Isolated {
  const key = keyOf(c, ctx);
  let iso = probeSystems.get(key);
  if (!iso || iso.sys.nowMs > iso.offset + elapsedMs) {
    iso = remember(probeSystems, key, isolate(c, ctx));
  }
  runTo(iso, iso.offset + elapsedMs);
  return iso;
}
