/**
 * Processes: spawning, exiting (zombies, reaping, orphans re-parented to the
 * namespace's init), signals (PID 1 ignores signals it has no handler for),
 * the event scheduler over simulated milliseconds, and the server programs
 * of the image catalogue (nginx, httpd, redis, postgres, mysql, python's
 * http.server, busybox httpd, nc).
 */
import {
  grpcBindFailed,
  grpcHttp,
  grpcInitMs,
  grpcProgram,
  grpcSignal,
  grpcStartLines,
} from './grpc.ts';
import { logLine } from './logs.ts';
import {
  allocPid,
  basename,
  bindPort,
  currentInstance,
  instanceOf,
  isNsInit,
  listenerOn,
  nsInit,
  procById,
  unbindProc,
} from './namespaces.ts';
import { runShell } from './shell/interpret.ts';
import { SIGNAL_NUMBERS } from './types.ts';
import type {
  BehaviourCtx,
  ContainerInstance,
  PodSystem,
  Proc,
  Program,
  ServerProgram,
  Signal,
} from './types.ts';
import { isDir, readFile, writeFile } from './volumes.ts';

export function spawn(
  sys: PodSystem,
  inst: ContainerInstance | null,
  parent: number | null,
  argv: string[],
  prog: Program,
  wakeAtMs: number | null,
): Proc {
  const proc: Proc = {
    id: sys.nextProcId++,
    pid: allocPid(sys, inst),
    parent,
    container: inst?.name ?? '',
    instance: inst?.instance ?? 0,
    argv,
    state: 'sleeping',
    exitCode: null,
    killedBy: null,
    startedAtMs: sys.nowMs,
    wakeAtMs,
    prog,
  };
  sys.procs.push(proc);
  sys.procEvents.push({
    atMs: sys.nowMs,
    kind: 'start',
    container: proc.container,
    pid: proc.pid,
    detail: argv.join(' '),
  });
  trimEvents(sys);
  return proc;
}

function trimEvents(sys: PodSystem): void {
  // Trimmed in batches: keeps the last 1,000 to 1,500 events without an O(n) splice per event.
  if (sys.procEvents.length > 1500) sys.procEvents.splice(0, sys.procEvents.length - 1000);
}

function removeProc(sys: PodSystem, proc: Proc): void {
  sys.procs = sys.procs.filter((p) => p.id !== proc.id);
  unbindProc(sys, proc.id);
}

/** Does this program collect its children's exit status? */
function reaps(prog: Program): boolean {
  return (
    prog.kind === 'sh' || prog.kind === 'pause' || (prog.kind === 'server' && prog.server !== 'nc')
  );
}

/** Code the shell sees for a child: its exit code, or 128+n when a signal killed it. */
export function statusOf(proc: Proc): number {
  return proc.killedBy ? 128 + SIGNAL_NUMBERS[proc.killedBy] : (proc.exitCode ?? 0);
}

/** Ends `proc`. Handles zombies, reaping, orphans, the container's end and the sandbox's. */
export function exitProc(
  sys: PodSystem,
  proc: Proc,
  code: number,
  killedBy: Signal | null = null,
): void {
  if (proc.state === 'zombie' || !sys.procs.includes(proc)) return;
  proc.exitCode = code;
  proc.killedBy = killedBy;
  proc.state = 'zombie';
  proc.wakeAtMs = null;
  unbindProc(sys, proc.id);
  sys.procEvents.push({
    atMs: sys.nowMs,
    kind: 'exit',
    container: proc.container,
    pid: proc.pid,
    detail: killedBy ? `killed by ${killedBy}` : `exit ${code}`,
  });

  const session = sys.execs.find((e) => e.proc === proc.id && !e.done);
  if (session) finishExec(sys, session.id, statusOf(proc));

  // The pause container: the sandbox is gone. In a shared PID namespace the
  // kernel kills every process of the namespace with it.
  if (proc.container === '') {
    removeProc(sys, proc);
    sys.sandbox.alive = false;
    sys.sandbox.pauseProc = null;
    sys.outbox.push({
      kind: 'sandbox-died',
      atMs: sys.nowMs,
      reason: killedBy ? `pause killed by ${killedBy}` : `pause exited ${code}`,
    });
    if (sys.shareProcessNamespace) {
      for (const p of [...sys.procs]) {
        const inst = instanceOf(sys, p);
        if (inst && inst.main === p.id) exitProc(sys, p, 137, 'SIGKILL');
      }
    }
    return;
  }

  const inst = instanceOf(sys, proc);
  if (inst && inst.main === proc.id) {
    endContainer(sys, inst, proc);
    return;
  }

  // Orphans go to the namespace's init.
  reparentChildren(sys, proc);

  const parent = procById(sys, proc.parent);
  if (!parent) {
    removeProc(sys, proc); // started by the runtime (exec sessions): the runtime collects it
    return;
  }
  sys.procEvents.push({
    atMs: sys.nowMs,
    kind: 'zombie',
    container: proc.container,
    pid: proc.pid,
    detail: `parent ${parent.pid}`,
  });
  if (parent.prog.kind === 'sh') {
    const sh = parent.prog;
    const waitsForIt =
      sh.wait?.kind === 'child'
        ? sh.wait.pid === proc.id
        : sh.wait?.kind === 'wait' && (sh.wait.pids === 'all' || sh.wait.pids.includes(proc.id));
    if (waitsForIt) {
      parent.wakeAtMs = sys.nowMs;
      parent.state = 'running';
      return; // the shell reaps it when it runs
    }
    sh.done[String(proc.pid)] = statusOf(proc);
    reap(sys, proc, parent);
    return;
  }
  if (reaps(parent.prog)) {
    reap(sys, proc, parent);
    return;
  }
  // The parent never waits: a zombie stays until the parent dies.
}

