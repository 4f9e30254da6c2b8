/**
 * Plain-data shapes of the behaviour layer. Everything in a `PodSystem` is
 * JSON-like (no functions, no classes, no Maps), so the simulation can
 * snapshot it with `structuredClone` and restore it byte for byte.
 * Functions the layer needs from outside (Service lookup, ConfigMaps) come
 * in through `BehaviourCtx` on each call, never stored.
 */
import type { Node } from './shell/parse.ts';
import type { Userland } from './images.ts';

export type Signal =
  | 'SIGHUP'
  | 'SIGINT'
  | 'SIGQUIT'
  | 'SIGKILL'
  | 'SIGUSR1'
  | 'SIGUSR2'
  | 'SIGTERM'
  | 'SIGCHLD'
  | 'SIGWINCH'
  | 'SIGSTOP';

export const SIGNAL_NUMBERS: Record<Signal, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGTERM: 15,
  SIGCHLD: 17,
  SIGSTOP: 19,
  SIGWINCH: 28,
};

/** A Service as the injected cluster lookup describes it. */
export interface ServiceInfo {
  name: string;
  namespace: string;
  clusterIP: string;
  ports: Array<{ port: number; targetPort?: number | string; name?: string }>;
}

/**
 * What the behaviour layer asks of the cluster (issue 6 provides it; tests
 * pass a stub). Every member is optional: without it Podscope says what it
 * assumed.
 */
export interface ClusterLookup {
  /** The Service `name` in `namespace`, if it exists now. */
  service?(name: string, namespace: string): ServiceInfo | undefined;
  /** Every Service of the namespace (for the `*_SERVICE_HOST` variables at container start). */
  services?(namespace: string): ServiceInfo[];
  /** Does a TCP connection to `service:port` reach a listening backend? */
  connect?(service: ServiceInfo, port: number): boolean;
  /** ConfigMap data (`configMap` volumes, `configMapKeyRef`). */
  configMap?(name: string, namespace: string): Record<string, string> | undefined;
  /** Secret data, already decoded. */
  secret?(name: string, namespace: string): Record<string, string> | undefined;
}

/** Per-call context: the simulated time and the cluster lookup. */
export interface BehaviourCtx {
  nowMs: number;
  cluster?: ClusterLookup;
}

/** A notice: something Podscope could not simulate exactly, and what it did instead. */
export interface Notice {
  atMs: number;
  container: string | null;
  code:
    | 'unsupported-command'
    | 'unsupported-syntax'
    | 'unsupported-option'
    | 'assumed-image'
    | 'assumed-behaviour'
    | 'busy-loop'
    | 'log-truncated';
  /** The part Podscope cannot simulate (`awk`, `case … esac`). */
  subject: string;
  /** What it did instead. */
  fallback: string;
  /** English sentence combining both, for logs and tests. */
  message: string;
}

