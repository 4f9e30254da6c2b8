/**
 * Lifecycle hooks (postStart, preStop) run against the container's own run,
 * as the kubelet's handler runner (`pkg/kubelet/lifecycle/handlers.go`) does:
 *
 *  - exec: `RunInContainer` with no timeout; a non-zero exit is cri-client's
 *    `command '<argv joined>' exited with <code>: <stderr>`; a command the
 *    image lacks fails the CRI exec itself;
 *  - httpGet: one GET to the pod IP; only a transport error fails it (the
 *    status code is not looked at);
 *  - sleep: waits its seconds.
 *
 * The simulation words the kubelet's message from `error` and `output`
 * (`Exec lifecycle hook ([…]) for Container "c" in Pod "p_ns(uid)" failed -
 * error: …, message: "…"`): see `hookFailureMessage`.
 */
import type { Container, LifecycleHandler } from 'kubernetes-types/core/v1';
import {
  KUBE_LIFECYCLE_AGENT,
  advance,
  execOutput,
  execResolves,
  execStderr,
  nextWakeMs,
  probeHttp,
  startExec,
  takeOccurrences,
} from '../../behaviour/index.ts';
import type { Occurrence } from '../../behaviour/index.ts';
import type { BehaviourContext, HookOutcome } from '../behaviour.ts';
import { STOP_PROBE_MS, busyCapMs, isolate, runTo } from '../isolate.ts';
import { execStartError, goQuote, portOf } from './answer.ts';

/** A hook still running after this long is taken as hung (the kubelet has no timeout). */
export const HOOK_CAP_MS = 600_000;

export function hook(
  handler: LifecycleHandler,
  which: 'postStart' | 'preStop',
  ctx: BehaviourContext,
): HookOutcome {
  const sleep = (handler as { sleep?: { seconds?: number } }).sleep;
  if (sleep) return { durationMs: (sleep.seconds ?? 0) * 1000, ok: true, kind: 'sleep' };
  const c: Container = ctx.container ?? {
    name: 'hook',
    image: 'busybox',
    command: ['sleep', 'infinity'],
  };
  const iso = isolate(c, ctx, false);
  if (!iso.start.ok) return { durationMs: 5, ok: false };
  const t0 = which === 'postStart' ? 0 : (ctx.elapsedMs ?? STOP_PROBE_MS);
  runTo(iso, iso.offset + t0);
  const now = iso.sys.nowMs;
  const ip = ctx.podIp ?? '127.0.0.1';
  if (handler.httpGet) {
    const port = portOf(handler.httpGet.port, c);
    const raw = handler.httpGet.path ?? '';
    const path = raw.startsWith('/') ? raw : `/${raw}`;
    const r = probeHttp(
      iso.sys,
      port,
      path,
      { nowMs: now, cluster: iso.cluster },
      KUBE_LIFECYCLE_AGENT,
    );
    if ('status' in r) return { durationMs: 15, ok: true, kind: 'httpGet' };
    const error = r.error.startsWith('Get "')
      ? r.error
      : `Get "http://${ip}:${port}${path}": ${r.error}`;
    return { durationMs: 15, ok: false, kind: 'httpGet', error };
  }
  const argv = handler.exec?.command;
  if (!argv) return { durationMs: 15, ok: true };
  if (ctx.container && !execResolves(iso.sys, c.name, argv[0] ?? ''))
    return {
      durationMs: 5,
      ok: false,
      kind: 'exec',
      error: execStartError(argv, `${c.name}\u0000${which}\u0000${now}`),
      output: '',
    };
  const r = startExec(iso.sys, c.name, argv, { nowMs: now, cluster: iso.cluster });
  if ('error' in r) return { durationMs: 5, ok: false, kind: 'exec', error: r.error, output: '' };
  let done: Extract<Occurrence, { kind: 'exec-exit' }> | undefined;
  const grab = (occ: Occurrence[]) => {
    for (const o of occ) if (o.kind === 'exec-exit' && o.execId === r.execId) done = o;
  };
  grab(takeOccurrences(iso.sys));
  for (let guard = 0; !done && guard < 1_000_000; guard++) {
    const next = nextWakeMs(iso.sys);
    const cap = busyCapMs(iso.sys);
    if (next === null || next > now + HOOK_CAP_MS || (cap !== undefined && next > cap)) break;
    grab(advance(iso.sys, next, { nowMs: next, cluster: iso.cluster }));
  }
  if (!done) return { durationMs: HOOK_CAP_MS, ok: false, kind: 'exec' };
  // Without its container the hook ran in a stand-in (busybox): its timing
  // is read, but a failure may only mean the stand-in lacks a program.
  const ok = done.exitCode === 0 || !ctx.container;
  const durationMs = Math.max(5, done.atMs - now);
  if (ok) return { durationMs, ok, kind: 'exec' };
  return {
    durationMs,
    ok,
    kind: 'exec',
    error: execExitError(argv, done.exitCode, execStderr(iso.sys, r.execId)),
    output: execOutput(iso.sys, r.execId),
  };
}

/** cri-client's error for a non-zero exit: `command 'sh -c exit 3' exited with 3: <stderr>`. */
export function execExitError(argv: string[], code: number, stderr: string): string {
  return `command '${argv.join(' ')}' exited with ${code}: ${stderr}`;
}

/** Go's %v of a []string: `[sh -c echo hi]`. */
function goList(xs: string[]): string {
  return `[${xs.join(' ')}]`;
}

/**
 * The handler runner's message for a failed hook (`handlers.go` `Run`), the
 * message of the container's `PostStartHookError` waiting state. `podFull`
 * is `format.Pod`: `name_namespace(uid)`.
 */
export function hookFailureMessage(
  handler: LifecycleHandler,
  container: string,
  podFull: string,
  out: HookOutcome,
): string {
  const error = out.error ?? 'unknown error';
  const where = `for Container ${goQuote(container)} in Pod ${goQuote(podFull)} failed - error: ${error}`;
  if (handler.httpGet) return `HTTP lifecycle hook (${handler.httpGet.path ?? ''}) ${where}`;
  const sleep = (handler as { sleep?: { seconds?: number } }).sleep;
  if (sleep) return `Sleep lifecycle hook (${sleep.seconds ?? 0}) ${where}`;
  return `Exec lifecycle hook (${goList(handler.exec?.command ?? [])}) ${where}, message: ${goQuote(out.output ?? '')}`;
}