export function reap(sys: PodSystem, child: Proc, by: Proc): void {
  sys.procEvents.push({
    atMs: sys.nowMs,
    kind: 'reaped',
    container: child.container,
    pid: child.pid,
    detail: `by ${by.argv[0] ?? ''} (PID ${by.pid})`,
  });
  removeProc(sys, child);
  trimEvents(sys);
}

function reparentChildren(sys: PodSystem, proc: Proc): void {
  const init = nsInit(sys, proc);
  for (const child of sys.procs.filter((p) => p.parent === proc.id)) {
    if (!init || init.id === proc.id) {
      removeProc(sys, child);
      continue;
    }
    child.parent = init.id;
    sys.procEvents.push({
      atMs: sys.nowMs,
      kind: 'reparented',
      container: child.container,
      pid: child.pid,
      detail: `to PID ${init.pid} (${init.argv[0] ?? ''})`,
    });
    if (child.state === 'zombie' && reaps(init.prog) && init.prog.kind !== 'sh')
      reap(sys, child, init);
  }
}

function endContainer(sys: PodSystem, inst: ContainerInstance, main: Proc): void {
  const code = statusOf(main);
  inst.finishedAtMs = sys.nowMs;
  inst.exitCode = code;
  inst.signal = main.killedBy;
  // The runtime tears the container down: every other process of it dies.
  for (const p of sys.procs.filter(
    (x) => x.container === inst.name && x.instance === inst.instance && x.id !== main.id,
  )) {
    const session = sys.execs.find((e) => e.proc === p.id && !e.done);
    if (session) finishExec(sys, session.id, 137);
    removeProc(sys, p);
  }
  // Orphans of this container that pause adopted die with it too.
  removeProc(sys, main);
  sys.listeners = sys.listeners.filter((l) => l.container !== inst.name);
  sys.outbox.push({
    kind: 'container-exit',
    container: inst.name,
    atMs: sys.nowMs,
    exitCode: code,
    signal: main.killedBy,
    reason: code === 0 ? 'Completed' : 'Error',
  });
}

export function finishExec(sys: PodSystem, execId: number, exitCode: number): void {
  const ex = sys.execs.find((e) => e.id === execId);
  if (!ex || ex.done) return;
  ex.done = true;
  ex.exitCode = exitCode;
  const output = ex.output;
  sys.outbox.push({
    kind: 'exec-exit',
    execId,
    container: ex.container,
    atMs: sys.nowMs,
    exitCode,
    output,
  });
}

// ---------------------------------------------------------------------------
// Signals
// ---------------------------------------------------------------------------

/** Delivers `sig` to `proc`, as the kernel and the program would handle it. */
export function signalProc(sys: PodSystem, proc: Proc, sig: Signal, from = 'runtime'): void {
  if (proc.state === 'zombie') return;
  sys.procEvents.push({
    atMs: sys.nowMs,
    kind: 'signal',
    container: proc.container,
    pid: proc.pid,
    detail: `${sig} from ${from}`,
  });
  if (sig === 'SIGKILL') {
    exitProc(sys, proc, 137, 'SIGKILL');
    return;
  }
  if (sig === 'SIGCHLD' || (sig === 'SIGWINCH' && proc.prog.kind !== 'server')) return; // ignored by default
  const prog = proc.prog;
  const ignoreAsInit = (): boolean => {
    if (isNsInit(proc)) {
      sys.procEvents.push({
        atMs: sys.nowMs,
        kind: 'signal-ignored',
        container: proc.container,
        pid: proc.pid,
        detail: `${sig}: PID 1 has no handler, the kernel drops it`,
      });
      return true;
    }
    return false;
  };
  switch (prog.kind) {
    case 'pause':
      if (sig === 'SIGINT' || sig === 'SIGTERM') exitProc(sys, proc, 0);
      return;
    case 'sh': {
      const name = sig.slice(3);
      const trap = prog.traps[name];
      if (trap === '') return; // trap '' SIG: ignored
      if (trap !== undefined) {
        prog.pending.push(sig);
        if (prog.wait?.kind !== 'child') {
          proc.wakeAtMs = sys.nowMs;
          proc.state = 'running';
        }
        return;
      }
      if (ignoreAsInit()) return;
      exitProc(sys, proc, 128 + SIGNAL_NUMBERS[sig], sig);
      return;
    }
    case 'sleep':
    case 'worker':
      if (prog.kind === 'worker') return;
      if (ignoreAsInit()) return;
      exitProc(sys, proc, 128 + SIGNAL_NUMBERS[sig], sig);
      return;
    case 'idle':
      if (sig === 'SIGTERM' || sig === 'SIGINT')
        exitProc(
          sys,
          proc,
          prog.termCode ?? 128 + SIGNAL_NUMBERS[sig],
          prog.termCode === null ? sig : null,
        );
      return;
    case 'server':
      serverSignal(sys, proc, prog, sig, ignoreAsInit);
      return;
  }
}

