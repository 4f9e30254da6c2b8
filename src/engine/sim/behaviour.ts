/**
 * The container-behaviour seam: what a container's process does, given its
 * image, command and args. The sync loop only asks these questions:
 *
 *  - `image(ref)`        what the registry knows of an image (size, does it exist);
 *  - `program(c, ctx)`   what the process prints, whether and when it exits,
 *                        and what it does on the stop signal;
 *  - `hook(h, ctx)`      how long a postStart/preStop handler takes and whether it fails;
 *  - `probe(p, ctx)`     the outcome of one probe attempt.
 *
 * The answers come from the behaviour layer (`../behaviour`): the image
 * catalogue, the `sh` interpreter, processes and signals. Each container is
 * run in a private, isolated pod system (its own ports, volumes and PID
 * namespace) and the run is summarized as a `ContainerProgram`:
 *
 *  - logs: what it printed in its first hour (at most 2,000 lines);
 *  - exit: when and with which code it ends by itself;
 *  - onStop: what the stop signal (image STOPSIGNAL / lifecycle.stopSignal)
 *    does to it, measured 5 s into the run — a handler's exit, the default
 *    action (128+n), or "ignored" for PID 1 without a handler.
 *
 * Optional context the sync loop may pass for a closer reading:
 * `services` (Services and when they appeared, relative to the container's
 * start — `until nslookup …` loops end when theirs exists), `container` for
 * hooks (run inside that container), `elapsedMs` for probes (exec, TCP and
 * HTTP probes are then answered by the container's state at that instant).
 *
 * Everything here is pure and deterministic; results are memoized on their
 * whole input (a bounded cache that never changes an answer).
 */
import type { Container, LifecycleHandler, PodSpec, Probe } from 'kubernetes-types/core/v1';
import { readFile, resolveImage, runtimeView, signalContainer } from '../behaviour/index.ts';
import type { PodSystem, VolumeOp } from '../behaviour/index.ts';
import { memoryLimit, oomAt, processMemory } from '../behaviour/memory.ts';
import type { MemoryCurve } from '../behaviour/memory.ts';
import { lookupService } from '../cluster/controller.ts';
import {
  BUSY_READ_MS,
  STOP_PROBE_MS,
  busyCapMs,
  clone,
  collect,
  isolate,
  keyOf,
  lookupFor,
  remember,
  runTo,
  systemAt,
} from './isolate.ts';
import type { Isolated } from './isolate.ts';
import { probe } from './probes/answer.ts';
import { hook } from './probes/hooks.ts';
import type { SimState } from './state.ts';

export { BUSY_READ_MS };

export interface ImageInfo {
  /** The registry has this image (a pull succeeds unless a fault says otherwise). */
  exists: boolean;
  /** Compressed size in bytes, as the Pulled event reports it. */
  sizeBytes: number;
  /** A well-known image whose behaviour Podscope models (false = assumed). */
  known: boolean;
}

/** One line a program prints, `atMs` after the process started. */
export interface LogLine {
  atMs: number;
  line: string;
}

export type StopReaction =
  /** The process exits by itself `afterMs` after the signal (a handler, or the default action). */
  | { kind: 'exit'; afterMs: number; code: number }
  /** PID 1 without a handler: the signal is ignored, SIGKILL at the end of the grace period. */
  | { kind: 'ignore' };

export interface ContainerProgram {
  /** Lines printed once, relative to the process start. */
  logs: LogLine[];
  /** Lines printed every `periodMs` from `startMs` on, while the process runs (a loop). */
  repeat?: { startMs: number; periodMs: number; lines: string[] };
  /** The process exits by itself (or the kernel OOM-kills it); absent = it runs until stopped. */
  exit?: { afterMs: number; code: number; reason?: 'OOMKilled' };
  /** What the stop signal (SIGTERM unless the image says otherwise) does. */
  onStop: StopReaction;
  /** A short human note on how Podscope read the container (shown by the view). */
  note: string;
  /** What Podscope could not simulate exactly, and what it did instead. */
  notices?: string[];
  /** The program looked a Service up: a Service appearing may change what it does. */
  asksServices?: boolean;
  /**
   * The runtime could not start the process (CRI StartContainer failed): the
   * gRPC message, e.g. runc's `exec: "slepp": executable file not found in $PATH`.
   */
  startError?: string;
  /**
   * What it wrote to the pod's volumes (`atMs` relative to its start, at most
   * `MAX_WRITES`): the simulation keeps them as pod state once it has run.
   */
  writes?: VolumeOp[];
  /** The file at `terminationMessagePath` as the run left it ('' or absent = none). */
  terminationMessage?: string;
}

