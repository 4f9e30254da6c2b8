/**
 * The namespaces the pause container holds for the pod, modelled by their
 * effects:
 *
 * - network: one pod IP; every container shares `localhost` and the port
 *   space, so a second listener on a taken port fails to bind (EADDRINUSE).
 *   Connections between containers are recorded for the view.
 * - UTS: `hostname` is the pod's name (or `spec.hostname`).
 * - IPC: System V objects one container makes are visible to the others
 *   (until the sandbox, which owns the namespace, is re-created).
 * - PID: per container by default (each container's first process is PID 1
 *   and sees only its own processes); with `shareProcessNamespace: true`
 *   `/pause` is PID 1 of one pod-wide namespace, sees every process and
 *   reaps orphaned zombies.
 */
import type { Connection, ContainerInstance, IpcObject, PodSystem, Proc } from './types.ts';

// ---------------------------------------------------------------------------
// PID
// ---------------------------------------------------------------------------

export function procById(sys: PodSystem, id: number | null): Proc | undefined {
  if (id === null) return undefined;
  return sys.procs.find((p) => p.id === id);
}

export function currentInstance(sys: PodSystem, name: string): ContainerInstance | undefined {
  for (let i = sys.instances.length - 1; i >= 0; i--) {
    if (sys.instances[i]!.name === name) return sys.instances[i];
  }
  return undefined;
}

export function instanceOf(sys: PodSystem, proc: Proc): ContainerInstance | undefined {
  return sys.instances.find((c) => c.name === proc.container && c.instance === proc.instance);
}

/** Same PID namespace? */
export function samePidNs(sys: PodSystem, a: Proc, b: Proc): boolean {
  if (sys.shareProcessNamespace) return true;
  return a.container === b.container && a.instance === b.instance;
}

/** Allocates the PID a new process gets inside its namespace. */
export function allocPid(sys: PodSystem, inst: ContainerInstance | null): number {
  if (inst === null) return sys.shareProcessNamespace ? sys.nextPodPid++ : 1;
  if (sys.shareProcessNamespace) return sys.nextPodPid++;
  return inst.nextPid++;
}

/** The init (PID 1) of `proc`'s namespace: pause when shared, else the container's first process. */
export function nsInit(sys: PodSystem, proc: Proc): Proc | undefined {
  if (sys.shareProcessNamespace) return procById(sys, sys.sandbox.pauseProc);
  const inst = instanceOf(sys, proc);
  return inst ? procById(sys, inst.main) : undefined;
}

export function isNsInit(proc: Proc): boolean {
  return proc.pid === 1;
}

/** Processes `viewer` can see (`ps`, `kill`). Sorted by PID. */
export function visibleProcs(sys: PodSystem, viewer: Proc): Proc[] {
  return sys.procs
    .filter((p) => samePidNs(sys, viewer, p) && (p.container !== '' || sys.shareProcessNamespace))
    .sort((a, b) => a.pid - b.pid);
}

function fmtTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** BusyBox `ps` output for `viewer`. */
export function psLines(sys: PodSystem, viewer: Proc): string[] {
  const lines = ['PID   USER     TIME  COMMAND'];
  for (const p of visibleProcs(sys, viewer)) {
    const cmd = p.state === 'zombie' ? `[${basename(p.argv[0] ?? '')}]` : p.argv.join(' ');
    const cpu = 0; // CPU time is not simulated
    lines.push(`${String(p.pid).padStart(5)} root     ${fmtTime(cpu).padStart(5)} ${cmd}`);
  }
  return lines;
}

export function basename(p: string): string {
  const parts = p.split('/');
  return parts[parts.length - 1] ?? p;
}

/** The parent PID as seen inside the namespace (0 when the parent is outside it). */
export function ppidOf(sys: PodSystem, proc: Proc): number {
  const parent = procById(sys, proc.parent);
  return parent && samePidNs(sys, parent, proc) ? parent.pid : 0;
}

// ---------------------------------------------------------------------------
// Network
// ---------------------------------------------------------------------------

/**
 * Who accepts a connection to `port`: any listener from inside the pod over
 * localhost; over the pod IP (`via: 'pod-ip'`, as the kubelet's probes dial)
 * not one bound to 127.0.0.1 only.
 */
export function listenerOn(
  sys: PodSystem,
  port: number,
  via: 'localhost' | 'pod-ip' = 'localhost',
) {
  return sys.listeners.find((l) => l.port === port && !(via === 'pod-ip' && l.loopback));
}

