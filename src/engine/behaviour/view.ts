/**
 * The runtime view: what the UI draws of a pod's insides, as plain data.
 * See README.md ("Runtime view") for the meaning of each field.
 */
import { currentInstance, ppidOf, procById } from './namespaces.ts';
import type {
  Connection,
  DeclaredPort,
  IpcObject,
  Notice,
  PodSystem,
  ProcEvent,
  ProcState,
  VolumeState,
} from './types.ts';

export interface ProcessView {
  pid: number;
  ppid: number;
  command: string;
  state: ProcState;
  /** '' = the pause container. */
  container: string;
  /** PID 1 of its namespace (signals without a handler are dropped). */
  init: boolean;
  startedAtMs: number;
  exitCode: number | null;
}

export interface ListenerView {
  port: number;
  protocol: 'TCP';
  pid: number;
  sinceMs: number;
  /** Also declared as a `containerPort` (false = listening but undeclared). */
  declared: boolean;
}

export interface ContainerRuntimeView {
  name: string;
  kind: string;
  /** Instance number (= restartCount when it started). */
  instance: number;
  running: boolean;
  exitCode: number | null;
  image: string;
  /** The image is unknown to Podscope, its behaviour is assumed. */
  assumedImage: boolean;
  /** One line on how Podscope reads the image. */
  note: string;
  argv: string[];
  stopSignal: string;
  processes: ProcessView[];
  listening: ListenerView[];
  declaredPorts: DeclaredPort[];
  /** Connections this container opened (most recent last). */
  connections: Connection[];
  mounts: Array<{ volume: string; mountPath: string; readOnly: boolean; subPath?: string }>;
  /** Files in the writable layer: lost when the container restarts. */
  layerFiles: FileView[];
}

export interface FileView {
  path: string;
  size: number;
  preview: string;
  writer: string | null;
  mtimeMs: number;
}

export interface VolumeView {
  name: string;
  kind: VolumeState['kind'];
  readOnly: boolean;
  lifetime: VolumeState['lifetime'];
  description: string;
  mountedBy: Array<{ container: string; mountPath: string; readOnly: boolean }>;
  files: FileView[];
}

export interface PodRuntimeView {
  pod: {
    name: string;
    namespace: string;
    hostname: string;
    podIP: string;
    nodeName: string;
    hostNetwork: boolean;
    shareProcessNamespace: boolean;
    sandbox: { attempt: number; alive: boolean };
  };
  /** The pause process (PID 1 of the pod namespace when shared). */
  pause: ProcessView | null;
  containers: ContainerRuntimeView[];
  volumes: VolumeView[];
  ipc: IpcObject[];
  /** Every localhost / pod-IP / Service connection, oldest first (capped). */
  connections: Connection[];
  notices: Notice[];
  /** Recent process happenings (start, exit, zombie, reaped, reparented, signal ignored). */
  procEvents: ProcEvent[];
}

const PREVIEW = 120;

function fileView(
  path: string,
  f: { content: string; writer: string | null; mtimeMs: number },
): FileView {
  return {
    path,
    size: f.content.length,
    preview: f.content.slice(0, PREVIEW),
    writer: f.writer,
    mtimeMs: f.mtimeMs,
  };
}

/** Builds the view. Pure: reads `sys`, never changes it. */
export function runtimeView(sys: PodSystem): PodRuntimeView {
  const toProc = (p: PodSystem['procs'][number]): ProcessView => ({
    pid: p.pid,
    ppid: ppidOf(sys, p),
    command:
      p.state === 'zombie' ? `[${(p.argv[0] ?? '').split('/').pop()}] <defunct>` : p.argv.join(' '),
    state: p.state,
    container: p.container,
    init: p.pid === 1,
    startedAtMs: p.startedAtMs,
    exitCode: p.exitCode,
  });
  const pause = procById(sys, sys.sandbox.pauseProc);
  const containers: ContainerRuntimeView[] = sys.defs.flatMap((d) => {
    const inst = currentInstance(sys, d.name);
    if (!inst) return [];
    const procs = sys.procs
      .filter((p) => p.container === d.name && p.instance === inst.instance)
      .sort((a, b) => a.pid - b.pid);
    return [
      {
        name: d.name,
        kind: d.kind,
        instance: inst.instance,
        running: inst.finishedAtMs === null,
        exitCode: inst.exitCode,
        image: inst.image,
        assumedImage: inst.assumedImage,
        note: inst.note,
        argv: inst.argv,
        stopSignal: inst.stopSignal,
        processes: procs.map(toProc),
        listening: sys.listeners
          .filter((l) => l.container === d.name)
          .map((l) => ({
            port: l.port,
            protocol: l.protocol,
            pid: procById(sys, l.proc)?.pid ?? 0,
            sinceMs: l.sinceMs,
            declared: l.declared,
          })),
        declaredPorts: d.ports,
        connections: sys.connections.filter((c) => c.from === d.name),
        mounts: d.mounts.map((m) => ({ ...m })),
        layerFiles: Object.entries(inst.rootfs).map(([p, f]) => fileView(p, f)),
      },
    ];
  });
  const volumes: VolumeView[] = Object.values(sys.volumes).map((v) => ({
    name: v.name,
    kind: v.kind,
    readOnly: v.readOnly,
    lifetime: v.lifetime,
    description: v.description,
    mountedBy: sys.defs.flatMap((d) =>
      d.mounts
        .filter((m) => m.volume === v.name)
        .map((m) => ({
          container: d.name,
          mountPath: m.mountPath,
          readOnly: m.readOnly || v.readOnly,
        })),
    ),
    files: Object.entries(v.files)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([p, f]) => fileView(p, f)),
  }));
  return {
    pod: {
      name: sys.podName,
      namespace: sys.namespace,
      hostname: sys.hostname,
      podIP: sys.podIP,
      nodeName: sys.nodeName,
      hostNetwork: sys.hostNetwork,
      shareProcessNamespace: sys.shareProcessNamespace,
      sandbox: { attempt: sys.sandbox.attempt, alive: sys.sandbox.alive },
    },
    pause: pause ? toProc(pause) : null,
    containers,
    volumes,
    ipc: sys.ipc.map((o) => ({ ...o })),
    connections: sys.connections.slice(),
    notices: sys.notices.slice(),
    procEvents: sys.procEvents.slice(-200),
  };
}