export interface BehaviourContext {
  podName: string;
  /** The pod's spec: volumes, shareProcessNamespace, hostname… */
  podSpec?: PodSpec;
  /** The pod's containers running when this one starts; `sinceMs` ≤ 0, relative to its start. */
  peers?: Array<{ container: Container; sinceMs: number }>;
  podIp?: string;
  namespace?: string;
  /** Services of the namespace; `sinceMs` relative to the container's start (absent = before). */
  services?: Array<{
    name: string;
    sinceMs?: number;
    port?: number;
    /** The Service's address and ports as the cluster allocated them (else made up from its name). */
    clusterIP?: string;
    ports?: Array<{ port: number; targetPort?: number | string; name?: string }>;
  }>;
  /** The container a hook runs in. */
  container?: Container;
  /** Time since the container started (probes, preStop). */
  elapsedMs?: number;
  /** Its exec preStop hook began this long after its start (probes during termination). */
  preStopAtMs?: number;
  /**
   * The pod's volume data as earlier container instances left it: their writes,
   * `atMs` relative to this start (≤ 0), oldest first (see `sim/volumeData.ts`).
   */
  volumeLog?: VolumeOp[];
}

export interface HookOutcome {
  durationMs: number;
  ok: boolean;
  /** The handler kind (a `sleep` hook is not cut short when its container dies). */
  kind?: 'exec' | 'httpGet' | 'sleep';
  /**
   * Why it failed, as the handler runner's error reads (`command '…' exited
   * with 3: <stderr>`, a CRI exec error, Go's url.Error for httpGet).
   */
  error?: string;
  /** An exec hook's output (stdout, then stderr), as `message: %q` quotes it. */
  output?: string;
}

export interface ProbeOutcome {
  ok: boolean;
  /** The probe's output on failure (the text after `… probe failed: `). */
  output: string;
  /**
   * The probe itself errored (e.g. the CRI could not start the exec): the
   * kubelet records `… probe errored and resulted in <state> state: <output>`
   * and throws the result away (neither a failure nor a success is counted).
   */
  errored?: 'unknown' | 'failure';
  /** A success with a warning (an HTTP redirect it did not follow): a `ProbeWarning` event. */
  warning?: boolean;
}

/** What a running container has inside, as its own run shows it (see `inside`). */
export interface ContainerInside {
  /** Its processes as its PID namespace lists them (PID 1 first). */
  processes: Array<{
    pid: number;
    ppid: number;
    command: string;
    state: 'running' | 'sleeping' | 'zombie';
  }>;
  /** Ports it listens on (in the pod's shared port space). */
  listening: number[];
  /** Files it wrote: `layer` = its writable layer (lost on restart), else the volume's name. */
  files: Array<{ path: string; size: number; preview: string; where: string }>;
  /** Connections it opened or accepted inside the pod (`afterStartMs` = ms after its start). */
  connections: Array<{
    afterStartMs: number;
    from: string;
    to: string | null;
    port: number;
    via: 'localhost' | 'pod-ip' | 'service';
    ok: boolean;
    summary: string;
  }>;
  /** What Podscope could not simulate exactly, and what it did instead. */
  notices: string[];
}

export interface ContainerBehaviour {
  image(ref: string): ImageInfo;
  /** The container `elapsedMs` after its start, read from its own run (optional). */
  inside?(c: Container, ctx: BehaviourContext & { elapsedMs: number }): ContainerInside;
  program(c: Container, ctx: BehaviourContext): ContainerProgram;
  hook(
    handler: LifecycleHandler,
    which: 'postStart' | 'preStop',
    ctx: BehaviourContext,
  ): HookOutcome;
  probe(
    probe: Probe,
    kind: 'liveness' | 'readiness' | 'startup',
    ctx: BehaviourContext & { container: Container; faulted: boolean },
  ): ProbeOutcome;
}

/**
 * The cluster's Services as the seam takes them: when each appeared relative
 * to `startMs` (a container's start) and the address the cluster gave it.
 */
