/**
 * gRPC servers: the programs that speak gRPC and serve the standard health
 * protocol (`grpc.health.v1.Health`), which the kubelet's `grpc` probe calls.
 *
 *  - **etcd** (`registry.k8s.io/etcd`, the docs' gRPC probe example): gRPC and
 *    HTTP on each `--listen-client-urls` address (default
 *    `http://localhost:2379`, loopback only), peers on `--listen-peer-urls`
 *    (default `http://localhost:2380`). It registers the health service for
 *    the empty service name only, SERVING; it listens once its single-member
 *    election is done (`ETCD_READY_MS`). HTTP: `/health`, `/version`.
 *  - **agnhost grpc-health-checking** (Kubernetes e2e image): gRPC health on
 *    `--port` (5000) for `--service` (''), SERVING until
 *    `--delay-unhealthy-sec` (never by default), then NOT_SERVING; HTTP on
 *    `--http-port` (8080): `/make-not-serving`, `/make-serving`.
 *
 * A health check to any other listener (nginx, redis, `nc -l` …) never
 * completes the HTTP/2 handshake, so the kubelet's dial times out; to a port
 * nobody listens on the dial is refused and retried until the timeout too.
 * Everything here is pure: the process layer prints the lines and binds.
 */
import { listenerOn, procById } from './namespaces.ts';
import type { PodSystem, ServerProgram } from './types.ts';

/** A single-member etcd elects itself and serves about this long after it started. */
export const ETCD_READY_MS = 1000;

export interface GrpcLine {
  text: string;
  stream: 'stdout' | 'stderr';
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** zap's ISO 8601 time (etcd's logger): `2025-01-01T00:00:00.412Z`. */
function iso8601(sys: PodSystem): string {
  const d = new Date(sys.epochMs + sys.nowMs);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(
    d.getUTCHours(),
  )}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}Z`;
}

/** Go's `log` prefix: `2025/01/01 00:00:00 `. */
function goLog(sys: PodSystem, text: string): GrpcLine {
  const d = new Date(sys.epochMs + sys.nowMs);
  const t = `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${two(
    d.getUTCHours(),
  )}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return { text: `${t} ${text}`, stream: 'stderr' };
}

/** One line of etcd's zap JSON log (it logs to stderr). */
function zap(
  sys: PodSystem,
  level: 'info' | 'warn' | 'fatal',
  caller: string,
  msg: string,
  fields: Record<string, unknown> = {},
): GrpcLine {
  return {
    text: JSON.stringify({ level, ts: iso8601(sys), caller, msg, ...fields }),
    stream: 'stderr',
  };
}

/** A Go flag's value (`--name v`, `--name=v`, `-name v`), else the `ETCD_*`-style env default. */
function flag(args: string[], name: string, env?: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!.replace(/^--?/, '-');
    if (a === `-${name}`) return args[i + 1];
    if (a.startsWith(`-${name}=`)) return a.slice(name.length + 2);
  }
  return env;
}

/** `http://0.0.0.0:2379,http://localhost:2379` → the sockets etcd binds. */
function etcdBinds(urls: string, fallbackPort: number): Array<{ port: number; loopback: boolean }> {
  const out: Array<{ port: number; loopback: boolean }> = [];
  for (const u of urls.split(',').map((x) => x.trim())) {
    const m = /^[a-z]+:\/\/(\[[^\]]*\]|[^:/]*)(?::(\d+))?/.exec(u);
    if (!m) continue;
    const host = m[1]!.replace(/^\[|\]$/g, '');
    const port = m[2] ? Number(m[2]) : fallbackPort;
    const loopback = host === 'localhost' || host === '::1' || host.startsWith('127.');
    if (!out.some((b) => b.port === port)) out.push({ port, loopback });
  }
  return out;
}

export interface GrpcLaunch {
  prog: ServerProgram;
  /** Lines printed at once (etcd's `Running:`). */
  lines?: (sys: PodSystem) => GrpcLine[];
  /** Immediate failure: the lines and the exit code. */
  fail?: { lines: (sys: PodSystem) => GrpcLine[]; code: number };
}

function server(kind: 'etcd' | 'agnhost-grpc', port: number): ServerProgram {
  return {
    kind: 'server',
    server: kind,
    port,
    phase: 'binding',
    bindAttempts: 0,
    exitCode: 0,
    docroot: '/',
    once: false,
    requests: 0,
  };
}

/**
 * The gRPC server a command runs, if it is one: `etcd …`, `agnhost
 * grpc-health-checking …`. `argv` is the whole command line (etcd logs it).
 */
