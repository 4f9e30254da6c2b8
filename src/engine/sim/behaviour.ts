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
 * This default is deliberately simple (a toy reading of `sleep N`, `exit N`,
 * `echo`, loops and well-known images). The container-behaviour issue
 * replaces it with an image catalogue and an `sh -c` interpreter without
 * touching the sync loop. Everything here is pure and deterministic.
 */
import type { Container, LifecycleHandler, Probe } from 'kubernetes-types/core/v1';
import { hashString } from './rng.ts';

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
  /** The process exits by itself; absent = it runs until stopped. */
  exit?: { afterMs: number; code: number };
  /** What the stop signal (SIGTERM unless the image says otherwise) does. */
  onStop: StopReaction;
  /** A short human note on how Podscope read the container (shown by the view). */
  note: string;
}

export interface BehaviourContext {
  podName: string;
  podIp?: string;
}

export interface HookOutcome {
  durationMs: number;
  ok: boolean;
}

export interface ProbeOutcome {
  ok: boolean;
  /** The probe's output on failure (the text after `… probe failed: `). */
  output: string;
}

export interface ContainerBehaviour {
  image(ref: string): ImageInfo;
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

// ---------------------------------------------------------------------------
// Images
// ---------------------------------------------------------------------------

/** Repository base name (`docker.io/library/nginx:1.27` → `nginx`). */
export function imageBaseName(ref: string): string {
  const noDigest = ref.split('@')[0]!;
  const last = noDigest.split('/').pop()!;
  return last.split(':')[0]!.toLowerCase();
}

const SIZES: Record<string, number> = {
  pause: 320_000,
  nginx: 72_223_946,
  httpd: 58_123_512,
  redis: 45_716_022,
  postgres: 153_480_114,
  mysql: 171_309_402,
  busybox: 2_156_518,
  alpine: 3_623_844,
  ubuntu: 29_754_290,
  debian: 48_490_781,
  python: 412_874_106,
  node: 389_402_116,
  curlimages: 11_322_004,
  curl: 11_322_004,
};

const SHELL_IMAGES = new Set(['busybox', 'alpine', 'ubuntu', 'debian', 'centos', 'fedora']);
const SERVER_IMAGES = new Set([
  'nginx',
  'httpd',
  'redis',
  'postgres',
  'mysql',
  'mongo',
  'memcached',
]);

function imageInfo(ref: string): ImageInfo {
  const base = imageBaseName(ref);
  const known = base in SIZES || SHELL_IMAGES.has(base) || SERVER_IMAGES.has(base);
  const sizeBytes = SIZES[base] ?? 20_000_000 + (hashString(ref) % 180_000_000);
  return { exists: true, sizeBytes, known };
}

// ---------------------------------------------------------------------------
// Commands (a toy reading; the behaviour issue brings a real interpreter)
// ---------------------------------------------------------------------------

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

function basename(p: string): string {
  return p.split('/').pop() ?? p;
}

function unquote(s: string): string {
  const t = s.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")))
    return t.slice(1, -1);
  return t;
}

/** Seconds of `sleep ARG` (`10`, `1.5`, `2m`, `infinity`), or undefined when unreadable. */
function sleepMs(arg: string | undefined): number | undefined {
  if (arg === undefined) return undefined;
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const mult = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]!]!;
  return Math.round(Number(m[1]) * mult);
}