// ---------------------------------------------------------------------------
// Scheduler
// ---------------------------------------------------------------------------

/** The earliest instant some process needs to run, or null when everything waits. */
export function nextWake(sys: PodSystem): number | null {
  let best: number | null = null;
  for (const p of sys.procs) {
    if (p.wakeAtMs !== null && (best === null || p.wakeAtMs < best)) best = p.wakeAtMs;
  }
  return best;
}

/** Runs every process step due up to `untilMs`, in (time, process id) order. */
export function runUntil(sys: PodSystem, untilMs: number, ctx: BehaviourCtx): void {
  for (let guard = 0; guard < 1_000_000; guard++) {
    let next: Proc | undefined;
    for (const p of sys.procs) {
      if (p.wakeAtMs === null || p.wakeAtMs > untilMs) continue;
      if (!next || p.wakeAtMs < next.wakeAtMs! || (p.wakeAtMs === next.wakeAtMs && p.id < next.id))
        next = p;
    }
    if (!next) break;
    if (next.wakeAtMs! > sys.nowMs) sys.nowMs = next.wakeAtMs!;
    stepProc(sys, next, { ...ctx, nowMs: sys.nowMs });
  }
  if (untilMs > sys.nowMs) sys.nowMs = untilMs;
}

export function stepProc(sys: PodSystem, proc: Proc, ctx: BehaviourCtx): void {
  proc.wakeAtMs = null;
  const prog = proc.prog;
  switch (prog.kind) {
    case 'sh':
      runShell(sys, proc, ctx);
      break;
    case 'sleep':
      exitProc(sys, proc, 0);
      break;
    case 'server':
      serverStep(sys, proc, prog, ctx);
      break;
    default:
      break;
  }
  // Between steps a process is blocked (S); only a shell in a busy loop is runnable (R).
  if (proc.state !== 'zombie') {
    proc.state =
      proc.prog.kind === 'sh' && proc.prog.wait?.kind === 'yield' ? 'running' : 'sleeping';
  }
}

// ---------------------------------------------------------------------------
// Server programs
// ---------------------------------------------------------------------------

function ts(
  sys: PodSystem,
  style: 'nginx' | 'redis' | 'pg' | 'mysql' | 'apache' | 'python',
): string {
  const d = new Date(sys.epochMs + sys.nowMs);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const Y = d.getUTCFullYear();
  const M = p2(d.getUTCMonth() + 1);
  const D = p2(d.getUTCDate());
  const hms = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  const ms = String(d.getUTCMilliseconds()).padStart(3, '0');
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    d.getUTCMonth()
  ]!;
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]!;
  switch (style) {
    case 'nginx':
      return `${Y}/${M}/${D} ${hms}`;
    case 'redis':
      return `${D} ${mon} ${Y} ${hms}.${ms}`;
    case 'pg':
      return `${Y}-${M}-${D} ${hms}.${ms} UTC`;
    case 'mysql':
      return `${Y}-${M}-${D}T${hms}.${ms}000Z`;
    case 'apache':
      return `${day} ${mon} ${D} ${hms}.${ms}000 ${Y}`;
    case 'python':
      return `${D}/${mon}/${Y} ${hms}`;
  }
}

/** Access-log timestamp `[01/Jan/2025:00:00:05 +0000]`. */
export function clfTime(sys: PodSystem): string {
  const t = ts(sys, 'python');
  return `${t.slice(0, 11)}:${t.slice(12)} +0000`;
}

function out(
  sys: PodSystem,
  proc: Proc,
  text: string,
  stream: 'stdout' | 'stderr' = 'stdout',
): void {
  const inst = instanceOf(sys, proc);
  if (inst) logLine(sys, inst, text, stream);
}

export interface ServerLaunch {
  prog: ServerProgram;
  /** Lines printed before the program runs (the image's entrypoint). */
  preface: string[];
  /** The program daemonizes: the foreground process exits 0 and a child keeps serving. */
  daemonize: boolean;
  /** Immediate failure (missing password…): lines to print and the exit code. */
  fail?: { lines: string[]; code: number };
}

function newServer(server: ServerProgram['server'], port: number, docroot = '/'): ServerProgram {
  return {
    kind: 'server',
    server,
    port,
    phase: 'binding',
    bindAttempts: 0,
    exitCode: 0,
    docroot,
    once: false,
    requests: 0,
  };
}

function flagValue(argv: string[], names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    for (const n of names) {
      if (a === n) return argv[i + 1];
      if (n.startsWith('--') && a.startsWith(`${n}=`)) return a.slice(n.length + 1);
    }
  }
  return undefined;
}

/**
 * Recognizes a server program in `argv` (after any entrypoint script), or
 * returns undefined. `inst` gives the container's files and environment.
 */
