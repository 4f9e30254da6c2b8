/**
 * The adapter API the simulation drives. A `PodSystem` is plain data; every
 * function here takes it (and a `BehaviourCtx` with the simulated time and
 * the cluster lookup) and returns what happened as `Occurrence`s:
 * container exits, finished exec sessions, the sandbox's death.
 *
 *   const sys = createPodSystem(pod, { podIP: '10.244.0.5' }, ctx);
 *   startSandbox(sys, 0, '10.244.0.5', ctx);
 *   startContainer(sys, 'app', ctx);              // → { ok: true } or a start error
 *   advance(sys, t, ctx);                          // run processes up to t → occurrences
 *   nextWakeMs(sys);                               // when to call advance next (or null)
 *   signalContainer(sys, 'app', undefined, ctx);   // the stop signal (image STOPSIGNAL / lifecycle.stopSignal)
 *   killContainer(sys, 'app', ctx);                // SIGKILL at the end of the grace period → exit 137
 *   startExec(sys, 'app', argv, ctx);              // exec probe / hook → 'exec-exit' occurrence later
 */
import { hasExecutable } from './executables.ts';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { buildEnv, combineCommand, expandK8s } from './command.ts';
import { isPauseImage, resolveImage } from './images.ts';
import { containerLogs as logsOf } from './logs.ts';
import type { LogsOptions } from './logs.ts';
import { currentInstance, listenerOn, podHostname, procById } from './namespaces.ts';
import { grpcHealth } from './grpc.ts';
import type { GrpcAnswer } from './grpc.ts';
import { exitProc, httpLocal, nextWake, runUntil, signalProc, spawn } from './process.ts';
import { newShell } from './shell/interpret.ts';
import type { Node } from './shell/parse.ts';
import type {
  BehaviourCtx,
  ContainerDef,
  ContainerInstance,
  ContainerKind,
  Occurrence,
  PodSystem,
  Signal,
} from './types.ts';
import { SIGNAL_NUMBERS } from './types.ts';
import { createVolumes } from './volumes.ts';

/** t = 0 on the wall clock (the simulation's epoch, 2025-01-01T00:00:00Z). */
export const DEFAULT_EPOCH_MS = Date.UTC(2025, 0, 1, 0, 0, 0);

export interface PodSystemOptions {
  podIP?: string;
  nodeName?: string;
  epochMs?: number;
  uid?: string;
}

function toDef(c: Container, kind: ContainerKind): ContainerDef {
  const lc = c.lifecycle as { stopSignal?: string } | undefined;
  const stop =
    lc?.stopSignal && lc.stopSignal in SIGNAL_NUMBERS ? (lc.stopSignal as Signal) : undefined;
  return {
    name: c.name,
    kind,
    image: c.image ?? '',
    command: c.command,
    args: c.args,
    env: (c.env ?? []).map((e) => ({ name: e.name, value: e.value, valueFrom: e.valueFrom })),
    envFrom: (c.envFrom ?? []).map((e) => ({
      prefix: e.prefix,
      configMapRef: e.configMapRef?.name ? { name: e.configMapRef.name } : undefined,
      secretRef: e.secretRef?.name ? { name: e.secretRef.name } : undefined,
    })),
    mounts: (c.volumeMounts ?? []).map((m) => ({
      volume: m.name,
      mountPath: m.mountPath,
      readOnly: m.readOnly === true,
      subPath: m.subPath || undefined,
    })),
    ports: (c.ports ?? []).map((p) => ({
      container: c.name,
      containerPort: p.containerPort,
      hostPort: p.hostPort,
      protocol: p.protocol ?? 'TCP',
      name: p.name,
    })),
    stdin: c.stdin === true,
    tty: c.tty === true,
    stopSignal: stop,
  };
}