export interface LogLine {
  atMs: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** A file in a volume or a container's writable layer. */
export interface FileEntry {
  content: string;
  mtimeMs: number;
  /** Container name that wrote it last, or null for image/volume source content. */
  writer: string | null;
}

export type VolumeKind =
  | 'emptyDir'
  | 'configMap'
  | 'secret'
  | 'hostPath'
  | 'projected'
  | 'downwardAPI'
  | 'persistentVolumeClaim'
  | 'other';

export interface VolumeState {
  name: string;
  kind: VolumeKind;
  readOnly: boolean;
  /** Relative path (no leading slash) → file. */
  files: Record<string, FileEntry>;
  /** Directories created with mkdir (relative). */
  dirs: string[];
  /** Where the data lives and how long it lasts, for the view. */
  lifetime: 'pod' | 'node' | 'cluster' | 'source';
  /** A one-line description (`emptyDir (medium: Memory)`, `hostPath /var/log (Directory)`). */
  description: string;
}

/**
 * One change to a file of a volume: `content` is the file's whole content
 * after the change, `null` when it was removed. Kept in `PodSystem.fileLog`
 * when the caller asks for it, so volume data can outlive the run.
 */
export interface VolumeOp {
  atMs: number;
  volume: string;
  /** Relative to the volume's root (no leading slash). */
  path: string;
  content: string | null;
  /** The container that wrote it. */
  writer: string;
}

export interface Mount {
  volume: string;
  mountPath: string;
  readOnly: boolean;
  subPath?: string;
}

/** Where a command's output goes. */
export type OutTarget =
  | { kind: 'log' }
  /** The output of an exec session (probe, hook): returned to the caller, not logged. */
  | { kind: 'exec'; id: number; stderr?: boolean }
  | { kind: 'null' }
  | { kind: 'file'; path: string; append: boolean }
  | { kind: 'capture' };

/** One execution frame of the interpreter (a program counter over the flat AST). */
export interface Frame {
  n: number;
  pc: number;
  i: number;
  /** Expanded items of a `for` loop. */
  items?: string[];
  /** Output redirection in force for this frame and its children. */
  out?: OutTarget;
  err?: OutTarget;
  /** A frame that ends a trap handler: restore `$?` to this value. */
  restoreStatus?: number;
  /** The frame ends a trap handler. */
  kind?: 'trap';
  /** The frame is a condition (if/while test, left of `&&`/`||`): `set -e` does not apply. */
  c?: boolean;
}

/** Why a shell is not running right now. */
export type ShellWait =
  { kind: 'child'; pid: number } | { kind: 'wait'; pids: number[] | 'all' } | { kind: 'yield' };

export interface ShellProgram {
  kind: 'sh';
  nodes: Node[];
  frames: Frame[];
  vars: Record<string, string>;
  args: string[];
  status: number;
  traps: Record<string, string>;
  pending: Signal[];
  wait: ShellWait | null;
  lastBg: number | null;
  /** The shell replaces itself with the last simple command (`sh -c 'sleep 10'`). */
  execLast: boolean;
  /** Commands run at the current instant (busy-loop guard). */
  burst: number;
  burstAtMs: number;
  /** Captured output of this shell when it is a command substitution or an exec. */
  captured: string;
  /** Variables exported to child processes (`env` prints these). */
  exported: string[];
  /** Exit statuses of finished background jobs, by PID, for `wait PID`. */
  done: Record<string, number>;
  /** Standard input of the command in a pipeline stage. */
  stdin: string;
  /** Not a shell: a command the runtime executes directly (no `sh` in `ps`). */
  direct: boolean;
  /** Output of this process goes to the exec session, not the container log. */
  execId: number | null;
  /** A busy-loop notice was already raised. */
  warnedBusy: boolean;
}

export type ServerPhase = 'binding' | 'initializing' | 'serving' | 'stopping' | 'failing';

export interface ServerProgram {
  kind: 'server';
  server:
    | 'nginx'
    | 'httpd'
    | 'redis'
    | 'postgres'
    | 'mysql'
    | 'python-http'
    | 'busybox-httpd'
    | 'nc'
    /** The e2e image `agnhost liveness`: /healthz 200 for 10 s after it listens, then 500. */
    | 'agnhost-liveness'
    /** `registry.k8s.io/goproxy`: an HTTP proxy on 8080 (non-proxy GETs get 500). */
    | 'goproxy'
    /** etcd: gRPC (with grpc.health.v1.Health) and HTTP on its client URLs (see `grpc.ts`). */
    | 'etcd'
    /** `agnhost grpc-health-checking`: gRPC health on --port, /make-(not-)serving on --http-port. */
    | 'agnhost-grpc';
  port: number;
  phase: ServerPhase;
  bindAttempts: number;
  exitCode: number;
  /** Document root (HTTP servers). */
  docroot: string;
  /** `nc -l` without `-k` exits after one connection. */
  once: boolean;
  requests: number;
  /** When it started listening (simulated ms). */
  boundAtMs?: number;
  /**
   * Every socket it binds, when more than `port` or bound to the loopback
   * address only (`127.0.0.1`: refused from the pod IP, as the kubelet dials).
   */
  binds?: Array<{ port: number; loopback: boolean }>;
  /** A gRPC server: which of its ports speak gRPC, and what its health service answers. */
  grpc?: GrpcServing;
}

/** The gRPC health service (grpc.health.v1.Health) of a server program. */
export interface GrpcServing {
  /** Ports that speak gRPC (HTTP/2). */
  ports: number[];
  /** The service name it registered ('' = the server as a whole). */
  service: string;
  /** NOT_SERVING from this long after it started listening (agnhost --delay-unhealthy-sec). */
  unhealthyAfterMs?: number;
  /** Forced by `/make-not-serving` (true) or `/make-serving` (false). */
  forced?: boolean;
}

export type Program =
  | ShellProgram
  | ServerProgram
  | { kind: 'sleep' }
  | { kind: 'pause' }
  /** An unknown program: runs until stopped (assumed). */
  | { kind: 'idle'; termCode: number | null }
  | { kind: 'worker' };

export type ProcState = 'running' | 'sleeping' | 'zombie';

export interface Proc {
  /** Unique id within the pod (a host PID, never shown inside a container). */
  id: number;
  /** PID inside its namespace. */
  pid: number;
  /** Parent's unique id; null = started by the runtime. */
  parent: number | null;
  /** Owning container instance ('' = the pause container). */
  container: string;
  instance: number;
  argv: string[];
  state: ProcState;
  exitCode: number | null;
  /** Killed by this signal (for 128+n). */
  killedBy: Signal | null;
  startedAtMs: number;
  /** When the scheduler must step this process next; null = waits for something else. */
  wakeAtMs: number | null;
  prog: Program;
}

export type ContainerKind = 'init' | 'regular' | 'sidecar' | 'ephemeral';

/** One run of a container (the runtime's container record). */
export interface ContainerInstance {
  name: string;
  kind: ContainerKind;
  /** 0 for the first run, then 1, 2, … (restartCount at start). */
  instance: number;
  /** Sandbox attempt it ran in. */
  sandbox: number;
  startedAtMs: number;
  finishedAtMs: number | null;
  exitCode: number | null;
  /** The signal that killed the main process, if any. */
  signal: Signal | null;
  image: string;
  argv: string[];
  env: Record<string, string>;
  mounts: Mount[];
  /** The container's writable layer (absolute path → file); lost on restart. */
  rootfs: Record<string, FileEntry>;
  /** Files deleted from the image layer (whiteouts). */
  deleted: string[];
  stopSignal: Signal;
  userland: Userland;
  missing: string[];
  imageFiles: Record<string, string>;
  /** Unique id of the main process. */
  main: number;
  /** Why the container could not start (StartError), if so. */
  startError: string | null;
  /** Next PID in this container's own PID namespace. */
  nextPid: number;
  logs: LogLine[];
  droppedLogLines: number;
  /** Short description of how Podscope read the command. */
  note: string;
  assumedImage: boolean;
}

export interface Listener {
  port: number;
  protocol: 'TCP';
  proc: number;
  container: string;
  sinceMs: number;
  /** Declared as a containerPort of this container. */
  declared: boolean;
  /** Bound to 127.0.0.1 only: connections to the pod IP are refused. */
  loopback?: boolean;
}

export interface Connection {
  atMs: number;
  from: string;
  /** Container that accepted, or null when refused / outside the pod. */
  to: string | null;
  host: string;
  port: number;
  via: 'localhost' | 'pod-ip' | 'service';
  ok: boolean;
  /** A one-line summary (`GET / → 200`). */
  summary: string;
}

export interface IpcObject {
  kind: 'shm' | 'sem' | 'msg';
  id: number;
  key: string;
  bytes: number;
  creator: string;
  atMs: number;
}

export interface ProcEvent {
  atMs: number;
  kind:
    'start' | 'exit' | 'zombie' | 'reaped' | 'reparented' | 'signal' | 'signal-ignored' | 'killed';
  container: string;
  pid: number;
  detail: string;
}

export interface DeclaredPort {
  container: string;
  containerPort: number;
  hostPort?: number;
  protocol: string;
  name?: string;
}

export interface ContainerDef {
  name: string;
  kind: ContainerKind;
  image: string;
  command?: string[];
  args?: string[];
  env: Array<{ name: string; value?: string; valueFrom?: unknown }>;
  envFrom: Array<{
    prefix?: string;
    configMapRef?: { name: string };
    secretRef?: { name: string };
  }>;
  mounts: Mount[];
  ports: DeclaredPort[];
  stdin: boolean;
  tty: boolean;
  stopSignal?: Signal;
}

/** Everything about a pod's containers below the kubelet: namespaces, volumes, processes, logs. */
export interface PodSystem {
  version: 1;
  podName: string;
  namespace: string;
  uid: string;
  hostname: string;
  /** `spec.subdomain`, for the FQDN. */
  subdomain: string | null;
  nodeName: string;
  podIP: string;
  hostNetwork: boolean;
  shareProcessNamespace: boolean;
  enableServiceLinks: boolean;
  serviceAccountName: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  epochMs: number;
  nowMs: number;
  sandbox: { attempt: number; alive: boolean; pauseProc: number | null };
  defs: ContainerDef[];
  /** Every container instance ever started, oldest first. */
  instances: ContainerInstance[];
  procs: Proc[];
  nextProcId: number;
  /** Next PID in the pod-wide PID namespace (shareProcessNamespace). */
  nextPodPid: number;
  listeners: Listener[];
  connections: Connection[];
  ipc: IpcObject[];
  nextIpcId: number;
  volumes: Record<string, VolumeState>;
  /** Writes to volumes, oldest first — recorded only when this array exists. */
  fileLog?: VolumeOp[];
  notices: Notice[];
  procEvents: ProcEvent[];
  /** Exec sessions (hooks, exec probes), by id. */
  execs: Array<{
    id: number;
    container: string;
    proc: number;
    done: boolean;
    exitCode: number | null;
    /** Everything it printed, interleaved. */
    output: string;
    /** What it printed on stdout and on stderr (absent: nothing). */
    stdout?: string;
    stderr?: string;
  }>;
  nextExecId: number;
  /** Occurrences not yet returned to the caller. */
  outbox: Occurrence[];
  /** How many times a process asked for a Service (DNS, wget, nc): a Service appearing can change its course. */
  serviceLookups: number;
}

/** What happened that the kubelet side must react to. */
export type Occurrence =
  | {
      kind: 'container-exit';
      container: string;
      atMs: number;
      exitCode: number;
      signal: Signal | null;
      /** Runtime reason: Completed for 0, Error otherwise. */
      reason: 'Completed' | 'Error';
    }
  | {
      kind: 'exec-exit';
      execId: number;
      container: string;
      atMs: number;
      exitCode: number;
      output: string;
    }
  | { kind: 'sandbox-died'; atMs: number; reason: string };
