/**
 * Services by name: a registry the cluster keeps as plain data, and the
 * lookup the container behaviour asks (`nslookup NAME`, `wget NAME:PORT`,
 * the `NAME_SERVICE_HOST` variables). ClusterIPs come from the default
 * service CIDR 10.96.0.0/12 (10.96.0.10 is kube-dns), derived from the
 * Service's name so a run replays and `nslookup` prints the same address.
 */
import type { Service, ServicePort as V1ServicePort } from 'kubernetes-types/core/v1';
import { hashString } from '../sim/rng.ts';

export interface ServicePort {
  port: number;
  targetPort?: number | string;
  name?: string;
  protocol?: string;
}

export interface ServiceRecord {
  name: string;
  namespace: string;
  clusterIP: string;
  ports: ServicePort[];
  /** Pods whose labels hold every pair are the Service's endpoints; absent = no selector. */
  selector?: Record<string, string>;
  createdAtMs: number;
}

export interface ServiceRegistry {
  /** By `namespace/name`. */
  byKey: Record<string, ServiceRecord>;
  /** Next host number to hand out in 10.96.0.0/12. */
  nextIp: number;
}

export const CLUSTER_DOMAIN = 'cluster.local';
export const KUBE_DNS_IP = '10.96.0.10';

export function newServiceRegistry(): ServiceRegistry {
  return { byKey: {}, nextIp: 0 };
}

const key = (namespace: string, name: string) => `${namespace}/${name}`;

/**
 * A ClusterIP in 10.96.0.0/12 derived from `namespace/name` (the same address the
 * container behaviour prints for `nslookup`), moved on when already taken.
 */
function allocateIp(reg: ServiceRegistry, namespace: string, name: string): string {
  const taken = new Set(Object.values(reg.byKey).map((s) => s.clusterIP));
  const h = hashString(`${namespace}/${name}`);
  let a = (h >>> 8) % 250;
  let b = (h % 250) + 2;
  let ip = `10.96.${a}.${b}`;
  while (taken.has(ip) || ip === KUBE_DNS_IP) {
    b = b >= 251 ? 2 : b + 1;
    if (b === 2) a = (a + 1) % 250;
    ip = `10.96.${a}.${b}`;
  }
  reg.nextIp++;
  return ip;
}

/** Adds a Service; throws the API server's AlreadyExists wording when it exists. */
export function addService(
  reg: ServiceRegistry,
  svc: {
    name: string;
    namespace?: string;
    ports?: ServicePort[];
    selector?: Record<string, string>;
    clusterIP?: string;
  },
  nowMs: number,
): ServiceRecord {
  if (!svc.name) throw new Error('a Service needs a name');
  const ns = svc.namespace || 'default';
  if (reg.byKey[key(ns, svc.name)]) throw new Error(`services "${svc.name}" already exists`);
  const rec: ServiceRecord = {
    name: svc.name,
    namespace: ns,
    clusterIP: svc.clusterIP || allocateIp(reg, ns, svc.name),
    ports: (svc.ports?.length ? svc.ports : [{ port: 80 }]).map((p) => ({
      ...p,
      protocol: p.protocol ?? 'TCP',
      targetPort: p.targetPort ?? p.port,
    })),
    createdAtMs: nowMs,
    ...(svc.selector ? { selector: { ...svc.selector } } : {}),
  };
  reg.byKey[key(ns, svc.name)] = rec;
  return rec;
}

/** Removes a Service; throws NotFound wording when it does not exist. */
export function removeService(reg: ServiceRegistry, name: string, namespace = 'default'): void {
  if (!reg.byKey[key(namespace, name)]) throw new Error(`services "${name}" not found`);
  delete reg.byKey[key(namespace, name)];
}

