/**
 * One probe attempt, answered by the container's own run (its isolated system
 * at the instant of the attempt), worded as the kubelet words it:
 *
 *  - exec: `pkg/probe/exec/exec.go` — the command's combined output; a
 *    timeout is cri-client's `command timed out: "<cmd>" timed out after <d>`;
 *    a command the image lacks makes the CRI exec itself fail, and the prober
 *    reports the probe *errored* (the worker throws that result away);
 *  - httpGet: `pkg/probe/http/http.go` — 200–399 succeed, else
 *    `HTTP probe failed with statuscode: <code>`; transport errors are Go's
 *    `url.Error` (`Get "http://…": dial tcp …: connect: connection refused`);
 *  - tcpSocket: `pkg/probe/tcp/tcp.go` — Go's dial error;
 *  - grpc: `pkg/probe/grpc/grpc.go` — a blocking dial within the timeout,
 *    then `grpc.health.v1.Health/Check` for `service`.
 */
import type { Container, Probe } from 'kubernetes-types/core/v1';
import {
  advance,
  cancelExec,
  execOutput,
  execResolves,
  nextWakeMs,
  probeGrpc,
  probeHttp,
  probeTcp,
  runExec,
} from '../../behaviour/index.ts';
import type { GrpcAnswer, Occurrence } from '../../behaviour/index.ts';
import type { BehaviourContext, ProbeOutcome } from '../behaviour.ts';
import { goDuration } from '../format.ts';
import { systemAt } from '../isolate.ts';
import type { Isolated } from '../isolate.ts';
import { hashString } from '../rng.ts';

/** The probe's timeout (`timeoutSeconds`, default 1, at least 1). */
export function probeTimeoutMs(p: Probe): number {
  return Math.max(1, p.timeoutSeconds ?? 1) * 1000;
}

/** What the `probe-failure` fault answers instead of the program. */
export function faultOutput(p: Probe, ip: string | undefined): string {
  if (p.httpGet) return 'HTTP probe failed with statuscode: 500';
  if (p.tcpSocket)
    return `dial tcp ${ip ?? '127.0.0.1'}:${String(p.tcpSocket.port)}: connect: connection refused`;
  if (p.grpc) return 'service unhealthy (responded with "NOT_SERVING")';
  return '';
}

/** A named port resolves through the container's `ports[].name` (`probe.ResolveContainerPort`). */
export function portOf(port: number | string | undefined, c: Container): number {
  if (typeof port === 'number') return port;
  const named = c.ports?.find((p) => p.name === port);
  return named?.containerPort ?? (Number(port) || 80);
}