export function servicesFor(
  st: SimState,
  startMs: number,
  namespace = 'default',
): NonNullable<BehaviourContext['services']> {
  return Object.entries(st.services).map(([name, sv]) => {
    const svc = lookupService(st, name, namespace);
    return {
      name,
      sinceMs: sv.createdAtMs - startMs,
      ...(svc ? { clusterIP: svc.clusterIP, ports: svc.ports } : {}),
    };
  });
}

// ---------------------------------------------------------------------------
// Images
// ---------------------------------------------------------------------------

/** Repository base name (`docker.io/library/nginx:1.27` → `nginx`). */
export function imageBaseName(ref: string): string {
  const noDigest = ref.split('@')[0]!;
  const last = noDigest.split('/').pop()!;
  return last.split(':')[0]!.toLowerCase();
}

function imageInfo(ref: string): ImageInfo {
  const img = resolveImage(ref);
  return { exists: img.exists, sizeBytes: img.sizeBytes, known: !img.assumed };
}

// ---------------------------------------------------------------------------
// program
// ---------------------------------------------------------------------------

/** How long a program is read ahead, and how many lines are kept. */
const HORIZON_MS = 3_600_000;
const MAX_LINES = 2000;
/** Volume writes kept per program (a loop appending every second keeps its first ones). */
const MAX_WRITES = 400;
/** A stop signal not acted on within this time counts as ignored. */
const STOP_WAIT_MS = 600_000;

const programs = new Map<string, ContainerProgram>();

function program(c: Container, ctx: BehaviourContext): ContainerProgram {
  const key = keyOf(c, ctx);
  const known = programs.get(key);
  if (known) return known;
  const iso = isolate(c, ctx);
  if (!iso.start.ok) {
    return remember(programs, key, {
      logs: [],
      exit: { afterMs: 0, code: iso.start.exitCode || 128 },
      onStop: { kind: 'ignore' },
      note: `${iso.start.reason}: ${iso.start.message}`,
      // containerd's gRPC status for a runc failure ends with its code, `unknown`.
      ...(iso.start.reason === 'StartError' ? { startError: `${iso.start.message}: unknown` } : {}),
    });
  }
  const inst = () => iso.sys.instances.find((x) => x.name === c.name)!;
  let atStop: PodSystem | undefined;
  const o = iso.offset;
  const memory = memoryReader(iso, c);
  iso.sample = memory.sample;
  memory.sample();
  runTo(iso, o + Math.min(STOP_PROBE_MS, HORIZON_MS));
  if (!iso.exit) atStop = clone(iso.sys);
  const laterAtStop = iso.later?.slice();
  // Read far enough to see the last Service appear (a re-read after `create-service`).
  const lastEvent = Math.max(0, ...(ctx.services ?? []).map((sv) => sv.sinceMs ?? 0));
  const horizon = Math.max(HORIZON_MS, lastEvent + 60_000);
  runTo(iso, o + horizon, () => inst().logs.length >= MAX_LINES && iso.sys.nowMs >= o + lastEvent);
  iso.sample = undefined;
  const oom = memory.oomAt(iso.exit ? iso.exit.atMs : iso.sys.nowMs);

  let onStop: StopReaction = { kind: 'ignore' };
  if (atStop && oom === undefined) {
    const t0 = atStop.nowMs;
    const s: Isolated = {
      ...iso,
      sys: atStop,
      ref: { sys: atStop, startMs: o },
      exit: undefined,
      later: laterAtStop,
    };
    s.cluster = lookupFor(ctx, s.ref);
    collect(s, signalContainer(atStop, c.name, undefined, { nowMs: t0, cluster: s.cluster }));
    runTo(s, t0 + STOP_WAIT_MS);
    if (s.exit) onStop = { kind: 'exit', afterMs: s.exit.atMs - t0, code: s.exit.exitCode };
  }
  const i = inst();
  const argv = i.argv.join(' ');
  if (oom !== undefined) {
    // The kernel's OOM killer ends the container's processes (memory.oom.group): 137.
    iso.exit = {
      kind: 'container-exit',
      container: c.name,
      atMs: oom,
      exitCode: 137,
      signal: 'SIGKILL',
      reason: 'Error',
    };
  }
  const reading =
    oom !== undefined
      ? `exceeds its memory limit after ${oom - o} ms (${memory.what()}): OOM-killed, exit 137`
      : iso.exit
        ? `runs for ${iso.exit.atMs - o} ms, then exits ${iso.exit.exitCode}`
        : 'runs until stopped';
  const stopText =
    oom !== undefined
      ? 'the OOM killer ends it before any stop'
      : onStop.kind === 'ignore'
        ? `ignores ${i.stopSignal} (SIGKILL at the end of the grace period)`
        : `exits ${onStop.code} on ${i.stopSignal}`;
  // A program that ends keeps its last lines (what `kubectl logs` ends with); one that runs on, its first.
  const upTo = oom !== undefined ? i.logs.filter((l) => l.atMs <= oom) : i.logs;
  const kept = iso.exit ? upTo.slice(-MAX_LINES) : upTo.slice(0, MAX_LINES);
  let logs = kept.map((l) => ({ atMs: l.atMs - o, line: l.text }));
  const repeat = iso.exit ? undefined : periodicTail(logs);
  if (repeat) logs = logs.filter((l) => l.atMs < repeat.startMs);
  const notices = iso.sys.notices
    .filter((n) => n.container !== null && n.container === c.name)
    .map((n) => n.message);
  const msgFile = readFile(iso.sys, i, c.terminationMessagePath ?? '/dev/termination-log');
  const terminationMessage = msgFile.ok ? msgFile.content : '';
  const writes = (iso.sys.fileLog ?? [])
    .filter((w) => w.writer === c.name && w.atMs >= o && (oom === undefined || w.atMs <= oom))
    .slice(0, MAX_WRITES)
    .map((w) => ({ ...w, atMs: w.atMs - o }));
  if (!iso.exit && busyCapMs(iso.sys) !== undefined)
    notices.push(
      `assumed CPU-bound loop: read for ${BUSY_READ_MS / 1000} s of simulated time, then taken as running (busy) until stopped`,
    );
  return remember(programs, key, {
    logs,
    ...(repeat ? { repeat } : {}),
    exit: iso.exit
      ? {
          afterMs: iso.exit.atMs - o,
          code: iso.exit.exitCode,
          ...(oom !== undefined ? { reason: 'OOMKilled' as const } : {}),
        }
      : undefined,
    onStop,
    note: `${i.assumedImage ? 'unknown image, assumed to run until stopped' : i.note}; \`${argv}\` ${reading}; ${stopText}${notices.length ? ` — ${notices.join('; ')}` : ''}`,
    notices,
    asksServices: iso.sys.serviceLookups > 0,
    ...(writes.length ? { writes } : {}),
    ...(terminationMessage ? { terminationMessage } : {}),
  });
}