export function serverFor(
  sys: PodSystem,
  inst: ContainerInstance,
  argv: string[],
  viaEntrypoint: boolean,
): ServerLaunch | undefined {
  const name = basename(argv[0] ?? '');
  const args = argv.slice(1);
  const env = inst.env;
  switch (name) {
    case 'nginx':
    case 'nginx-debug': {
      if (args.includes('-s') || args.includes('-t') || args.includes('-v') || args.includes('-V'))
        return undefined;
      const g = flagValue(args, ['-g']) ?? '';
      let port = 80;
      const conf = readFile(sys, inst, '/etc/nginx/conf.d/default.conf');
      const listen = conf.ok ? /^\s*listen\s+(?:[\d.]+:)?(\d+)/m.exec(conf.content) : null;
      if (listen) port = Number(listen[1]);
      const root = conf.ok ? /^\s*root\s+([^;\s]+)\s*;/m.exec(conf.content) : null;
      const preface = viaEntrypoint
        ? [
            '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
            '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
            '/docker-entrypoint.sh: Configuration complete; ready for start up',
          ]
        : [];
      return {
        prog: newServer('nginx', port, root?.[1] ?? '/usr/share/nginx/html'),
        preface,
        daemonize: !/daemon\s+off/.test(g),
      };
    }
    case 'httpd-foreground':
    case 'apache2-foreground':
      return {
        prog: newServer('httpd', 80, '/usr/local/apache2/htdocs'),
        preface: [],
        daemonize: false,
      };
    case 'httpd': {
      if (inst.userland === 'busybox' || args.some((a) => a === '-p' || a === '-f')) {
        const p = Number(flagValue(args, ['-p']) ?? '80');
        const home = flagValue(args, ['-h']) ?? '/';
        return {
          prog: newServer('busybox-httpd', Number.isFinite(p) ? p : 80, home),
          preface: [],
          daemonize: !args.includes('-f') && !args.some((a) => /^-\w*f/.test(a)),
        };
      }
      return {
        prog: newServer('httpd', 80, '/usr/local/apache2/htdocs'),
        preface: [],
        daemonize: !args.includes('-DFOREGROUND'),
      };
    }
    case 'redis-server': {
      const p = Number(flagValue(args, ['--port']) ?? '6379');
      return { prog: newServer('redis', p), preface: [], daemonize: false };
    }
    case 'postgres': {
      const c = args
        .map((a, i) => (args[i - 1] === '-c' ? a : ''))
        .find((a) => a.startsWith('port='));
      const p = Number(flagValue(args, ['-p']) ?? c?.slice(5) ?? '5432');
      const pw = env.POSTGRES_PASSWORD ?? '';
      if (viaEntrypoint && pw === '' && env.POSTGRES_HOST_AUTH_METHOD !== 'trust') {
        const data = readFile(sys, inst, `${env.PGDATA ?? '/var/lib/postgresql/data'}/PG_VERSION`);
        if (!data.ok) {
          return {
            prog: newServer('postgres', p),
            preface: [],
            daemonize: false,
            fail: {
              lines: [
                'Error: Database is uninitialized and superuser password is not specified.',
                '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
                '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
              ],
              code: 1,
            },
          };
        }
      }
      const srv = newServer('postgres', p);
      srv.phase = 'initializing';
      return { prog: srv, preface: [], daemonize: false };
    }
    case 'mysqld':
    case 'mariadbd': {
      const p = Number(flagValue(args, ['--port', '-P']) ?? '3306');
      const ok = [
        'MYSQL_ROOT_PASSWORD',
        'MYSQL_ALLOW_EMPTY_PASSWORD',
        'MYSQL_RANDOM_ROOT_PASSWORD',
      ].some((k) => (env[k] ?? '') !== '');
      if (viaEntrypoint && !ok) {
        return {
          prog: newServer('mysql', p),
          preface: [],
          daemonize: false,
          fail: {
            lines: [
              `${ts(sys, 'mysql')} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`,
              '    You need to specify one of the following as an environment variable:',
              '    - MYSQL_ROOT_PASSWORD',
              '    - MYSQL_ALLOW_EMPTY_PASSWORD',
              '    - MYSQL_RANDOM_ROOT_PASSWORD',
            ],
            code: 1,
          },
        };
      }
      const srv = newServer('mysql', p);
      srv.phase = 'initializing';
      return { prog: srv, preface: [], daemonize: false };
    }
    case 'python':
    case 'python3': {
      const m = args.indexOf('-m');
      if (m === -1 || args[m + 1] !== 'http.server') return undefined;
      const rest = args.slice(m + 2);
      const portArg = rest.find(
        (a, i) =>
          /^\d+$/.test(a) && !['-b', '--bind', '-d', '--directory'].includes(rest[i - 1] ?? ''),
      );
      const dir = flagValue(rest, ['-d', '--directory']) ?? '/';
      return {
        prog: newServer('python-http', Number(portArg ?? '8000'), dir),
        preface: [],
        daemonize: false,
      };
    }
    case 'etcd':
    case 'agnhost': {
      // gRPC servers (etcd, `agnhost grpc-health-checking`): see grpc.ts.
      const g = grpcProgram(name, argv, env);
      if (g) {
        const fail = g.fail
          ? { lines: g.fail.lines(sys).map((l) => l.text), code: g.fail.code }
          : undefined;
        return { prog: g.prog, preface: [], daemonize: false, ...(fail ? { fail } : {}) };
      }
      if (name === 'etcd') return undefined;
      // The Kubernetes e2e test image: `agnhost liveness` is the docs' HTTP
      // liveness server; other subcommands run until stopped, listening on nothing.
      if (args[0] === 'liveness')
        return { prog: newServer('agnhost-liveness', 8080), preface: [], daemonize: false };
      return { prog: newServer('agnhost-liveness', 0), preface: [], daemonize: false };
    }
    case 'goproxy':
      return { prog: newServer('goproxy', 8080), preface: [], daemonize: false };
    case 'nc':
    case 'netcat': {
      const joined = args.join(' ');
      if (!/(^|\s)-\w*l/.test(joined)) return undefined;
      const p = flagValue(args, ['-p']) ?? args.find((a) => /^\d+$/.test(a));
      const srv = newServer('nc', Number(p ?? '0'));
      srv.once = !/(^|\s)-\w*k/.test(joined);
      return { prog: srv, preface: [], daemonize: false };
    }
    default:
      return undefined;
  }
}

