/**
 * The runtime view: plain data for drawing one pod — its sandbox, what each
 * container is doing, pull decisions, back-off countdowns, probes, volumes
 * and the shared namespaces.
 */
import type { Container } from 'kubernetes-types/core/v1';
import { servicesFor } from './behaviour.ts';
import type { ContainerBehaviour } from './behaviour.ts';
import type { PodState, SimState } from './state.ts';
import { isSidecar } from './status.ts';
import { volumeFilesAt, volumeLogFor } from './volumeData.ts';
import type {
  ContainerActivity,
  ContainerRuntimeView,
  PodRuntimeView,
  ProbeKind,
  VolumeView,
} from './types.ts';

const PROBE_FIELD = {
  startup: 'startupProbe',
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
} as const;

function volumeType(v: Record<string, unknown>): string {
  return Object.keys(v).find((k) => k !== 'name') ?? 'emptyDir';
}

export function runtimeView(
  p: PodState,
  st: SimState,
  nowMs: number,
  beh: ContainerBehaviour,
  pullDecision: (
    p: PodState,
    c: Container,
  ) => { policy: string; presentOnNode: boolean; willPull: boolean },
): PodRuntimeView {
  const spec = p.api.spec!;
  const sb = p.sandboxes[0];
  const statuses = [
    ...(p.api.status?.initContainerStatuses ?? []),
    ...(p.api.status?.containerStatuses ?? []),
  ];
  const entries: Array<{ c: Container; kind: ContainerRuntimeView['kind']; index: number }> = [
    ...(spec.initContainers ?? []).map((c, index) => ({
      c,
      kind: (isSidecar(c) ? 'sidecar' : 'init') as ContainerRuntimeView['kind'],
      index,
    })),
    ...spec.containers.map((c, index) => ({ c, kind: 'app' as const, index })),
  ];
  const containers = entries.map(({ c, kind, index }): ContainerRuntimeView => {
    const rec = p.containers.find((r) => r.name === c.name);
    const lastExit = p.containers.find((r) => r.name === c.name && r.state === 'exited');
    const status = statuses.find((s) => s.name === c.name);
    const waitingReason = status?.state?.waiting?.reason;
    let activity: ContainerActivity = 'waiting';
    const doing = p.activity[c.name];
    if (doing) activity = doing;
    else if (rec?.state === 'running') activity = rec.stopping ? 'terminating' : 'running';
    else if (rec?.state === 'exited' && !waitingReason) activity = 'exited';
    let backOffUntilMs: number | undefined;
    let backOffMs: number | undefined;
    if (waitingReason === 'CrashLoopBackOff' && lastExit) {
      const e = p.crashBackoff[c.name];
      if (e) {
        backOffMs = e.backoffMs;
        backOffUntilMs = (lastExit.finishedAtMs ?? nowMs) + e.backoffMs;
      }
    } else if (waitingReason === 'ImagePullBackOff' || waitingReason === 'ErrImagePull') {
      const e = p.imageBackoff[c.image ?? ''];
      if (e) {
        backOffMs = e.backoffMs;
        backOffUntilMs = e.lastUpdateMs + e.backoffMs;
      }
    }
    const probeStates = rec?.state === 'running' ? (p.probes[c.name] ?? {}) : {};
    const probes = (['startup', 'liveness', 'readiness'] as ProbeKind[])
      .filter((k) => c[PROBE_FIELD[k]])
      .map((k) => {
        const probe = c[PROBE_FIELD[k]]!;
        const s = probeStates[k];
        return {
          kind: k,
          result:
            s?.result ?? (k === 'readiness' ? 'Failure' : k === 'liveness' ? 'Success' : 'Unknown'),
          failures: s?.failureRun ?? 0,
          failureThreshold: probe.failureThreshold ?? 3,
          periodSeconds: probe.periodSeconds ?? 10,
          faulted: st.probeFaults.some(
            (f) => f.pod === p.name && f.container === c.name && f.probe === k,
          ),
          ...(s?.nextAtMs !== undefined ? { nextAtMs: s.nextAtMs } : {}),
        } as ContainerRuntimeView['probes'][number];
      });
    const d = pullDecision(p, c);
    const view: ContainerRuntimeView = {
      name: c.name,
      kind,
      index,
      image: c.image ?? '',
      state: rec ? rec.state : 'none',
      activity,
      restartCount: rec?.restartCount ?? 0,
      pull: { policy: d.policy, presentOnNode: d.presentOnNode, willPull: d.willPull },
      ready: status?.ready ?? false,
      started: status?.started ?? false,
      probes,
      ports: (c.ports ?? []).map((port) => ({
        containerPort: port.containerPort,
        protocol: port.protocol ?? 'TCP',
        ...(port.name ? { name: port.name } : {}),
        ...(port.hostPort ? { hostPort: port.hostPort } : {}),
      })),
    };
    if (rec) {
      view.id = rec.id;
      view.sandboxId = rec.sandboxId;
    }
    if (rec?.startedAtMs !== undefined) view.startedAtMs = rec.startedAtMs;
    if (rec?.finishedAtMs !== undefined) view.finishedAtMs = rec.finishedAtMs;
    if (lastExit) {
      view.lastExitCode = lastExit.exitCode ?? 0;
      if (lastExit.reason) view.lastExitReason = lastExit.reason;
    }
    if (waitingReason) view.waitingReason = waitingReason;
    if (backOffUntilMs !== undefined) {
      view.backOffUntilMs = backOffUntilMs;
      view.backOffMs = backOffMs;
    }
    view.note = (rec?.program ?? beh.program(c, { podName: p.name })).note;
    if (rec?.state === 'running' && rec.startedAtMs !== undefined && beh.inside) {
      const start = rec.startedAtMs;
      view.inside = beh.inside(c, {
        podName: p.name,
        podIp: sb?.ip,
        podSpec: spec,
        peers: p.containers
          .filter((o) => o !== rec && o.state === 'running' && o.startedAtMs !== undefined)
          .map((o) => ({
            container: entries.find((e) => e.c.name === o.name)!.c,
            sinceMs: o.startedAtMs! - start,
          })),
        services: servicesFor(st, start, p.api.metadata?.namespace),
        volumeLog: volumeLogFor(p, start),
        elapsedMs: nowMs - start,
      });
    }
    return view;
  });

  // An emptyDir is deleted with the pod; until then it holds what was written to it.
  const data = p.deleted ? {} : volumeFilesAt(p, nowMs);
  const volumes: VolumeView[] = (spec.volumes ?? []).map((v) => ({
    name: v.name,
    type: volumeType(v as unknown as Record<string, unknown>),
    files: (data[v.name] ?? []).map((f) => ({
      path: f.path,
      size: f.size,
      preview: f.preview,
      writer: f.writer,
      mtimeMs: f.mtimeMs,
    })),
    mounts: entries.flatMap(({ c }) =>
      (c.volumeMounts ?? [])
        .filter((m) => m.name === v.name)
        .map((m) => ({ container: c.name, mountPath: m.mountPath, readOnly: m.readOnly === true })),
    ),
  }));

  const ip = sb && sb.state === 'SANDBOX_READY' ? sb.ip : undefined;
  return {
    pod: p.name,
    node: p.node,
    phase: p.api.status?.phase ?? 'Pending',
    deleting: p.deletionRequested,
    deleted: p.deleted,
    sandbox: sb
      ? {
          id: sb.id,
          attempt: sb.attempt,
          ip: sb.ip,
          state: sb.state === 'SANDBOX_READY' ? 'ready' : 'notready',
        }
      : null,
    containers,
    probeTicks: (p.probeTicks ?? []).map((t) => ({ ...t })),
    volumes,
    namespaces: {
      network: {
        ...(ip ? { ip } : {}),
        hostNetwork: spec.hostNetwork === true,
        ports: entries.flatMap(({ c }) =>
          (c.ports ?? []).map((port) => ({
            container: c.name,
            port: port.containerPort,
            protocol: port.protocol ?? 'TCP',
          })),
        ),
      },
      uts: { hostname: spec.hostname ?? p.name },
      ipc: { host: spec.hostIPC === true },
      pid: { shared: spec.shareProcessNamespace === true, host: spec.hostPID === true },
    },
  };
}