/**
 * Reads a container's memory use from its run: each process (by its argv,
 * which changes on exec) from the instant it was seen to the instant it was
 * gone, with `memory.ts`'s curve; `oomAt` is the first instant the total passes
 * `limits.memory` (none without a limit).
 */
function memoryReader(iso: Isolated, c: Container) {
  const limit = memoryLimit(c.resources?.limits as Record<string, unknown> | undefined);
  type Seen = { startMs: number; endMs?: number; curve: MemoryCurve };
  const open = new Map<string, Seen>();
  const all: Seen[] = [];
  const sample = () => {
    if (limit === undefined) return;
    const now = iso.sys.nowMs;
    const live = new Set<string>();
    for (const p of iso.sys.procs) {
      if (p.container !== c.name || p.state === 'zombie') continue;
      const key = `${p.id}\u0000${p.argv.join('\u0000')}`;
      live.add(key);
      if (!open.has(key)) {
        const seen = { startMs: now, curve: processMemory(p.argv, c.image ?? '') };
        open.set(key, seen);
        all.push(seen);
      }
    }
    for (const [key, seen] of open) {
      if (!live.has(key)) {
        seen.endMs = now;
        open.delete(key);
      }
    }
  };
  return {
    sample,
    oomAt: (untilMs: number) => (limit === undefined ? undefined : oomAt(all, limit, untilMs)),
    what: () =>
      all
        .map((x) => x.curve.what)
        .filter((w, k, ws) => ws.indexOf(w) === k)
        .join(', '),
  };
}

/**
 * A program still running at the end of its read-ahead whose last lines are
 * the same cycle over and over (same text, same period — a `while true` loop
 * printing a constant message) keeps printing it: the simulation's `repeat`.
 */