const READY_MS: Record<string, { init: number; restart: number }> = {
  postgres: { init: 4000, restart: 1000 },
  mysql: { init: 9000, restart: 2500 },
};

function bindFailed(sys: PodSystem, proc: Proc, srv: ServerProgram, p = srv.port): void {
  const holder = listenerOn(sys, p);
  const by = holder ? ` (held by container ${holder.container})` : '';
  switch (srv.server) {
    case 'nginx':
      out(
        sys,
        proc,
        `${ts(sys, 'nginx')} [emerg] ${proc.pid}#${proc.pid}: bind() to 0.0.0.0:${p} failed (98: Address in use)`,
        'stderr',
      );
      out(sys, proc, `nginx: [emerg] bind() to 0.0.0.0:${p} failed (98: Address in use)`, 'stderr');
      srv.bindAttempts++;
      if (srv.bindAttempts < 5) {
        proc.wakeAtMs = sys.nowMs + 500; // nginx retries the bind five times, half a second apart
        return;
      }
      out(
        sys,
        proc,
        `${ts(sys, 'nginx')} [emerg] ${proc.pid}#${proc.pid}: still could not bind()`,
        'stderr',
      );
      out(sys, proc, 'nginx: [emerg] still could not bind()', 'stderr');
      break;
    case 'httpd':
      out(
        sys,
        proc,
        `(98)Address in use: AH00072: make_sock: could not bind to address 0.0.0.0:${p}`,
        'stderr',
      );
      out(sys, proc, 'no listening sockets available, shutting down', 'stderr');
      out(sys, proc, 'AH00015: Unable to open logs', 'stderr');
      break;
    case 'redis':
      out(
        sys,
        proc,
        `1:M ${ts(sys, 'redis')} # Warning: Could not create server TCP listening socket *:${p}: bind: Address in use`,
      );
      out(sys, proc, `1:M ${ts(sys, 'redis')} # Failed listening on port ${p} (tcp), aborting.`);
      break;
    case 'postgres':
      out(
        sys,
        proc,
        `${ts(sys, 'pg')} [1] LOG:  could not bind IPv4 address "0.0.0.0": Address in use`,
        'stderr',
      );
      out(sys, proc, `${ts(sys, 'pg')} [1] FATAL:  could not create any TCP/IP sockets`, 'stderr');
      break;
    case 'mysql':
      out(
        sys,
        proc,
        `${ts(sys, 'mysql')} 0 [ERROR] [MY-010262] [Server] Can't start server: Bind on TCP/IP port: Address in use`,
        'stderr',
      );
      out(
        sys,
        proc,
        `${ts(sys, 'mysql')} 0 [ERROR] [MY-010257] [Server] Do you already have another mysqld server running on port: ${p} ?`,
        'stderr',
      );
      break;
    case 'python-http':
      out(sys, proc, 'Traceback (most recent call last):', 'stderr');
      out(sys, proc, 'OSError: [Errno 98] Address in use', 'stderr');
      break;
    case 'busybox-httpd':
      out(sys, proc, 'httpd: bind: Address in use', 'stderr');
      break;
    case 'agnhost-liveness':
    case 'goproxy':
      // log.Fatal(http.ListenAndServe(…)): Go's log prefix, exit 1.
      out(
        sys,
        proc,
        `${ts(sys, 'nginx')} listen tcp :${p}: bind: address already in use`,
        'stderr',
      );
      break;
    case 'etcd':
    case 'agnhost-grpc':
      for (const l of grpcBindFailed(sys, srv, p)) out(sys, proc, l.text, l.stream);
      break;
    case 'nc':
      out(sys, proc, 'nc: bind: Address in use', 'stderr');
      break;
  }
  sys.procEvents.push({
    atMs: sys.nowMs,
    kind: 'signal',
    container: proc.container,
    pid: proc.pid,
    detail: `port ${p} already in use${by}`,
  });
  exitProc(sys, proc, 1);
}