/** Splits a script into simple statements on `;`, `&&`, `||` and newlines (quotes respected). */
function statements(script: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (quote) {
      if (ch === quote) quote = '';
      cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur += ch;
    } else if (ch === ';' || ch === '\n' || ((ch === '&' || ch === '|') && script[i + 1] === ch)) {
      if (ch === '&' || ch === '|') i++;
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else {
      cur += ch;
    }
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function words(stmt: string): string[] {
  return (stmt.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map(unquote);
}

interface Reading {
  logs: LogLine[];
  repeat?: ContainerProgram['repeat'];
  exit?: { afterMs: number; code: number };
  trapsTerm: boolean;
}

/** Reads a shell script: sleeps add time, `exit N` ends it, loops run forever. */
function readScript(script: string): Reading {
  const logs: LogLine[] = [];
  let t = 0;
  let status = 0;
  let trapsTerm = false;
  const stmts = statements(script);
  for (let i = 0; i < stmts.length; i++) {
    const w = words(stmts[i]!);
    const cmd = w[0] ?? '';
    if (cmd === 'while' || cmd === 'until' || cmd === 'for') {
      // A loop: treated as running forever; echo/sleep in its body repeat.
      const body: string[] = [];
      let period = 0;
      for (let j = i; j < stmts.length; j++) {
        const bw = words(stmts[j]!.replace(/^(while|until|for|do)\s+/, ''));
        if (bw[0] === 'echo') body.push(bw.slice(1).join(' '));
        if (bw[0] === 'sleep') period += sleepMs(bw[1]) ?? 1000;
        if (bw[0] === 'done') break;
      }
      return {
        logs,
        repeat: body.length && period ? { startMs: t, periodMs: period, lines: body } : undefined,
        trapsTerm,
      };
    }
    switch (basename(cmd)) {
      case 'sleep': {
        const d = sleepMs(w[1]) ?? 0;
        if (d === Infinity) return { logs, trapsTerm };
        t += d;
        status = 0;
        break;
      }
      case 'exit':
        return { logs, exit: { afterMs: t, code: Number(w[1] ?? status) || 0 }, trapsTerm };
      case 'echo':
        logs.push({
          atMs: t,
          line: w
            .slice(1)
            .filter((x) => x !== '-n' && x !== '-e')
            .join(' '),
        });
        status = 0;
        break;
      case 'false':
        status = 1;
        break;
      case 'trap':
        if (w.slice(2).some((s) => /^(TERM|SIGTERM|15)$/.test(s))) trapsTerm = true;
        break;
      case 'tail':
        if (w.includes('-f')) return { logs, trapsTerm };
        status = 0;
        break;
      case 'nginx':
      case 'httpd':
      case 'redis-server':
      case 'python':
      case 'python3':
      case 'node':
        return { logs, trapsTerm };
      default:
        status = 0;
    }
  }
  return { logs, exit: { afterMs: t, code: status }, trapsTerm };
}

function program(c: Container): ContainerProgram {
  const base = imageBaseName(c.image ?? '');
  const command = c.command ?? [];
  const args = c.args ?? [];
  let argv = [...command, ...args];
  if (command.length === 0 && args.length > 0 && !SHELL_IMAGES.has(base)) {
    // Arguments to the image's own entrypoint: a server keeps serving.
    argv = [];
  }
  const serverStop: StopReaction = { kind: 'exit', afterMs: 120, code: 0 };

  if (argv.length === 0) {
    if (SHELL_IMAGES.has(base)) {
      if (c.stdin && c.tty) {
        return {
          logs: [],
          onStop: { kind: 'ignore' },
          note: `${base}: interactive sh (stdin+tty) waits for input`,
        };
      }
      return {
        logs: [],
        exit: { afterMs: 0, code: 0 },
        onStop: { kind: 'ignore' },
        note: `${base}: the default command sh exits at once without a terminal`,
      };
    }
    if (base === 'pause')
      return { logs: [], onStop: { kind: 'exit', afterMs: 0, code: 0 }, note: 'pause' };
    if (SERVER_IMAGES.has(base)) {
      return {
        logs: [],
        onStop: serverStop,
        note: `${base}: serves until stopped, exits 0 on the stop signal`,
      };
    }
    return {
      logs: [],
      onStop: { kind: 'exit', afterMs: 50, code: 143 },
      note: `${base}: unknown image, assumed to run until stopped`,
    };
  }

  const first = basename(argv[0]!);
  let reading: Reading;
  if (SHELLS.has(first) && argv[1] === '-c') {
    reading = readScript(argv[2] ?? '');
  } else {
    reading = readScript(argv.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' '));
  }
  const onStop: StopReaction = reading.trapsTerm
    ? { kind: 'exit', afterMs: 10, code: 0 }
    : SERVER_IMAGES.has(base) && !SHELLS.has(first) && first !== 'sleep'
      ? serverStop
      : { kind: 'ignore' };
  return {
    logs: reading.logs,
    repeat: reading.repeat,
    exit: reading.exit,
    onStop,
    note: reading.exit
      ? `runs for ${reading.exit.afterMs} ms, then exits ${reading.exit.code}`
      : 'runs until stopped',
  };
}

function hook(handler: LifecycleHandler): HookOutcome {
  if (handler.exec?.command) {
    const argv = handler.exec.command;
    const first = basename(argv[0] ?? '');
    const script = SHELLS.has(first) && argv[1] === '-c' ? (argv[2] ?? '') : argv.join(' ');
    const r = readScript(script);
    const durationMs = Math.max(5, r.exit?.afterMs ?? 0);
    return { durationMs, ok: (r.exit?.code ?? 0) === 0 };
  }
  const sleep = (handler as { sleep?: { seconds?: number } }).sleep;
  if (sleep) return { durationMs: (sleep.seconds ?? 0) * 1000, ok: true };
  return { durationMs: 15, ok: true };
}

function probeFailureOutput(p: Probe, ip: string | undefined, kind: string): string {
  if (p.httpGet) return 'HTTP probe failed with statuscode: 500';
  if (p.tcpSocket)
    return `dial tcp ${ip ?? '127.0.0.1'}:${String(p.tcpSocket.port)}: connect: connection refused`;
  if (p.grpc) return 'service unhealthy (responded with "NOT_SERVING")';
  const argv = p.exec?.command ?? [];
  const first = basename(argv[0] ?? '');
  const script = SHELLS.has(first) && argv[1] === '-c' ? (argv[2] ?? '') : argv.join(' ');
  const w = words(script);
  if (basename(w[0] ?? '') === 'cat' && w[1])
    return `cat: can't open '${w[1]}': No such file or directory`;
  return kind === 'startup' ? '' : '';
}

export const defaultBehaviour: ContainerBehaviour = {
  image: imageInfo,
  program: (c) => program(c),
  hook: (h) => hook(h),
  probe: (p, kind, ctx) =>
    ctx.faulted
      ? { ok: false, output: probeFailureOutput(p, ctx.podIp, kind) }
      : { ok: true, output: '' },
};
