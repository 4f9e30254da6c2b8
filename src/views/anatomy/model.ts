/**
 * From a frame to the view model the anatomy draws: pure, cached per frame object, and
 * free of React. Every field is what kubectl or the kubelet would say, never a colour.
 */
import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type {
  Activity,
  ContainerKind,
  ContainerRuntimeInput,
  FrameInput,
  PodInput,
  ProbeInput,
  RuntimeInput,
} from './input.ts';

/** How a state reads at a glance; always shown with text as well. */
export type Tone = 'ok' | 'progress' | 'warn' | 'bad' | 'done' | 'idle';

export interface ContainerVM {
  name: string;
  kind: ContainerKind;
  /** 1-based position among the pod's init containers (sidecars included), 0 for apps. */
  order: number;
  image: string;
  /** The container's own restartPolicy (sidecars: Always), when the spec sets one. */
  restartPolicy?: string;
  pullPolicy: string;
  pull?: { policy: string; presentOnNode: boolean; willPull: boolean };
  /** The API state: waiting / running / terminated (or none yet). */
  state: 'waiting' | 'running' | 'terminated' | 'none';
  /** The kubelet's words for it: Running, CrashLoopBackOff, Completed, PodInitializing… */
  reason: string;
  activity: Activity;
  tone: Tone;
  restartCount: number;
  ready: boolean;
  started: boolean;
  exitCode?: number;
  lastExit?: { code: number; reason: string };
  backOffUntilMs?: number;
  /** The length of the current back-off, for the ring's full circle. */
  backOffMs?: number;
  probes: ProbeInput[];
  ports: number[];
  mounts: { volume: string; mountPath: string }[];
}

export interface PodVM {
  name: string;
  namespace: string;
  nodeName: string;
  phase: string;
  ip: string;
  deleting: boolean;
  gone: boolean;
  restartPolicy: string;
  shareProcessNamespace: boolean;
  graceSeconds: number;
  owner?: string;
  sandbox: { attempt: number; ready: boolean; id: string };
  /** The Initialized condition: every init container done (sidecars started). */
  initialized: boolean;
  hostname: string;
  ports: { port: number; container?: string }[];
  ipcShared: boolean;
  pidShared: boolean;
  processes: { pid: number; command: string; container?: string; state?: string }[];
  volumes: {
    name: string;
    type: string;
    mounts: { container: string; mountPath: string }[];
    /** Files the containers wrote into it, as the engine reports them. */
    files: { path: string; size?: number }[];
  }[];
  containers: ContainerVM[];
}

export interface NodeVM {
  name: string;
  ready: boolean;
  pods: PodVM[];
}

export interface AnatomyVM {
  nodes: NodeVM[];
}

/** The API server's imagePullPolicy default, for a manifest that does not set one. */
export function defaultPullPolicy(image: string): string {
  const noDigest = image.split('@')[0] ?? image;
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', lastSlash + 1);
  const tag = colon >= 0 ? noDigest.slice(colon + 1) : '';
  if (tag === 'latest') return 'Always';
  if (!tag) return image.includes('@') ? 'IfNotPresent' : 'Always';
  return 'IfNotPresent';
}

/** The tone of a kubectl STATUS value (always shown with its text). */
export function statusTone(status: string): Tone {
  if (status === 'Running') return 'ok';
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  if (status === 'Terminating' || status === 'NotReady') return 'warn';
  if (/BackOff|Err|Error|Failed|OOM|Unknown|Invalid|Evicted|Signal|ExitCode/.test(status))
    return 'bad';
  return 'progress';
}

function toneOf(state: ContainerVM['state'], reason: string, exitCode?: number): Tone {
  if (state === 'running') return 'ok';
  if (state === 'terminated') return exitCode === 0 ? 'done' : 'bad';
  if (state === 'none') return 'idle';
  if (/BackOff|Err|Error|Invalid|Unknown/.test(reason)) return 'bad';
  return 'progress';
}

function activityOf(state: ContainerVM['state']): Activity {
  if (state === 'running') return 'running';
  if (state === 'terminated') return 'exited';
  return 'waiting';
}

