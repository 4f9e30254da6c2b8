/**
 * The API status the kubelet writes for a pod (generateAPIPodStatus and
 * convertToAPIContainerStatuses in pkg/kubelet/kubelet_pods.go), built from
 * the runtime's records. Phase and conditions come only from Engine I.
 */
import type {
  Container,
  ContainerState,
  ContainerStatus,
  Pod,
  PodCondition,
  PodStatus,
} from 'kubernetes-types/core/v1';
import { kubeletPodConditions, podScheduledCondition } from '../kubelet/conditions.ts';
import { shouldContainerBeRestarted } from '../kubelet/podActions.ts';
import { getPhase } from '../kubelet/phase.ts';
import type { KContainer, RuntimeView } from '../kubelet/runtimeView.ts';
import { hashString } from './rng.ts';
import { isoAt } from './format.ts';
import type { ContainerRec, NodeState, PodState } from './state.ts';
import { normalizeImage } from './images.ts';

export function isSidecar(c: Container | undefined): boolean {
  return (c as KContainer | undefined)?.restartPolicy === 'Always';
}

/**
 * The runtime's view of a pod as Engine I reads it (sandboxes and containers,
 * newest first). `asLastWritten`: as the status the kubelet last wrote saw it
 * — without a container whose postStart hook is still running (that sync has
 * not returned yet).
 */
export function runtimeViewOf(p: PodState, asLastWritten = false): RuntimeView {
  return {
    sandboxes: p.sandboxes.map((s) => ({
      id: s.id,
      state: s.state,
      attempt: s.attempt,
      ip: s.ip,
      networkNamespaceMode: s.hostNetwork ? 'NODE' : 'POD',
    })),
    containers: (asLastWritten
      ? p.containers.filter((c) => !hiddenFromStatus(c))
      : p.containers
    ).map((c) => ({
      name: c.name,
      id: c.id,
      state: c.state,
      ...(c.state === 'exited' ? { exitCode: c.exitCode ?? 0 } : {}),
    })),
  };
}

/**
 * A record the kubelet's last status does not show yet: created, or started
 * by a sync still blocked in its postStart hook (running, or already dead).
 */
function hiddenFromStatus(r: ContainerRec): boolean {
  return r.state === 'created' || r.postStartUntilMs !== undefined;
}

const imageIds = new Map<string, string>();

function imageId(ref: string): string {
  const known = imageIds.get(ref);
  if (known !== undefined) return known;
  const id = computeImageId(ref);
  if (imageIds.size > 1000) imageIds.clear();
  imageIds.set(ref, id);
  return id;
}

/**
 * The runtime's image ID: `repository@sha256:<64 hex>`. A reference pinned by digest keeps its
 * digest; otherwise the digest is made up, deterministically, from the reference (eight
 * differently salted FNV-1a words, so no pattern repeats).
 */
export function computeImageId(ref: string): string {
  const at = ref.indexOf('@');
  const repo = (at < 0 ? ref : ref.slice(0, at)).replace(/:[^/:]+$/, '');
  const pinned = at < 0 ? undefined : ref.slice(at + 1);
  if (pinned && /^sha256:[0-9a-f]{64}$/.test(pinned)) return `${repo}@${pinned}`;
  let hex = '';
  for (let i = 0; i < 8; i++) hex += hashString(`${i}:${ref}`).toString(16).padStart(8, '0');
  return `${repo}@sha256:${hex}`;
}

const terminatedStates = new WeakMap<
  ContainerRec,
  { finishedAtMs?: number; state: ContainerState }
>();