function startLines(sys: PodSystem, proc: Proc, srv: ServerProgram): void {
  const pid = proc.pid;
  switch (srv.server) {
    case 'nginx':
      for (const l of [
        'using the "epoll" event method',
        'nginx/1.27.3',
        'OS: Linux',
        'start worker processes',
      ]) {
        out(sys, proc, `${ts(sys, 'nginx')} [notice] ${pid}#${pid}: ${l}`);
      }
      break;
    case 'httpd':
      out(
        sys,
        proc,
        `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${sys.podIP}. Set the 'ServerName' directive globally to suppress this message`,
        'stderr',
      );
      out(
        sys,
        proc,
        `[${ts(sys, 'apache')}] [mpm_event:notice] [pid ${pid}:tid ${pid}] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations`,
        'stderr',
      );
      break;
    case 'redis':
      out(sys, proc, `1:C ${ts(sys, 'redis')} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`);
      out(sys, proc, `1:M ${ts(sys, 'redis')} * Running mode=standalone, port=${srv.port}.`);
      out(sys, proc, `1:M ${ts(sys, 'redis')} * Server initialized`);
      out(sys, proc, `1:M ${ts(sys, 'redis')} * Ready to accept connections tcp`);
      break;
    case 'postgres':
      out(
        sys,
        proc,
        `${ts(sys, 'pg')} [1] LOG:  listening on IPv4 address "0.0.0.0", port ${srv.port}`,
        'stderr',
      );
      out(
        sys,
        proc,
        `${ts(sys, 'pg')} [1] LOG:  database system is ready to accept connections`,
        'stderr',
      );
      break;
    case 'mysql':
      out(
        sys,
        proc,
        `${ts(sys, 'mysql')} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.4.3'  socket: '/var/run/mysqld/mysqld.sock'  port: ${srv.port}  MySQL Community Server - GPL.`,
        'stderr',
      );
      break;
    case 'python-http':
      out(sys, proc, `Serving HTTP on 0.0.0.0 port ${srv.port} (http://0.0.0.0:${srv.port}/) ...`);
      break;
    case 'busybox-httpd':
    case 'nc':
      break;
    case 'etcd':
    case 'agnhost-grpc':
      for (const l of grpcStartLines(sys, srv)) out(sys, proc, l.text, l.stream);
      break;
  }
}

function serverStep(sys: PodSystem, proc: Proc, srv: ServerProgram, ctx: BehaviourCtx): void {
  void ctx;
  const inst = instanceOf(sys, proc);
  switch (srv.phase) {
    case 'initializing': {
      const initMs = grpcInitMs(srv);
      if (initMs !== undefined) {
        // etcd: its start-up lines, then it binds once its election is done.
        if (srv.bindAttempts === 0) {
          srv.bindAttempts = -1;
          const lines = grpcProgram(basename(proc.argv[0] ?? ''), proc.argv, inst?.env ?? {});
          for (const l of lines?.lines?.(sys) ?? []) out(sys, proc, l.text, l.stream);
          proc.wakeAtMs = sys.nowMs + initMs;
          return;
        }
        srv.phase = 'binding';
        srv.bindAttempts = 0;
        proc.wakeAtMs = sys.nowMs;
        return;
      }
      // postgres / mysql: first the entrypoint's init (no TCP yet), then listen.
      const dataFile =
        srv.server === 'postgres'
          ? `${inst?.env.PGDATA ?? '/var/lib/postgresql/data'}/PG_VERSION`
          : '/var/lib/mysql/ibdata1';
      const existing = inst ? readFile(sys, inst, dataFile).ok : false;
      const t = READY_MS[srv.server]!;
      if (srv.bindAttempts === 0) {
        srv.bindAttempts = -1;
        if (srv.server === 'postgres') {
          out(
            sys,
            proc,
            existing
              ? '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n'
              : 'The files belonging to this database system will be owned by user "postgres".',
          );
        } else {
          out(
            sys,
            proc,
            `${ts(sys, 'mysql')} [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.3 started.`,
          );
          if (!existing)
            out(sys, proc, `${ts(sys, 'mysql')} [Note] [Entrypoint]: Initializing database files`);
        }
        proc.wakeAtMs = sys.nowMs + (existing ? t.restart : t.init);
        return;
      }
      if (!existing && inst) {
        writeFile(
          sys,
          inst,
          dataFile,
          srv.server === 'postgres' ? '17\n' : '(InnoDB system tablespace)',
          false,
          sys.nowMs,
        );
        out(
          sys,
          proc,
          srv.server === 'postgres'
            ? 'PostgreSQL init process complete; ready for start up.'
            : `${ts(sys, 'mysql')} [Note] [Entrypoint]: MySQL init process done. Ready for start up.`,
        );
      }
      srv.phase = 'binding';
      srv.bindAttempts = 0;
      proc.wakeAtMs = sys.nowMs;
      return;
    }
    case 'binding': {
      if (srv.port <= 0) {
        srv.phase = 'serving';
        return;
      }
      for (const b of srv.binds ?? [{ port: srv.port, loopback: false }]) {
        if (bindPort(sys, proc, b.port, b.loopback) === 'EADDRINUSE') {
          bindFailed(sys, proc, srv, b.port);
          return;
        }
      }
      srv.phase = 'serving';
      srv.boundAtMs = sys.nowMs;
      startLines(sys, proc, srv);
      if (srv.server === 'nginx' && inst) {
        const w = spawn(sys, inst, proc.id, ['nginx: worker process'], { kind: 'worker' }, null);
        out(
          sys,
          proc,
          `${ts(sys, 'nginx')} [notice] ${proc.pid}#${proc.pid}: start worker process ${w.pid}`,
        );
        proc.argv = ['nginx: master process', ...proc.argv];
      }
      return;
    }
    case 'stopping':
      exitProc(sys, proc, srv.exitCode);
      return;
    default:
      return;
  }
}