export function grpcProgram(
  cmd: string,
  argv: string[],
  env: Record<string, string>,
): GrpcLaunch | undefined {
  const args = argv.slice(1);
  if (cmd === 'agnhost') {
    if (args[0] !== 'grpc-health-checking') return undefined;
    const port = Number(flag(args, 'port') ?? '5000') || 5000;
    const httpPort = Number(flag(args, 'http-port') ?? '8080') || 8080;
    const delay = Number(flag(args, 'delay-unhealthy-sec') ?? '-1');
    const srv = server('agnhost-grpc', port);
    srv.binds = [
      { port: httpPort, loopback: false },
      { port, loopback: false },
    ];
    srv.grpc = {
      ports: [port],
      service: flag(args, 'service') ?? '',
      ...(delay >= 0 ? { unhealthyAfterMs: delay * 1000 } : {}),
    };
    return { prog: srv };
  }
  if (cmd !== 'etcd') return undefined;
  const running = (sys: PodSystem) =>
    zap(sys, 'info', 'etcdmain/etcd.go:72', 'Running: ', { args: argv });
  const listen = flag(args, 'listen-client-urls', env.ETCD_LISTEN_CLIENT_URLS);
  const advertise = flag(args, 'advertise-client-urls', env.ETCD_ADVERTISE_CLIENT_URLS);
  if (listen !== undefined && advertise === undefined) {
    const error = '--advertise-client-urls is required when --listen-client-urls is set explicitly';
    return {
      prog: server('etcd', 2379),
      fail: {
        code: 1,
        lines: (sys) => [
          running(sys),
          zap(sys, 'warn', 'etcdmain/etcd.go:74', 'failed to verify flags', { error }),
          zap(sys, 'warn', 'etcdmain/etcd.go:77', 'advertise client URLs are not set', { error }),
        ],
      },
    };
  }
  const clients = etcdBinds(listen ?? 'http://localhost:2379', 2379);
  const peers = etcdBinds(
    flag(args, 'listen-peer-urls', env.ETCD_LISTEN_PEER_URLS) ?? 'http://localhost:2380',
    2380,
  );
  const srv = server('etcd', clients[0]?.port ?? 2379);
  srv.phase = 'initializing';
  srv.binds = [...peers, ...clients.filter((c) => !peers.some((p) => p.port === c.port))];
  srv.grpc = { ports: clients.map((c) => c.port), service: '' };
  const dataDir = flag(args, 'data-dir', env.ETCD_DATA_DIR);
  return {
    prog: srv,
    lines: (sys) => [
      running(sys),
      ...(dataDir
        ? []
        : [
            zap(sys, 'warn', 'etcdmain/etcd.go:104', "'data-dir' was empty; using default", {
              'data-dir': 'default.etcd',
            }),
          ]),
    ],
  };
}

/** How long the server initializes before it binds (etcd), else undefined. */
export function grpcInitMs(srv: ServerProgram): number | undefined {
  return srv.server === 'etcd' ? ETCD_READY_MS : undefined;
}

/** What the server prints once it listens. */
export function grpcStartLines(sys: PodSystem, srv: ServerProgram): GrpcLine[] {
  if (srv.server === 'agnhost-grpc') {
    const http = srv.binds?.[0]?.port ?? 8080;
    return [
      goLog(sys, `Http server starting to listen on :${http}`),
      goLog(sys, `gRPC server starting to listen on :${srv.port}`),
    ];
  }
  if (srv.server !== 'etcd') return [];
  const out: GrpcLine[] = [];
  for (const b of srv.binds ?? []) {
    if (!srv.grpc?.ports.includes(b.port)) continue;
    out.push(zap(sys, 'info', 'embed/serve.go:98', 'ready to serve client requests'));
    out.push(
      zap(
        sys,
        'info',
        'embed/serve.go:140',
        'serving client traffic insecurely; this is strongly discouraged!',
        {
          address: b.loopback ? `127.0.0.1:${b.port}` : `[::]:${b.port}`,
        },
      ),
    );
  }
  return out;
}

/** Why the bind failed, as the program prints it (then it exits 1). */
export function grpcBindFailed(sys: PodSystem, srv: ServerProgram, port: number): GrpcLine[] {
  const b = srv.binds?.find((x) => x.port === port);
  const addr = `${b?.loopback ? '127.0.0.1' : '0.0.0.0'}:${port}`;
  if (srv.server === 'etcd')
    return [
      zap(sys, 'fatal', 'etcdmain/etcd.go:203', 'discovery failed', {
        error: `listen tcp ${addr}: bind: address already in use`,
      }),
    ];
  const err = `listen tcp :${port}: bind: address already in use`;
  return [
    goLog(sys, port === srv.port ? `Error while starting the listening service ${err}` : err),
  ];
}