/** The terminated state of an exited record (immutable once exited, so it is cached). */
function terminatedState(r: ContainerRec): ContainerState {
  const known = terminatedStates.get(r);
  if (known && known.finishedAtMs === r.finishedAtMs) return known.state;
  const state: ContainerState = {
    terminated: {
      exitCode: r.exitCode ?? 0,
      reason: r.reason ?? ((r.exitCode ?? 0) === 0 ? 'Completed' : 'Error'),
      ...(r.message ? { message: r.message } : {}),
      ...(r.startedAtMs !== undefined
        ? { startedAt: isoAt(r.startedAtMs) }
        : r.startFailed
          ? { startedAt: '1970-01-01T00:00:00Z' }
          : {}),
      finishedAt: isoAt(r.finishedAtMs ?? 0),
      containerID: `containerd://${r.id}`,
    },
  };
  terminatedStates.set(r, { finishedAtMs: r.finishedAtMs, state });
  return state;
}

function stateOf(r: ContainerRec): ContainerState {
  switch (r.state) {
    case 'running':
      return { running: { startedAt: isoAt(r.startedAtMs ?? r.createdAtMs) } };
    case 'created':
      return { waiting: {} };
    case 'exited':
      return terminatedState(r);
    default:
      return { waiting: {} };
  }
}

function probeOk(p: PodState, name: string, kind: 'startup' | 'readiness'): boolean | undefined {
  const s = p.probes[name]?.[kind];
  if (!s) return undefined;
  return s.result === 'Success';
}

function containerStatus(
  p: PodState,
  c: Container,
  kind: 'init' | 'sidecar' | 'app',
  hasInit: boolean,
  runtime: RuntimeView,
): ContainerStatus {
  // A record in `created` lives only between CreateContainer and StartContainer
  // inside one sync; the kubelet's status (from PLEG's relist) does not see it.
  // Nor does it see one whose postStart hook is still running: the hook runs
  // inside the same SyncPod (startContainer waits for it), so the status the
  // kubelet last wrote, from before the start, stands until the hook returns.
  const records = p.containers.filter((r) => r.name === c.name && !hiddenFromStatus(r));
  const cur = records[0];
  const prev = records[1];
  const old = p.oldStatuses[c.name];
  let status: ContainerStatus;
  if (!cur) {
    if (old?.state?.terminated) {
      status = JSON.parse(JSON.stringify(old)) as ContainerStatus;
    } else {
      status = {
        name: c.name,
        image: c.image ?? '',
        imageID: '',
        ready: false,
        restartCount: old?.restartCount ?? 0,
        started: false,
        state: { waiting: { reason: hasInit ? 'PodInitializing' : 'ContainerCreating' } },
        ...(old?.lastState && Object.keys(old.lastState).length
          ? { lastState: old.lastState }
          : {}),
      };
    }
  } else {
    const ref = normalizeImage(cur.image);
    const running = cur.state === 'running';
    const started = running && (probeOk(p, c.name, 'startup') ?? true);
    let ready: boolean;
    if (kind === 'init') ready = cur.state === 'exited' && (cur.exitCode ?? 0) === 0;
    else ready = started && (probeOk(p, c.name, 'readiness') ?? true);
    status = {
      name: c.name,
      state: stateOf(cur),
      lastState: prev && prev.state === 'exited' ? terminatedState(prev) : {},
      ready,
      restartCount: cur.restartCount,
      image: ref,
      imageID: imageId(ref),
      containerID: `containerd://${cur.id}`,
      started,
    };
  }
  // A start failure recorded by the last sync shows as Waiting while the
  // container is still to be restarted.
  const failure = p.reasons[c.name];
  if (failure) {
    let restart: boolean;
    if (kind === 'init' && cur?.state === 'exited' && (cur.exitCode ?? 0) === 0) restart = false;
    else if (kind === 'app') restart = shouldContainerBeRestarted(c as KContainer, p.api, runtime);
    else restart = !p.api.metadata?.deletionTimestamp && cur?.state !== 'running';
    if (
      kind === 'init' &&
      restart &&
      cur?.state === 'exited' &&
      p.api.spec?.restartPolicy === 'Never'
    )
      restart = false;
    if (restart) {
      if (status.state?.terminated) status.lastState = status.state;
      status.state = { waiting: { reason: failure.reason, message: failure.message } };
    }
  }
  return status;
}