function serverSignal(
  sys: PodSystem,
  proc: Proc,
  srv: ServerProgram,
  sig: Signal,
  ignoreAsInit: () => boolean,
): void {
  const n = SIGNAL_NUMBERS[sig];
  const stop = (delayMs: number, lines: string[], stream: 'stdout' | 'stderr' = 'stdout') => {
    for (const l of lines) out(sys, proc, l, stream);
    srv.phase = 'stopping';
    srv.exitCode = 0;
    proc.wakeAtMs = sys.nowMs + delayMs;
  };
  switch (srv.server) {
    case 'nginx': {
      const t = ts(sys, 'nginx');
      const pid = `${proc.pid}#${proc.pid}`;
      if (sig === 'SIGHUP')
        out(sys, proc, `${t} [notice] ${pid}: signal ${n} (SIGHUP) received, reconfiguring`);
      else if (sig === 'SIGQUIT')
        stop(100, [
          `${t} [notice] ${pid}: signal ${n} (SIGQUIT) received, shutting down`,
          `${t} [notice] ${pid}: gracefully shutting down`,
          `${t} [notice] ${pid}: exit`,
        ]);
      else if (sig === 'SIGTERM' || sig === 'SIGINT')
        stop(50, [
          `${t} [notice] ${pid}: signal ${n} (${sig}) received, exiting`,
          `${t} [notice] ${pid}: exit`,
        ]);
      return;
    }
    case 'httpd':
      if (sig === 'SIGWINCH')
        stop(
          100,
          [
            `[${ts(sys, 'apache')}] [mpm_event:notice] [pid ${proc.pid}:tid ${proc.pid}] AH00492: caught SIGWINCH, shutting down gracefully`,
          ],
          'stderr',
        );
      else if (sig === 'SIGTERM' || sig === 'SIGINT')
        stop(
          50,
          [
            `[${ts(sys, 'apache')}] [mpm_event:notice] [pid ${proc.pid}:tid ${proc.pid}] AH00491: caught SIGTERM, shutting down`,
          ],
          'stderr',
        );
      return;
    case 'redis':
      if (sig === 'SIGTERM' || sig === 'SIGINT') {
        stop(30, [
          `1:signal-handler (${Math.floor((sys.epochMs + sys.nowMs) / 1000)}) Received ${sig} scheduling shutdown...`,
          `1:M ${ts(sys, 'redis')} # User requested shutdown...`,
          `1:M ${ts(sys, 'redis')} * Saving the final RDB snapshot before exiting.`,
          `1:M ${ts(sys, 'redis')} * DB saved on disk`,
          `1:M ${ts(sys, 'redis')} # Redis is now ready to exit, bye bye...`,
        ]);
      }
      return;
    case 'postgres': {
      const kind =
        sig === 'SIGTERM'
          ? 'smart'
          : sig === 'SIGINT'
            ? 'fast'
            : sig === 'SIGQUIT'
              ? 'immediate'
              : null;
      if (kind)
        stop(
          200,
          [
            `${ts(sys, 'pg')} [1] LOG:  received ${kind} shutdown request`,
            `${ts(sys, 'pg')} [1] LOG:  database system is shut down`,
          ],
          'stderr',
        );
      return;
    }
    case 'mysql':
      if (sig === 'SIGTERM' || sig === 'SIGQUIT')
        stop(
          1500,
          [
            `${ts(sys, 'mysql')} 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: 8.4.3).`,
          ],
          'stderr',
        );
      return;
    case 'python-http':
      if (sig === 'SIGINT') {
        stop(10, ['', 'Keyboard interrupt received, exiting.']);
        return;
      }
      if (ignoreAsInit()) return;
      exitProc(sys, proc, 128 + n, sig);
      return;
    case 'busybox-httpd':
    case 'nc':
      if (ignoreAsInit()) return;
      exitProc(sys, proc, 128 + n, sig);
      return;
    case 'etcd':
    case 'agnhost-grpc': {
      const r = grpcSignal(sys, srv, sig);
      if (!r) return;
      for (const l of r.lines) out(sys, proc, l.text, l.stream);
      if (proc.pid === 1) exitProc(sys, proc, r.pid1Code);
      else exitProc(sys, proc, 128 + n, sig);
      return;
    }
    case 'agnhost-liveness':
    case 'goproxy':
      // Go programs: the runtime's default SIGTERM/SIGINT handling ends the
      // process; as PID 1 the re-raised signal is ignored and it exits 2.
      if (sig === 'SIGTERM' || sig === 'SIGINT' || sig === 'SIGQUIT') {
        if (proc.pid === 1) exitProc(sys, proc, 2);
        else exitProc(sys, proc, 128 + n, sig);
      }
      return;
  }
}

// ---------------------------------------------------------------------------
// HTTP inside the pod
// ---------------------------------------------------------------------------

export interface HttpResult {
  kind: 'response' | 'refused' | 'empty-reply';
  status: number;
  body: string;
  /** Container that answered. */
  container: string | null;
}