/** Builds the pod's system: container definitions, volumes (emptyDir empty), no processes yet. */
export function createPodSystem(pod: Pod, opts: PodSystemOptions, ctx: BehaviourCtx): PodSystem {
  const spec = pod.spec ?? { containers: [] };
  const meta = pod.metadata ?? {};
  const podName = meta.name ?? 'pod';
  const namespace = meta.namespace ?? 'default';
  const defs: ContainerDef[] = [
    ...(spec.initContainers ?? []).map((c) =>
      toDef(c, (c as { restartPolicy?: string }).restartPolicy === 'Always' ? 'sidecar' : 'init'),
    ),
    ...(spec.containers ?? []).map((c) => toDef(c, 'regular')),
    ...((spec.ephemeralContainers ?? []) as Container[]).map((c) => toDef(c, 'ephemeral')),
  ];
  const sys: PodSystem = {
    version: 1,
    podName,
    namespace,
    uid: opts.uid ?? meta.uid ?? '00000000-0000-4000-8000-000000000000',
    hostname: spec.hostNetwork
      ? (opts.nodeName ?? spec.nodeName ?? 'node-1')
      : podHostname(podName, spec.hostname),
    subdomain: spec.subdomain ?? null,
    nodeName: opts.nodeName ?? spec.nodeName ?? 'node-1',
    podIP: opts.podIP ?? '10.244.0.5',
    hostNetwork: spec.hostNetwork === true,
    shareProcessNamespace: spec.shareProcessNamespace === true,
    enableServiceLinks: spec.enableServiceLinks !== false,
    serviceAccountName: spec.serviceAccountName ?? 'default',
    labels: { ...(meta.labels ?? {}) },
    annotations: { ...(meta.annotations ?? {}) },
    epochMs: opts.epochMs ?? DEFAULT_EPOCH_MS,
    nowMs: ctx.nowMs,
    sandbox: { attempt: -1, alive: false, pauseProc: null },
    defs,
    instances: [],
    procs: [],
    nextProcId: 1,
    nextPodPid: 1,
    listeners: [],
    connections: [],
    ipc: [],
    nextIpcId: 0,
    volumes: {},
    notices: [],
    procEvents: [],
    execs: [],
    nextExecId: 1,
    outbox: [],
    serviceLookups: 0,
  };
  sys.volumes = createVolumes(
    spec.volumes ?? [],
    sys,
    ctx,
    spec.automountServiceAccountToken !== false,
  );
  if (spec.automountServiceAccountToken !== false) {
    for (const d of defs) {
      if (!d.mounts.some((m) => m.mountPath === '/var/run/secrets/kubernetes.io/serviceaccount')) {
        d.mounts.push({
          volume: 'kube-api-access',
          mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
          readOnly: true,
        });
      }
    }
  }
  return sys;
}

function drain(sys: PodSystem): Occurrence[] {
  const out = sys.outbox;
  sys.outbox = [];
  return out;
}

function setNow(sys: PodSystem, ctx: BehaviourCtx): void {
  if (ctx.nowMs > sys.nowMs) runUntil(sys, ctx.nowMs, ctx);
}

/**
 * Creates the sandbox (the pause container): a new network namespace (the
 * pod IP), IPC namespace (System V objects start empty) and, with
 * shareProcessNamespace, the pod's PID namespace with `/pause` as PID 1.
 * Volumes are untouched: an emptyDir outlives a sandbox.
 */
export function startSandbox(
  sys: PodSystem,
  attempt: number,
  podIP: string | undefined,
  ctx: BehaviourCtx,
): Occurrence[] {
  setNow(sys, ctx);
  if (sys.sandbox.alive) stopSandbox(sys, ctx);
  sys.sandbox = { attempt, alive: true, pauseProc: null };
  if (podIP) sys.podIP = podIP;
  sys.ipc = [];
  sys.listeners = [];
  sys.nextPodPid = 1;
  const pause = spawn(sys, null, null, ['/pause'], { kind: 'pause' }, null);
  sys.sandbox.pauseProc = pause.id;
  return drain(sys);
}

/** The pause container dies (fault `kill-sandbox`, or the sandbox is torn down). */
export function stopSandbox(sys: PodSystem, ctx: BehaviourCtx): Occurrence[] {
  setNow(sys, ctx);
  const pause = procById(sys, sys.sandbox.pauseProc);
  if (pause) exitProc(sys, pause, 137, 'SIGKILL');
  sys.sandbox.alive = false;
  sys.ipc = [];
  return drain(sys);
}