function qosClass(pod: Pod): string {
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of all) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      const l = lim[r];
      const q = req[r] ?? l;
      if (l === undefined || String(q) !== String(l)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** Keeps a condition's lastTransitionTime unless its status changed. */
type StampInput = { type: string; status: string; reason?: string; message?: string };

function stamp(p: PodState, c: StampInput, nowMs: number): PodCondition {
  const prev = p.transitions[c.type];
  if (!prev || prev.status !== c.status) p.transitions[c.type] = { status: c.status, atMs: nowMs };
  const out: PodCondition = {
    type: c.type,
    status: c.status,
    lastProbeTime: null as unknown as string,
    lastTransitionTime: isoAt(p.transitions[c.type]!.atMs),
  };
  if (c.reason) out.reason = c.reason;
  if (c.message) out.message = c.message;
  return out;
}

/** The status before the kubelet has seen the pod (scheduler only). */
export function schedulerStatus(p: PodState, nowMs: number): PodStatus {
  // A pod not yet bound has no conditions at all (the scheduler writes PodScheduled).
  if (!p.scheduled) return { phase: 'Pending', qosClass: qosClass(p.api) };
  return {
    phase: 'Pending',
    conditions: [stamp(p, podScheduledCondition(), nowMs)],
    qosClass: qosClass(p.api),
  };
}

/** The kubelet's full status for the pod. */
export function kubeletStatus(p: PodState, node: NodeState, nowMs: number): PodStatus {
  const spec = p.api.spec!;
  const runtime = runtimeViewOf(p, true);
  const inits = spec.initContainers ?? [];
  const hasInit = inits.length > 0;
  const initStatuses = inits.map((c) =>
    containerStatus(p, c, isSidecar(c) ? 'sidecar' : 'init', hasInit, runtime),
  );
  const appStatuses = spec.containers.map((c) => containerStatus(p, c, 'app', hasInit, runtime));
  for (const s of [...initStatuses, ...appStatuses]) p.oldStatuses[s.name] = s;

  const current = p.sandboxes[0];
  const podHasInitialized =
    current !== undefined &&
    p.containers.some((r) => r.kind === 'app' && r.sandboxId === current.id);
  const draft: Pod = {
    metadata: p.api.metadata,
    spec,
    status: {
      ...(hasInit ? { initContainerStatuses: initStatuses } : {}),
      containerStatuses: appStatuses,
    },
  };
  let phase: string = getPhase(draft, {
    podIsTerminal: p.terminationDone,
    podHasInitialized,
  });
  if (p.evicted) phase = 'Failed';
  const was = p.api.status?.phase;
  if ((was === 'Succeeded' || was === 'Failed') && phase !== was) phase = was;
  draft.status!.phase = phase;

  draft.status!.conditions = p.extraConditions;
  const conditions = kubeletPodConditions(draft, runtime).map((c) =>
    p.extraConditions.includes(c) ? c : stamp(p, c as StampInput, nowMs),
  );
  if (p.nodeMarkedNotReady) {
    const ready = conditions.find((c) => c.type === 'Ready');
    if (ready) ready.status = 'False';
  }
  const ip = current && current.state === 'SANDBOX_READY' ? current.ip : undefined;
  const lastIp = ip ?? p.api.status?.podIP;
  const status: PodStatus = {
    phase,
    conditions,
    ...(p.evicted ? { reason: p.evicted.reason ?? 'Evicted', message: p.evicted.message } : {}),
    hostIP: node.ip,
    hostIPs: [{ ip: node.ip }],
    ...(lastIp ? { podIP: lastIp, podIPs: [{ ip: lastIp }] } : {}),
    startTime: p.api.status?.startTime ?? isoAt(nowMs),
    ...(hasInit ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: appStatuses,
    qosClass: qosClass(p.api),
  };
  return status;
}