function buildContainer(
  pod: Pod,
  spec: Container,
  kind: ContainerKind,
  order: number,
  status: ContainerStatus | undefined,
  rt: ContainerRuntimeInput | undefined,
): ContainerVM {
  const st = status?.state;
  let state: ContainerVM['state'] = 'none';
  let reason = pod.spec?.initContainers?.length ? 'PodInitializing' : 'ContainerCreating';
  let exitCode: number | undefined;
  if (st?.running) {
    state = 'running';
    reason = 'Running';
  } else if (st?.terminated) {
    state = 'terminated';
    exitCode = st.terminated.exitCode;
    reason =
      st.terminated.reason ??
      (st.terminated.signal ? `Signal:${st.terminated.signal}` : `ExitCode:${exitCode}`);
  } else if (st?.waiting) {
    state = 'waiting';
    reason = st.waiting.reason ?? 'Waiting';
  }
  const last = status?.lastState?.terminated;
  const image = rt?.image ?? spec.image ?? '';
  const probes: ProbeInput[] = rt?.probes
    ? rt.probes.map((p) => ({ kind: p.kind, result: p.result, faulted: p.faulted }))
    : (
        [
          ['startup', spec.startupProbe],
          ['liveness', spec.livenessProbe],
          ['readiness', spec.readinessProbe],
        ] as const
      )
        .filter(([, p]) => p)
        .map(([kind]) => ({ kind }));
  return {
    name: spec.name,
    kind,
    order,
    image,
    ...(spec.restartPolicy ? { restartPolicy: spec.restartPolicy } : {}),
    pullPolicy: spec.imagePullPolicy ?? rt?.pull?.policy ?? defaultPullPolicy(image),
    pull: rt?.pull ? { ...rt.pull } : undefined,
    state,
    reason,
    activity: rt?.activity ?? activityOf(state),
    tone: toneOf(state, reason, exitCode),
    restartCount: status?.restartCount ?? rt?.restartCount ?? 0,
    ready: status?.ready ?? rt?.ready ?? false,
    started: status?.started ?? rt?.started ?? false,
    exitCode,
    lastExit: last
      ? { code: last.exitCode, reason: last.reason ?? `ExitCode:${last.exitCode}` }
      : rt?.lastExitCode !== undefined && state !== 'terminated'
        ? {
            code: rt.lastExitCode,
            reason: rt.lastExitReason ?? (rt.lastExitCode === 0 ? 'Completed' : 'Error'),
          }
        : undefined,
    backOffUntilMs: rt?.backOffUntilMs,
    backOffMs: rt?.backOffMs,
    probes,
    ports: (rt?.ports ?? spec.ports ?? []).map((p) => p.containerPort),
    mounts: (spec.volumeMounts ?? []).map((m) => ({ volume: m.name, mountPath: m.mountPath })),
  };
}

export function buildPod(input: PodInput): PodVM {
  const { pod } = input;
  const runtime = input.runtime as RuntimeInput | undefined;
  const spec = pod.spec ?? { containers: [] };
  const statuses = new Map<string, ContainerStatus>();
  for (const s of pod.status?.initContainerStatuses ?? []) statuses.set(s.name, s);
  for (const s of pod.status?.containerStatuses ?? []) statuses.set(s.name, s);
  const rts = new Map<string, ContainerRuntimeInput>();
  for (const c of runtime?.containers ?? []) rts.set(c.name, c);

  const containers: ContainerVM[] = [];
  (spec.initContainers ?? []).forEach((c, i) => {
    const kind: ContainerKind = c.restartPolicy === 'Always' ? 'sidecar' : 'init';
    containers.push(buildContainer(pod, c, kind, i + 1, statuses.get(c.name), rts.get(c.name)));
  });
  for (const c of spec.containers ?? []) {
    containers.push(buildContainer(pod, c, 'app', 0, statuses.get(c.name), rts.get(c.name)));
  }

  const ns = runtime?.namespaces;
  const ip = ns?.network?.ip || runtime?.sandbox?.ip || pod.status?.podIP || '';
  const ports =
    ns?.network?.ports?.map((p) => ({ port: p.port, container: p.container })) ??
    containers
      .filter((c) => c.state === 'running')
      .flatMap((c) => c.ports.map((port) => ({ port, container: c.name })));
  const mountsByVolume = new Map<string, { container: string; mountPath: string }[]>();
  for (const c of containers) {
    for (const m of c.mounts) {
      const list = mountsByVolume.get(m.volume) ?? [];
      list.push({ container: c.name, mountPath: m.mountPath });
      mountsByVolume.set(m.volume, list);
    }
  }
  const rtVolumes = new Map((runtime?.volumes ?? []).map((v) => [v.name, v]));
  const filesByVolume = new Map<string, Map<string, { path: string; size?: number }>>();
  for (const c of runtime?.containers ?? []) {
    for (const f of c.inside?.files ?? []) {
      if (f.where === 'layer') continue;
      const files =
        filesByVolume.get(f.where) ?? new Map<string, { path: string; size?: number }>();
      files.set(f.path, { path: f.path, size: f.size });
      filesByVolume.set(f.where, files);
    }
  }
  const volumes = (spec.volumes ?? []).map((v) => {
    const rv = rtVolumes.get(v.name);
    const type = rv?.type ?? Object.keys(v).find((k) => k !== 'name') ?? 'emptyDir';
    return {
      name: v.name,
      type,
      mounts: rv?.mounts
        ? rv.mounts.map((m) => ({ container: m.container, mountPath: m.mountPath }))
        : (mountsByVolume.get(v.name) ?? []),
      // The engine's volume data (pod state) when it has it; else what running containers see.
      files: rv?.files
        ? rv.files.map((f) => ({ path: f.path, size: f.size }))
        : [...(filesByVolume.get(v.name)?.values() ?? [])].sort((a, b) =>
            a.path.localeCompare(b.path),
          ),
    };
  });

  return {
    name: pod.metadata?.name ?? '',
    namespace: pod.metadata?.namespace ?? 'default',
    nodeName: spec.nodeName ?? '',
    phase: pod.status?.phase ?? 'Pending',
    ip,
    deleting: !!pod.metadata?.deletionTimestamp || !!runtime?.deleting,
    gone: !!runtime?.deleted,
    restartPolicy: spec.restartPolicy ?? 'Always',
    shareProcessNamespace: !!spec.shareProcessNamespace,
    graceSeconds: spec.terminationGracePeriodSeconds ?? 30,
    owner: pod.metadata?.ownerReferences?.[0]
      ? `${pod.metadata.ownerReferences[0].kind}/${pod.metadata.ownerReferences[0].name}`
      : undefined,
    sandbox: {
      attempt: runtime?.sandbox?.attempt ?? 0,
      ready: runtime?.sandbox
        ? /ready/i.test(runtime.sandbox.state ?? '') && !/not/i.test(runtime.sandbox.state ?? '')
        : !!ip,
      id: runtime?.sandbox?.id ?? '',
    },
    initialized: pod.status?.conditions?.find((c) => c.type === 'Initialized')?.status === 'True',
    hostname: ns?.uts?.hostname ?? spec.hostname ?? pod.metadata?.name ?? '',
    ports,
    ipcShared: !ns?.ipc?.host,
    pidShared: ns?.pid?.shared ?? !!spec.shareProcessNamespace,
    processes: processTree(
      containers,
      ns?.pid?.shared ?? !!spec.shareProcessNamespace,
      spec,
      runtime?.containers ?? [],
    ),
    volumes,
    containers,
  };
}