export type StartResult =
  | { ok: true; instance: number; argv: string[]; note: string; assumedImage: boolean }
  | {
      ok: false;
      reason: 'StartError' | 'CreateContainerConfigError';
      exitCode: number;
      message: string;
    };

/** Starts a new instance of container `name` (the runtime's create + start). */
export function startContainer(sys: PodSystem, name: string, ctx: BehaviourCtx): StartResult {
  setNow(sys, ctx);
  const def = sys.defs.find((d) => d.name === name);
  if (!def) throw new Error(`unknown container "${name}" in pod "${sys.podName}"`);
  const prev = currentInstance(sys, name);
  if (prev && prev.finishedAtMs === null) throw new Error(`container "${name}" is still running`);
  const image = resolveImage(def.image);
  const envr = buildEnv(sys, def, image, ctx);
  if (envr.configError) {
    return {
      ok: false,
      reason: 'CreateContainerConfigError',
      exitCode: 0,
      message: envr.configError,
    };
  }
  const argv = combineCommand(def, image).map((a) => expandK8s(a, envr.vars));
  const inst: ContainerInstance = {
    name,
    kind: def.kind,
    instance: prev ? prev.instance + 1 : 0,
    sandbox: sys.sandbox.attempt,
    startedAtMs: sys.nowMs,
    finishedAtMs: null,
    exitCode: null,
    signal: null,
    image: def.image,
    argv,
    env: envr.env,
    mounts: def.mounts,
    rootfs: {},
    deleted: [],
    stopSignal:
      def.stopSignal ??
      ((image.stopSignal in SIGNAL_NUMBERS ? image.stopSignal : 'SIGTERM') as Signal),
    userland: image.userland,
    missing: image.missing,
    imageFiles: image.files,
    main: -1,
    nextPid: 1,
    logs: [],
    droppedLogLines: 0,
    note: image.summary,
    assumedImage: image.assumed,
    startError: null,
  };
  for (const n of envr.notes) {
    sys.notices.push({
      atMs: sys.nowMs,
      container: name,
      code: 'assumed-behaviour',
      subject: n.split(':')[0]!,
      fallback: n.split(': ').slice(1).join(': '),
      message: n,
    });
  }
  if (image.assumed) {
    sys.notices.push({
      atMs: sys.nowMs,
      container: name,
      code: 'assumed-image',
      subject: `image ${def.image}`,
      fallback: 'unknown to Podscope: assumed to run until stopped',
      message: `assumed image ${def.image}: unknown to Podscope, assumed to run until stopped`,
    });
  } else if (image.matchNote) {
    sys.notices.push({
      atMs: sys.nowMs,
      container: name,
      code: 'assumed-image',
      subject: `image ${def.image}`,
      fallback: image.matchNote,
      message: image.matchNote,
    });
  }
  const first = argv[0] ?? '';
  if (argv.length === 0 || !hasExecutable(sys, inst, first)) {
    const message =
      argv.length === 0
        ? 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: no command specified'
        : `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${first}": ${first.includes('/') ? `stat ${first}: no such file or directory` : 'executable file not found in $PATH'}`;
    if (argv.length === 0 && image.assumed) {
      // Unknown image, no command: its own entrypoint runs until stopped (assumed).
    } else {
      inst.startError = message;
      inst.finishedAtMs = sys.nowMs;
      inst.exitCode = 128;
      sys.instances.push(inst);
      return { ok: false, reason: 'StartError', exitCode: 128, message };
    }
  }
  sys.instances.push(inst);
  // The runtime execs argv directly: a one-command "program" whose words are literal.
  const nodes: Node[] = [
    {
      t: 'cmd',
      assigns: [],
      words: argv.map((a) => [{ k: 'lit', v: a, q: true }]),
      redirs: [],
      src: argv.join(' '),
    },
  ];
  const prog =
    argv.length === 0
      ? ({ kind: 'idle', termCode: null } as const)
      : newShell({
          nodes,
          frames: [{ n: 0, pc: 0, i: 0 }],
          vars: { ...envr.env },
          direct: true,
          execLast: true,
        });
  const main = spawn(
    sys,
    inst,
    null,
    argv.length ? argv : [`(${def.image} entrypoint)`],
    prog,
    argv.length ? sys.nowMs : null,
  );
  inst.main = main.id;
  // Run what happens at the start instant (prints, binds, an immediate exit).
  runUntil(sys, sys.nowMs, ctx);
  return {
    ok: true,
    instance: inst.instance,
    argv,
    note: image.summary,
    assumedImage: image.assumed,
  };
}