function periodicTail(logs: LogLine[]): ContainerProgram['repeat'] {
  const n = logs.length;
  for (let k = 1; k <= 60 && 3 * k <= n; k++) {
    const period = logs[n - 1]!.atMs - logs[n - 1 - k]!.atMs;
    if (period <= 0) continue;
    let same = true;
    for (let j = n - 3 * k; j < n - k && same; j++) {
      same = logs[j]!.line === logs[j + k]!.line && logs[j + k]!.atMs - logs[j]!.atMs === period;
    }
    if (!same) continue;
    // The first line of the periodic run: go back while the cycle holds.
    let first = n - 3 * k;
    while (
      first > 0 &&
      logs[first - 1]!.line === logs[first - 1 + k]!.line &&
      logs[first - 1 + k]!.atMs - logs[first - 1]!.atMs === period
    )
      first--;
    const cycle = logs.slice(first, first + k);
    return { startMs: cycle[0]!.atMs, periodMs: period, lines: cycle.map((l) => l.line) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// inside: processes, listeners and files of a running container
// ---------------------------------------------------------------------------

/** The view replays a container at most this far; later it shows that instant (with a notice). */
const INSIDE_REPLAY_MS = 20 * 60_000;

function inside(c: Container, ctx: BehaviourContext & { elapsedMs: number }): ContainerInside {
  const capped = ctx.elapsedMs > INSIDE_REPLAY_MS;
  const iso = systemAt(c, ctx, Math.min(Math.max(0, ctx.elapsedMs), INSIDE_REPLAY_MS));
  const view = runtimeView(iso.sys);
  const cv = view.containers.find((x) => x.name === c.name);
  if (!cv || iso.exit)
    return { processes: [], listening: [], files: [], connections: [], notices: [] };
  const files: ContainerInside['files'] = cv.layerFiles.map((f) => ({
    path: f.path,
    size: f.size,
    preview: f.preview,
    where: 'layer',
  }));
  for (const v of view.volumes) {
    const m = cv.mounts.find((x) => x.volume === v.name);
    if (!m || v.kind !== 'emptyDir') continue;
    for (const f of v.files) {
      files.push({
        path: `${m.mountPath.replace(/\/$/, '')}/${f.path}`,
        size: f.size,
        preview: f.preview,
        where: v.name,
      });
    }
  }
  return {
    processes: cv.processes.map((p) => ({
      pid: p.pid,
      ppid: p.ppid,
      command: p.command,
      state: p.state,
    })),
    listening: cv.listening.map((l) => l.port),
    files,
    connections: view.connections
      .filter((x) => (x.from === c.name || x.to === c.name) && x.atMs >= iso.offset)
      .map((x) => ({
        afterStartMs: x.atMs - iso.offset,
        from: x.from,
        to: x.to,
        port: x.port,
        via: x.via,
        ok: x.ok,
        summary: x.summary,
      })),
    notices: [
      ...view.notices.map((n) => n.message),
      ...(capped
        ? ['assumed container state after 20 minutes: shown as it was 20 minutes after the start']
        : []),
      ...(busyCapMs(iso.sys) !== undefined &&
      iso.offset + Math.min(ctx.elapsedMs, INSIDE_REPLAY_MS) > busyCapMs(iso.sys)!
        ? [
            `assumed CPU-bound loop: shown as it was ${BUSY_READ_MS / 1000} s after it began to spin (it keeps running, busy)`,
          ]
        : []),
    ],
  };
}

/**
 * A bug in the behaviour layer must not stop the simulation: the container
 * then runs until stopped, and its note says Podscope could not read it.
 */
function guarded<A extends unknown[], R>(f: (...a: A) => R, fallback: (e: unknown, ...a: A) => R) {
  return (...a: A): R => {
    try {
      return f(...a);
    } catch (e) {
      return fallback(e, ...a);
    }
  };
}

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const defaultBehaviour: ContainerBehaviour = {
  image: imageInfo,
  program: guarded(program, (e) => ({
    logs: [],
    onStop: { kind: 'exit', afterMs: 0, code: 143 },
    note: `Podscope could not read this container (${why(e)}): assumed to run until stopped`,
  })),
  hook: guarded(hook, () => ({ durationMs: 5, ok: true })),
  probe: guarded(probe, () => ({ ok: true, output: '' })),
  inside: guarded(inside, (e) => ({
    processes: [],
    listening: [],
    files: [],
    connections: [],
    notices: [why(e)],
  })),
};