/** Go's %q for a plain string (strconv.Quote: \a \b \f \n \r \t \v, other controls as \xNN). */
export function goQuote(s: string): string {
  const esc: Record<string, string> = {
    '\u0007': '\\a',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\u000b': '\\v',
    '"': '\\"',
    '\\': '\\\\',
  };
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (esc[ch]) out += esc[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** containerd's exec ID: 64 hex digits (made up from the instant and the command, deterministically). */
export function execId(seed: string): string {
  let out = '';
  let h = hashString(seed);
  while (out.length < 64) {
    h = hashString(`${h.toString(36)}\u0000${seed}\u0000${out.length}`);
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

/**
 * The CRI error when an exec cannot start its command (containerd + runc):
 * `rpc error: code = Unknown desc = failed to exec in container: …`.
 */
export function execStartError(argv: string[], seed: string): string {
  const first = argv[0] ?? '';
  const why = first.includes('/')
    ? `stat ${first}: no such file or directory`
    : 'executable file not found in $PATH';
  return `rpc error: code = Unknown desc = failed to exec in container: failed to start exec "${execId(seed)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${first}": ${why}: unknown`;
}

/** The exec prober keeps 10 KiB of output (`maxReadLength`); the final newline is not shown. */
function limit(output: string): string {
  return output.slice(0, 10 * 1024).replace(/\n$/, '');
}

/**
 * An exec probe: the command runs in the container (its files, volumes,
 * environment and processes) for at most `timeoutSeconds`. Exit 0 is
 * success; the output is the message. One that outlives the timeout is
 * abandoned: `command timed out: "<argv joined by spaces>" timed out after 1s`.
 */
function execProbe(iso: Isolated, name: string, argv: string[], p: Probe): ProbeOutcome {
  const t0 = iso.sys.nowMs;
  const timeoutMs = probeTimeoutMs(p);
  if (!execResolves(iso.sys, name, argv[0] ?? ''))
    return {
      ok: false,
      errored: 'unknown',
      output: execStartError(argv, `${name}\u0000${t0}\u0000${argv.join(' ')}`),
    };
  const r = runExec(iso.sys, name, argv, { nowMs: t0, cluster: iso.cluster });
  if ('error' in r) return { ok: false, output: r.error };
  if ('exitCode' in r) return { ok: r.exitCode === 0, output: limit(r.output) };
  let done: Extract<Occurrence, { kind: 'exec-exit' }> | undefined;
  const grab = (occ: Occurrence[]) => {
    for (const o of occ) if (o.kind === 'exec-exit' && o.execId === r.running) done = o;
  };
  for (let guard = 0; !done && guard < 100_000; guard++) {
    const next = nextWakeMs(iso.sys);
    if (next === null || next > t0 + timeoutMs) break;
    grab(advance(iso.sys, next, { nowMs: next, cluster: iso.cluster }));
  }
  if (done) return { ok: done.exitCode === 0, output: limit(execOutput(iso.sys, r.running)) };
  cancelExec(iso.sys, r.running, { nowMs: t0 + timeoutMs, cluster: iso.cluster });
  return {
    ok: false,
    output: `command timed out: ${goQuote(argv.join(' '))} timed out after ${goDuration(timeoutMs)}`,
  };
}

/** The kubelet's gRPC prober output for an answer (`pkg/probe/grpc/grpc.go`). */
export function grpcOutput(
  a: GrpcAnswer,
  ip: string,
  port: number,
  timeoutMs: number,
): ProbeOutcome {
  switch (a.kind) {
    case 'no-connection':
      return {
        ok: false,
        output: `timeout: failed to connect service "${ip}:${port}" within ${goDuration(timeoutMs)}: context deadline exceeded`,
      };
    case 'unimplemented':
      return {
        ok: false,
        output: `error: this server does not implement the grpc health protocol (grpc.health.v1.Health): ${a.message}`,
      };
    case 'rpc-error':
      return {
        ok: false,
        output: `error: health rpc probe failed: rpc error: code = ${a.code} desc = ${a.message}`,
      };
    case 'status':
      return a.status === 'SERVING'
        ? { ok: true, output: 'service healthy' }
        : { ok: false, output: `service unhealthy (responded with "${a.status}")` };
  }
}

/** One probe attempt `ctx.elapsedMs` into the container's run. */
export function probe(
  p: Probe,
  _kind: 'liveness' | 'readiness' | 'startup',
  ctx: BehaviourContext & { container: Container; faulted: boolean },
): ProbeOutcome {
  if (ctx.faulted) return { ok: false, output: faultOutput(p, ctx.podIp) };
  // Without the time since the container started, a probe cannot be read
  // against the container's state: it succeeds (faults make it fail).
  if (ctx.elapsedMs === undefined) return { ok: true, output: '' };
  const iso = systemAt(ctx.container, ctx, ctx.elapsedMs);
  if (iso.exit || !iso.start.ok) return { ok: false, output: 'container is not running' };
  const inst = iso.sys.instances.find((x) => x.name === ctx.container.name)!;
  const now = { nowMs: iso.sys.nowMs, cluster: iso.cluster };
  const ip = ctx.podIp ?? '127.0.0.1';
  if (p.exec?.command) return execProbe(iso, ctx.container.name, p.exec.command, p);
  // An image Podscope does not know is assumed to answer on its ports.
  if (inst.assumedImage) return { ok: true, output: '' };
  if (p.tcpSocket) {
    const port = portOf(p.tcpSocket.port, ctx.container);
    return probeTcp(iso.sys, port)
      ? { ok: true, output: '' }
      : { ok: false, output: `dial tcp ${ip}:${port}: connect: connection refused` };
  }
  if (p.httpGet) {
    const port = portOf(p.httpGet.port, ctx.container);
    const path = p.httpGet.path ?? '/';
    let r = probeHttp(iso.sys, port, path, now);
    // A directory without its slash: the server redirects to `<path>/` on the
    // same host, which the kubelet's client follows (only non-local ones stop).
    if ('status' in r && r.status >= 300 && r.status < 400 && !path.endsWith('/'))
      r = probeHttp(iso.sys, port, `${path}/`, now);
    if ('error' in r)
      return {
        ok: false,
        // Go's url.Error: `Get "<url>": <cause>` (probeHttp may have worded it already).
        output: r.error.startsWith('Get "')
          ? r.error
          : `Get "http://${ip}:${port}${path}": ${r.error}`,
      };
    if (r.status >= 300 && r.status < 400)
      return { ok: true, warning: true, output: 'Probe terminated redirects, Response body: ' };
    return r.status >= 200 && r.status < 300
      ? { ok: true, output: '' }
      : { ok: false, output: `HTTP probe failed with statuscode: ${r.status}` };
  }
  if (p.grpc) {
    const port = p.grpc.port;
    const answer = probeGrpc(iso.sys, port, p.grpc.service ?? '', now);
    return grpcOutput(answer, ip, port, probeTimeoutMs(p));
  }
  return { ok: true, output: '' };
}