/**
 * What a stop signal does: etcd handles SIGTERM/SIGINT (logs, stops, and as
 * PID 1 exits 0, else re-raises it); agnhost is a plain Go program (the
 * runtime's default: as PID 1 it exits 2, else the signal kills it).
 */
export function grpcSignal(
  sys: PodSystem,
  srv: ServerProgram,
  sig: string,
): { lines: GrpcLine[]; pid1Code: number } | undefined {
  if (srv.server === 'etcd' && (sig === 'SIGTERM' || sig === 'SIGINT'))
    return {
      lines: [
        zap(sys, 'info', 'osutil/interrupt_unix.go:64', 'received signal; shutting down', {
          signal: sig === 'SIGTERM' ? 'terminated' : 'interrupt',
        }),
      ],
      pid1Code: 0,
    };
  if (sig === 'SIGTERM' || sig === 'SIGINT' || sig === 'SIGQUIT') return { lines: [], pid1Code: 2 };
  return undefined;
}

/** An HTTP GET to one of the server's ports (etcd's `/health`, agnhost's switches). */
export function grpcHttp(
  sys: PodSystem,
  srv: ServerProgram,
  port: number,
  path: string,
  image: string,
): { kind: 'response'; status: number; body: string } | { kind: 'empty-reply' } {
  const clean = path.split('?')[0]!;
  const notFound = { kind: 'response' as const, status: 404, body: '404 page not found\n' };
  if (srv.server === 'etcd') {
    if (!srv.grpc?.ports.includes(port)) return notFound;
    if (clean === '/health')
      return { kind: 'response', status: 200, body: '{"health":"true","reason":""}' };
    if (clean === '/version') {
      const v = /:(\d+\.\d+\.\d+)/.exec(image)?.[1] ?? '3.5.1';
      const cluster = v.replace(/\.\d+$/, '.0');
      return {
        kind: 'response',
        status: 200,
        body: `{"etcdserver":"${v}","etcdcluster":"${cluster}"}`,
      };
    }
    return notFound;
  }
  // agnhost: its gRPC port does not speak HTTP/1.1 (Podscope answers EOF).
  if (srv.grpc?.ports.includes(port)) return { kind: 'empty-reply' };
  const since = `${(sys.nowMs - (srv.boundAtMs ?? sys.nowMs)) / 1000}s`;
  if (clean === '/make-not-serving' || clean === '/make-serving') {
    if (srv.grpc) srv.grpc.forced = clean === '/make-not-serving';
    return { kind: 'response', status: 200, body: since };
  }
  return notFound;
}

export type GrpcAnswer =
  /** Refused, or not an HTTP/2 server: the kubelet's blocking dial runs into its timeout. */
  | { kind: 'no-connection' }
  /** A gRPC server without the health service (codes.Unimplemented). */
  | { kind: 'unimplemented'; message: string }
  /** Any other RPC error, e.g. NotFound `unknown service`. */
  | { kind: 'rpc-error'; code: string; message: string }
  | { kind: 'status'; status: 'SERVING' | 'NOT_SERVING' };

/** A `grpc.health.v1.Health/Check` for `service` on the pod's `port`, dialled at the pod IP. */
export function grpcHealth(sys: PodSystem, port: number, service: string): GrpcAnswer {
  const l = listenerOn(sys, port, 'pod-ip');
  const proc = l ? procById(sys, l.proc) : undefined;
  const srv = proc?.prog.kind === 'server' ? proc.prog : undefined;
  const g = srv?.grpc;
  if (!srv || !g || !g.ports.includes(port) || srv.phase !== 'serving')
    return { kind: 'no-connection' };
  srv.requests++;
  // grpc-go's health server and agnhost answer an unregistered name alike.
  if (service !== g.service)
    return { kind: 'rpc-error', code: 'NotFound', message: 'unknown service' };
  const age = sys.nowMs - (srv.boundAtMs ?? sys.nowMs);
  const unhealthy =
    g.forced === true || (g.unhealthyAfterMs !== undefined && age >= g.unhealthyAfterMs);
  return { kind: 'status', status: unhealthy ? 'NOT_SERVING' : 'SERVING' };
}
