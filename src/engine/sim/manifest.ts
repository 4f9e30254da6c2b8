/**
 * Reading a manifest: YAML text or an object → a validated, defaulted Pod, as
 * the API server would store it (SetDefaults_Pod / SetDefaults_Container /
 * SetDefaults_Probe in pkg/apis/core/v1/defaults.go).
 */
import type { Container, Pod, Probe } from 'kubernetes-types/core/v1';
import { parseAllDocuments } from 'yaml';
import { defaultImagePullPolicy } from '../kubelet/imagePolicy.ts';
import { formatInvalidPodError, validatePod } from '../kubelet/validation.ts';
import type { FieldError } from '../kubelet/validation.ts';

/** Thrown for a manifest the API server would refuse; `errors` are validatePod's field errors. */
export class ManifestError extends Error {
  readonly errors: FieldError[];
  constructor(message: string, errors: FieldError[] = []) {
    super(message);
    this.name = 'ManifestError';
    this.errors = errors;
  }
}

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** Parses YAML or takes an object; returns the documents that are objects. */
export function readDocuments(manifest: string | object): Array<Record<string, unknown>> {
  if (typeof manifest !== 'string') {
    if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest))
      throw new ManifestError('manifest must be YAML text or an object');
    return [clone(manifest as Record<string, unknown>)];
  }
  const docs = parseAllDocuments(manifest);
  const out: Array<Record<string, unknown>> = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      throw new ManifestError(`error parsing YAML: ${e.message}`);
    }
    const v = doc.toJS() as unknown;
    if (v === null || v === undefined) continue;
    if (typeof v !== 'object' || Array.isArray(v))
      throw new ManifestError('error parsing YAML: the document is not an object');
    out.push(v as Record<string, unknown>);
  }
  if (out.length === 0) throw new ManifestError('the manifest is empty');
  return out;
}

function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  // As SetDefaults_Probe: an unset or zero field takes the default (0 s is no period).
  p.timeoutSeconds ||= 1;
  p.periodSeconds ||= 10;
  p.successThreshold ||= 1;
  p.failureThreshold ||= 3;
  if (p.httpGet) {
    p.httpGet.path ??= '/';
    p.httpGet.scheme ??= 'HTTP';
  }
}

function defaultContainer(c: Container): void {
  if (c.image !== undefined && c.image !== '' && !c.imagePullPolicy) {
    c.imagePullPolicy = defaultImagePullPolicy(c.image);
  }
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  for (const port of c.ports ?? []) port.protocol ??= 'TCP';
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
}

/** The API server's defaulting of a Pod (what `kubectl get -o yaml` shows back). */
export function defaultPod(pod: Pod): Pod {
  pod.apiVersion ??= 'v1';
  pod.kind ??= 'Pod';
  pod.metadata ??= {};
  pod.metadata.namespace ||= 'default';
  const spec = (pod.spec ??= { containers: [] });
  spec.restartPolicy ||= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  spec.serviceAccountName ??= 'default';
  spec.tolerations ??= [
    {
      key: 'node.kubernetes.io/not-ready',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 300,
    },
    {
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 300,
    },
  ];
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) {
    if (v.emptyDir === undefined && Object.keys(v).length === 1) v.emptyDir = {};
  }
  return pod;
}

/**
 * `SetDefaults_Pod` (pkg/apis/core/v1/defaults.go): a resource with a limit
 * and no request is requested at its limit — for every container and init
 * container, and for pod-level `spec.resources`. Only Pods get this (not
 * the templates of controllers); their pods do when they are created.
 */
export function defaultRequestsFromLimits(pod: Pod): Pod {
  const spec = pod.spec;
  if (!spec) return pod;
  type Res = { limits?: Record<string, unknown>; requests?: Record<string, unknown> };
  const fill = (r: Res | undefined) => {
    if (!r?.limits) return;
    const requests = (r.requests ??= {});
    for (const [k, v] of Object.entries(r.limits)) if (!(k in requests)) requests[k] = v;
  };
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])])
    fill(c.resources as Res | undefined);
  fill((spec as { resources?: Res }).resources);
  return pod;
}

const parsed = new Map<string, string>();

/** Reads the manifest's Pod: parsed, checked, defaulted. Throws ManifestError. */
export function readPod(manifest: string | object): Pod {
  if (typeof manifest !== 'string') return readPodUncached(manifest);
  // Replays re-read the same text: keep the defaulted result (as JSON, so each caller gets a copy).
  const known = parsed.get(manifest);
  if (known !== undefined) return JSON.parse(known) as Pod;
  const pod = readPodUncached(manifest);
  if (parsed.size > 32) parsed.clear();
  parsed.set(manifest, JSON.stringify(pod));
  return pod;
}

function readPodUncached(manifest: string | object): Pod {
  const docs = readDocuments(manifest);
  const doc = docs[0]!;
  const kind = doc.kind;
  if (kind !== undefined && kind !== 'Pod') {
    throw new ManifestError(
      `kind "${String(kind)}" is not supported yet: Podscope runs a Pod manifest (ReplicaSet and Deployment come with the cluster)`,
    );
  }
  if (doc.spec === null || typeof doc.spec !== 'object') {
    const name = String((doc.metadata as { name?: unknown } | undefined)?.name ?? '');
    const errors: FieldError[] = [
      {
        field: 'spec.containers',
        type: 'FieldValueRequired',
        detail: '',
        body: 'Required value',
        message: 'spec.containers: Required value',
      },
    ];
    throw new ManifestError(formatInvalidPodError(name, errors), errors);
  }
  const pod = defaultRequestsFromLimits(defaultPod(doc as Pod));
  const errors = validatePod(pod);
  if (errors.length > 0) {
    throw new ManifestError(formatInvalidPodError(pod.metadata?.name ?? '', errors), errors);
  }
  return pod;
}