/** Runs every process up to `untilMs`. */
export function advance(sys: PodSystem, untilMs: number, ctx: BehaviourCtx): Occurrence[] {
  runUntil(sys, Math.max(untilMs, sys.nowMs), { ...ctx, nowMs: untilMs });
  return drain(sys);
}

/** The next instant a process needs time (a sleep ending, a server becoming ready), or null. */
export function nextWakeMs(sys: PodSystem): number | null {
  return nextWake(sys);
}

/** Occurrences produced by calls that return nothing else (e.g. startContainer). */
export function takeOccurrences(sys: PodSystem): Occurrence[] {
  return drain(sys);
}

function mainProc(sys: PodSystem, name: string) {
  const inst = currentInstance(sys, name);
  if (!inst || inst.finishedAtMs !== null) return undefined;
  return procById(sys, inst.main);
}

/** The signal the runtime sends first: `lifecycle.stopSignal`, else the image's STOPSIGNAL, else SIGTERM. */
export function stopSignalOf(sys: PodSystem, name: string): Signal {
  const def = sys.defs.find((d) => d.name === name);
  if (def?.stopSignal) return def.stopSignal;
  const inst = currentInstance(sys, name);
  if (inst) return inst.stopSignal;
  const img = resolveImage(def?.image ?? '');
  return (img.stopSignal in SIGNAL_NUMBERS ? img.stopSignal : 'SIGTERM') as Signal;
}

/** Sends `signal` (default: the stop signal) to the container's main process. */
export function signalContainer(
  sys: PodSystem,
  name: string,
  signal: Signal | undefined,
  ctx: BehaviourCtx,
): Occurrence[] {
  setNow(sys, ctx);
  const main = mainProc(sys, name);
  if (main) {
    signalProc(sys, main, signal ?? stopSignalOf(sys, name));
    runUntil(sys, sys.nowMs, ctx);
  }
  return drain(sys);
}

/** SIGKILL to every process of the container (exit 137). */
export function killContainer(
  sys: PodSystem,
  name: string,
  ctx: BehaviourCtx,
  exitCode = 137,
): Occurrence[] {
  setNow(sys, ctx);
  const main = mainProc(sys, name);
  if (main) exitProc(sys, main, exitCode, exitCode === 137 ? 'SIGKILL' : null);
  return drain(sys);
}

export function isContainerRunning(sys: PodSystem, name: string): boolean {
  return mainProc(sys, name) !== undefined;
}

/** Starts `argv` inside container `name` (an exec probe or hook). Its output is captured, not logged. */
export function startExec(
  sys: PodSystem,
  name: string,
  argv: string[],
  ctx: BehaviourCtx,
): { execId: number } | { error: string } {
  setNow(sys, ctx);
  const inst = currentInstance(sys, name);
  const main = mainProc(sys, name);
  if (!inst || !main) return { error: `container "${name}" is not running` };
  const id = sys.nextExecId++;
  const nodes: Node[] = [
    {
      t: 'cmd',
      assigns: [],
      words: argv.map((a) => [{ k: 'lit', v: a, q: true }]),
      redirs: [],
      src: argv.join(' '),
    },
  ];
  const prog = newShell({
    nodes,
    frames: [{ n: 0, pc: 0, i: 0 }],
    vars: { ...inst.env },
    direct: true,
    execLast: true,
    execId: id,
  });
  const proc = spawn(sys, inst, null, argv, prog, sys.nowMs);
  sys.execs.push({ id, container: name, proc: proc.id, done: false, exitCode: null, output: '' });
  if (sys.execs.length > 200) sys.execs.splice(0, sys.execs.length - 200);
  runUntil(sys, sys.nowMs, ctx);
  return { execId: id };
}