/** A Service manifest's fields the registry keeps. */
export function serviceFromManifest(doc: Service): {
  name: string;
  namespace: string;
  ports: ServicePort[];
  selector?: Record<string, string>;
  clusterIP?: string;
} {
  const name = doc.metadata?.name ?? '';
  if (!name) throw new Error('a Service needs metadata.name');
  const spec = doc.spec ?? {};
  return {
    name,
    namespace: doc.metadata?.namespace || 'default',
    ports: (spec.ports ?? []).map((p) => ({
      port: p.port,
      ...(p.targetPort !== undefined ? { targetPort: p.targetPort } : {}),
      ...(p.name ? { name: p.name } : {}),
      ...(p.protocol ? { protocol: p.protocol } : {}),
    })),
    ...(spec.selector ? { selector: { ...spec.selector } } : {}),
    ...(spec.clusterIP && spec.clusterIP !== 'None' ? { clusterIP: spec.clusterIP } : {}),
  };
}

/**
 * Resolves a DNS name a container asks for: `NAME`, `NAME.NS`,
 * `NAME.NS.svc`, `NAME.NS.svc.cluster.local` (the pod's search path makes the
 * short forms work from namespace `fromNamespace`).
 */
export function resolveServiceName(
  reg: ServiceRegistry,
  host: string,
  fromNamespace = 'default',
): ServiceRecord | undefined {
  const h = host.replace(/\.$/, '').toLowerCase();
  const parts = h.split('.');
  const suffix = `svc.${CLUSTER_DOMAIN}`.split('.');
  let name: string | undefined;
  let ns = fromNamespace;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) [name, ns] = parts as [string, string];
  else if (parts.length >= 3 && parts[2] === 'svc') {
    const rest = parts.slice(3);
    if (rest.length === 0 || rest.join('.') === suffix.slice(1).join('.'))
      [name, ns] = parts as [string, string];
  }
  if (!name) return undefined;
  return reg.byKey[key(ns, name)];
}

/** The Service's fully qualified name (`NAME.NS.svc.cluster.local`). */
export function serviceFqdn(s: ServiceRecord): string {
  return `${s.name}.${s.namespace}.svc.${CLUSTER_DOMAIN}`;
}

/** What the Service's endpoints are: the ready pods its selector picks. */
export interface EndpointPod {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  ready: boolean;
  ip?: string;
  /** Container ports by number (and name) that something listens on. */
  ports: Array<{ port: number; name?: string }>;
}

export function selects(
  selector: Record<string, string> | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector) return false;
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}

/** The ready endpoints of a Service (EndpointSlice controller: ready pods with an IP). */
export function serviceEndpoints(s: ServiceRecord, pods: readonly EndpointPod[]): EndpointPod[] {
  return pods.filter(
    (p) =>
      p.namespace === s.namespace && p.ready && p.ip !== undefined && selects(s.selector, p.labels),
  );
}

/**
 * Whether a TCP connection to `service:port` reaches a backend: the port is
 * one of the Service's, and a ready endpoint listens on its targetPort.
 * A Service without a selector has no endpoints (connection refused/timeout).
 */
export function serviceConnects(
  s: ServiceRecord,
  port: number,
  pods: readonly EndpointPod[],
): boolean {
  const sp = s.ports.find((p) => p.port === port);
  if (!sp) return false;
  const target = sp.targetPort ?? sp.port;
  return serviceEndpoints(s, pods).some((p) =>
    typeof target === 'number'
      ? p.ports.some((cp) => cp.port === target)
      : p.ports.some((cp) => cp.name === target),
  );
}

/** The Service as an API object (for views). */
export function serviceObject(s: ServiceRecord, iso: (ms: number) => string = String): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: s.name, namespace: s.namespace, creationTimestamp: iso(s.createdAtMs) },
    spec: {
      type: 'ClusterIP',
      clusterIP: s.clusterIP,
      clusterIPs: [s.clusterIP],
      ports: s.ports.map((p) => ({ ...p }) as V1ServicePort),
      ...(s.selector ? { selector: { ...s.selector } } : {}),
    },
  };
}