/**
 * The processes `ps` would list from one container when the PID namespace is shared: /pause is
 * PID 1 and reaps orphans; each running container adds its main process. Unshared, every
 * container's main process is PID 1 of its own namespace.
 */
function processTree(
  containers: ContainerVM[],
  shared: boolean,
  spec: NonNullable<Pod['spec']>,
  runtimes: readonly ContainerRuntimeInput[],
): PodVM['processes'] {
  // The engine's own view, when it has one: with a shared PID namespace every container
  // lists the same processes (the pause process as PID 1, zombies included).
  if (shared) {
    const seen = runtimes.find((r) => r.inside?.processes?.length);
    if (seen?.inside?.processes) {
      return seen.inside.processes.map((p) => ({ pid: p.pid, command: p.command, state: p.state }));
    }
  }
  const all = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  const commandOf = (name: string) => {
    const c = all.find((x) => x.name === name);
    const argv = [...(c?.command ?? []), ...(c?.args ?? [])];
    if (argv.length) return argv.join(' ').slice(0, 48);
    const image = (c?.image ?? name).split('/').pop() ?? name;
    return image.split(/[:@]/)[0] ?? image;
  };
  const running = containers.filter((c) => c.state === 'running');
  if (!shared)
    return running.map((c) => ({ pid: 1, command: commandOf(c.name), container: c.name }));
  return [
    { pid: 1, command: '/pause' },
    ...running.map((c, i) => ({ pid: i + 7, command: commandOf(c.name), container: c.name })),
  ];
}

const cache = new WeakMap<object, { nodes: unknown; vm: AnatomyVM }>();

const NO_PODS: readonly PodInput[] = [];

/**
 * Nodes in the frame's order (then any node a pod names), each with its pods. Cached on the
 * identity of the frame's pod and node lists, so a store selector can call it freely.
 */
export function buildAnatomy(frame: FrameInput): AnatomyVM {
  const key = frame.pods ?? NO_PODS;
  const hit = cache.get(key);
  if (hit && hit.nodes === frame.nodes) return hit.vm;
  const nodes = new Map<string, NodeVM>();
  for (const n of frame.nodes ?? []) {
    const name = n.metadata?.name ?? '';
    const ready = n.status?.conditions?.find((c) => c.type === 'Ready');
    nodes.set(name, { name, ready: ready ? ready.status === 'True' : true, pods: [] });
  }
  for (const p of frame.pods ?? []) {
    const vm = buildPod(p);
    const key = vm.nodeName || '';
    let node = nodes.get(key);
    if (!node) {
      node = { name: key, ready: true, pods: [] };
      nodes.set(key, node);
    }
    node.pods.push(vm);
  }
  const vm: AnatomyVM = { nodes: [...nodes.values()].filter((n) => n.name || n.pods.length) };
  cache.set(key, { nodes: frame.nodes, vm });
  return vm;
}

export function findPod(vm: AnatomyVM, podName: string): PodVM | undefined {
  for (const n of vm.nodes) for (const p of n.pods) if (p.name === podName) return p;
  return undefined;
}

export function findContainer(
  vm: AnatomyVM,
  podName: string,
  name: string,
): ContainerVM | undefined {
  return findPod(vm, podName)?.containers.find((c) => c.name === name);
}