/** Runs an exec to completion if it finishes at once (the usual `cat /tmp/healthy`). */
export function runExec(
  sys: PodSystem,
  name: string,
  argv: string[],
  ctx: BehaviourCtx,
): { exitCode: number; output: string } | { running: number } | { error: string } {
  const r = startExec(sys, name, argv, ctx);
  if ('error' in r) return r;
  const ex = sys.execs.find((e) => e.id === r.execId)!;
  if (ex.done) {
    sys.outbox = sys.outbox.filter((o) => !(o.kind === 'exec-exit' && o.execId === r.execId));
    return { exitCode: ex.exitCode ?? 0, output: execOutput(sys, r.execId) };
  }
  return { running: r.execId };
}

/**
 * An exec session's output as the CRI's ExecSync returns it to the kubelet:
 * stdout, then stderr appended (`RunInContainer`), not interleaved.
 */
export function execOutput(sys: PodSystem, execId: number): string {
  const ex = sys.execs.find((e) => e.id === execId);
  return ex ? (ex.stdout ?? '') + (ex.stderr ?? '') : '';
}

/** An exec session's stderr (cri-client puts it in the exit error: `… exited with 3: <stderr>`). */
export function execStderr(sys: PodSystem, execId: number): string {
  return sys.execs.find((e) => e.id === execId)?.stderr ?? '';
}

/** Can the runtime exec `cmd` in container `name` (is it in the image, on its $PATH)? */
export function execResolves(sys: PodSystem, name: string, cmd: string): boolean {
  const inst = currentInstance(sys, name);
  return !inst || hasExecutable(sys, inst, cmd);
}

/** Stops an exec session that outlived its timeout (the kubelet abandons it). */
export function cancelExec(sys: PodSystem, execId: number, ctx: BehaviourCtx): Occurrence[] {
  setNow(sys, ctx);
  const ex = sys.execs.find((e) => e.id === execId);
  const p = ex ? procById(sys, ex.proc) : undefined;
  if (p) exitProc(sys, p, 137, 'SIGKILL');
  return drain(sys);
}

/** A TCP probe: does something accept on `port` at the pod IP (not on 127.0.0.1 only)? */
export function probeTcp(sys: PodSystem, port: number): boolean {
  return listenerOn(sys, port, 'pod-ip') !== undefined;
}

/** The kubelet's User-Agents (`kube-<probe|lifecycle>/<major>.<minor>`, the node's kubelet v1.35). */
export const KUBE_PROBE_AGENT = 'kube-probe/1.35';
export const KUBE_LIFECYCLE_AGENT = 'kube-lifecycle/1.35';

/** A gRPC health check (`grpc.health.v1.Health/Check`) against the pod IP. */
export function probeGrpc(
  sys: PodSystem,
  port: number,
  service: string,
  ctx: BehaviourCtx,
): GrpcAnswer {
  setNow(sys, ctx);
  return grpcHealth(sys, port, service);
}

/** An HTTP GET probe against the pod IP (servers log the kubelet's access line). */
export function probeHttp(
  sys: PodSystem,
  port: number,
  path: string,
  ctx: BehaviourCtx,
  agent = KUBE_PROBE_AGENT,
): { status: number } | { error: string } {
  setNow(sys, ctx);
  const r = httpLocal(sys, 'kubelet', port, path, agent, 'pod-ip');
  if (r.kind === 'refused')
    return { error: `dial tcp ${sys.podIP}:${port}: connect: connection refused` };
  if (r.kind === 'empty-reply') return { error: `Get "http://${sys.podIP}:${port}${path}": EOF` };
  return { status: r.status };
}

/** `kubectl logs` for the current (or previous) instance. */
export function containerLogs(sys: PodSystem, name: string, opts: LogsOptions = {}): string[] {
  return logsOf(sys, name, opts);
}

/** Is this image the pod's infra container? (the runtime pulls it; the kubelet never shows it) */
export { isPauseImage };