/** Binds `port` in the pod's shared port space (`loopback`: on 127.0.0.1 only). */
export function bindPort(
  sys: PodSystem,
  proc: Proc,
  port: number,
  loopback = false,
): 'ok' | 'EADDRINUSE' {
  if (listenerOn(sys, port)) return 'EADDRINUSE';
  const def = sys.defs.find((d) => d.name === proc.container);
  sys.listeners.push({
    port,
    protocol: 'TCP',
    proc: proc.id,
    container: proc.container,
    sinceMs: sys.nowMs,
    declared: def?.ports.some((p) => p.containerPort === port) ?? false,
    ...(loopback ? { loopback: true } : {}),
  });
  sys.listeners.sort((a, b) => a.port - b.port);
  return 'ok';
}

export function unbindProc(sys: PodSystem, procId: number): void {
  sys.listeners = sys.listeners.filter((l) => l.proc !== procId);
}

const MAX_CONNECTIONS = 500;

export function recordConnection(sys: PodSystem, c: Connection): void {
  sys.connections.push(c);
  if (sys.connections.length > MAX_CONNECTIONS + 250)
    sys.connections.splice(0, sys.connections.length - MAX_CONNECTIONS);
}

/** Is `host` this pod itself (loopback, pod IP, its hostname)? */
export function isLocalHost(sys: PodSystem, host: string): 'localhost' | 'pod-ip' | null {
  const h = host.toLowerCase();
  if (h === 'localhost' || h === '127.0.0.1' || h === '::1' || h === '[::1]' || h === '0.0.0.0')
    return 'localhost';
  if (h === sys.podIP || h === sys.hostname) return 'pod-ip';
  if (sys.subdomain && h.startsWith(`${sys.hostname}.${sys.subdomain}`)) return 'pod-ip';
  return null;
}

// ---------------------------------------------------------------------------
// IPC
// ---------------------------------------------------------------------------

function ipcKey(id: number, kind: string): string {
  let h = 0x811c9dc5 ^ (id * 2654435761);
  for (const ch of kind) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return `0x${(h >>> 0).toString(16).padStart(8, '0')}`;
}

/** `ipcmk -M bytes` / `-Q` / `-S n`: creates an object in the pod's IPC namespace. */
export function ipcCreate(
  sys: PodSystem,
  kind: IpcObject['kind'],
  bytes: number,
  creator: string,
): IpcObject {
  const id = sys.nextIpcId++;
  const obj: IpcObject = { kind, id, key: ipcKey(id, kind), bytes, creator, atMs: sys.nowMs };
  sys.ipc.push(obj);
  return obj;
}

/** `ipcs` output (util-linux layout). */
export function ipcsLines(sys: PodSystem, which: Set<IpcObject['kind']>): string[] {
  const out: string[] = [];
  const section = (
    kind: IpcObject['kind'],
    title: string,
    header: string,
    row: (o: IpcObject) => string,
  ) => {
    if (!which.has(kind)) return;
    out.push('', `------ ${title} --------`, header);
    for (const o of sys.ipc.filter((x) => x.kind === kind)) out.push(row(o));
  };
  section(
    'msg',
    'Message Queues',
    'key        msqid      owner      perms      used-bytes   messages',
    (o) => `${o.key} ${String(o.id).padEnd(10)} root       644        0            0`,
  );
  section(
    'shm',
    'Shared Memory Segments',
    'key        shmid      owner      perms      bytes      nattch     status',
    (o) =>
      `${o.key} ${String(o.id).padEnd(10)} root       644        ${String(o.bytes).padEnd(10)} 0`,
  );
  section(
    'sem',
    'Semaphore Arrays',
    'key        semid      owner      perms      nsems',
    (o) => `${o.key} ${String(o.id).padEnd(10)} root       644        ${o.bytes}`,
  );
  out.push('');
  return out;
}

// ---------------------------------------------------------------------------
// UTS
// ---------------------------------------------------------------------------

/** The pod's hostname: `spec.hostname` or the pod name, at most 63 characters (the kubelet truncates). */
export function podHostname(podName: string, specHostname: string | undefined): string {
  const h = specHostname || podName;
  return h.length > 63 ? h.slice(0, 63).replace(/[-.]+$/, '') : h;
}