/** A GET to the pod's own port `port` from `fromContainer`; servers log their access lines. */
export function httpLocal(
  sys: PodSystem,
  _fromContainer: string,
  port: number,
  path: string,
  userAgent: string,
  via: 'localhost' | 'pod-ip' = 'localhost',
): HttpResult {
  const l = listenerOn(sys, port, via);
  const proc = l ? procById(sys, l.proc) : undefined;
  if (!l || !proc || proc.prog.kind !== 'server')
    return { kind: 'refused', status: 0, body: '', container: null };
  const srv = proc.prog;
  srv.requests++;
  const inst = instanceOf(sys, proc) ?? currentInstance(sys, proc.container);
  const clientIp = '127.0.0.1';
  const respondFile = (): { status: number; body: string } => {
    if (!inst) return { status: 500, body: '' };
    const clean = path.split('?')[0]!;
    const file = `${srv.docroot.replace(/\/$/, '')}${clean}`;
    if (clean.endsWith('/')) {
      const index = readFile(sys, inst, `${file}index.html`);
      if (index.ok) return { status: 200, body: index.content };
      if (srv.server === 'python-http' || srv.server === 'busybox-httpd') {
        if (!isDir(sys, inst, file)) return { status: 404, body: '' };
        return { status: 200, body: `Directory listing for ${clean}\n` };
      }
      return { status: isDir(sys, inst, file) ? 403 : 404, body: '' };
    }
    const r = readFile(sys, inst, file);
    if (r.ok) return { status: 200, body: r.content };
    if (r.error === 'EISDIR') return { status: 301, body: '' };
    return { status: 404, body: '' };
  };
  switch (srv.server) {
    case 'nginx':
    case 'httpd':
    case 'python-http':
    case 'busybox-httpd': {
      const r = respondFile();
      const pages: Record<number, string> = {
        403: '<html>\n<head><title>403 Forbidden</title></head>\n<body>\n<center><h1>403 Forbidden</h1></center>\n</body>\n</html>\n',
        404: '<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n</body>\n</html>\n',
      };
      const body = r.status === 200 ? r.body : (pages[r.status] ?? '');
      if (srv.server === 'nginx') {
        if (r.status === 404)
          out(
            sys,
            proc,
            `${ts(sys, 'nginx')} [error] 29#29: *${srv.requests} open() "${srv.docroot}${path}" failed (2: No such file or directory), client: ${clientIp}, server: localhost, request: "GET ${path} HTTP/1.1", host: "localhost"`,
            'stderr',
          );
        if (r.status === 403)
          out(
            sys,
            proc,
            `${ts(sys, 'nginx')} [error] 29#29: *${srv.requests} directory index of "${srv.docroot}${path}" is forbidden, client: ${clientIp}, server: localhost, request: "GET ${path} HTTP/1.1", host: "localhost"`,
            'stderr',
          );
        out(
          sys,
          proc,
          `${clientIp} - - [${clfTime(sys)}] "GET ${path} HTTP/1.1" ${r.status} ${body.length} "-" "${userAgent}" "-"`,
        );
      } else if (srv.server === 'httpd') {
        out(
          sys,
          proc,
          `${clientIp} - - [${clfTime(sys)}] "GET ${path} HTTP/1.1" ${r.status} ${body.length}`,
        );
      } else if (srv.server === 'python-http') {
        out(
          sys,
          proc,
          `${clientIp} - - [${ts(sys, 'python')}] "GET ${path} HTTP/1.1" ${r.status} -`,
          'stderr',
        );
      }
      return { kind: 'response', status: r.status, body, container: proc.container };
    }
    case 'agnhost-liveness': {
      const clean = path.split('?')[0]!;
      if (clean !== '/healthz' && clean !== '/started')
        return {
          kind: 'response',
          status: 404,
          body: '404 page not found\n',
          container: proc.container,
        };
      const secs = (sys.nowMs - (srv.boundAtMs ?? sys.nowMs)) / 1000;
      if (clean === '/started')
        return { kind: 'response', status: 200, body: `${secs}`, container: proc.container };
      // Healthy while at most 10 s have passed since it started listening.
      return secs > 10
        ? { kind: 'response', status: 500, body: `error: ${secs}`, container: proc.container }
        : { kind: 'response', status: 200, body: 'ok', container: proc.container };
    }
    case 'etcd':
    case 'agnhost-grpc': {
      const r = grpcHttp(sys, srv, port, path, inst?.image ?? '');
      return r.kind === 'response'
        ? { ...r, container: proc.container }
        : { kind: 'empty-reply', status: 0, body: '', container: proc.container };
    }
    case 'goproxy':
      return {
        kind: 'response',
        status: 500,
        body: 'This is a proxy server. Does not respond to non-proxy requests.\n',
        container: proc.container,
      };
    case 'nc': {
      out(sys, proc, `GET ${path} HTTP/1.1`);
      out(sys, proc, `Host: localhost:${port}`);
      out(sys, proc, `User-Agent: ${userAgent}`);
      if (srv.once) {
        srv.phase = 'stopping';
        srv.exitCode = 0;
        proc.wakeAtMs = sys.nowMs;
      }
      return { kind: 'empty-reply', status: 0, body: '', container: proc.container };
    }
    default:
      return { kind: 'empty-reply', status: 0, body: '', container: proc.container };
  }
}
