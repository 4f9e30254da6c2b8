/**
 * Reading a manifest with several documents: Pods, ReplicaSets and
 * Deployments (apps/v1) and Services, defaulted and validated as the API
 * server would, including the DefaultTolerationSeconds admission plugin.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { FieldError } from '../kubelet/validation.ts';
import { validatePod } from '../kubelet/validation.ts';
import {
  defaultPod,
  defaultRequestsFromLimits,
  ManifestError,
  readDocuments,
  readPod,
} from '../sim/manifest.ts';
import { scaledValue } from './deployment.ts';
import { withDefaultTolerations } from './nodeLifecycle.ts';

export interface WorkloadDoc {
  kind: 'ReplicaSet' | 'Deployment';
  name: string;
  namespace: string;
  replicas: number;
  minReadySeconds: number;
  selector: Record<string, string>;
  labels: Record<string, string>;
  /** The PodTemplateSpec, defaulted like a Pod (metadata.labels and spec). */
  template: {
    metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
    spec: Pod['spec'];
  };
  strategy: {
    type: 'RollingUpdate' | 'Recreate';
    maxSurge?: number | string;
    maxUnavailable?: number | string;
  };
  revisionHistoryLimit: number;
  progressDeadlineSeconds: number;
}

export interface ClusterManifest {
  pods: Pod[];
  workloads: WorkloadDoc[];
  services: Service[];
}

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** The API server's defaulting of a pod, plus DefaultTolerationSeconds admission. */
export function admitPod(pod: Pod): Pod {
  const hadTolerations = pod.spec?.tolerations !== undefined;
  const out = defaultRequestsFromLimits(defaultPod(pod));
  if (hadTolerations) out.spec!.tolerations = withDefaultTolerations(out.spec!.tolerations);
  return out;
}

function invalid(kind: string, name: string, errors: FieldError[]): ManifestError {
  const head = `The ${kind} "${name}" is invalid: `;
  const msg =
    errors.length === 1
      ? head + errors[0]!.message
      : `${head}\n${errors.map((e) => `* ${e.message}`).join('\n')}`;
  return new ManifestError(msg, errors);
}

function err(field: string, type: FieldError['type'], body: string): FieldError {
  return { field, type, detail: '', body, message: `${field}: ${body}` };
}

function goMap(m: Record<string, string>): string {
  return `map[string]string{${Object.keys(m)
    .sort()
    .map((k) => `"${k}":"${m[k]}"`)
    .join(', ')}}`;
}

/** Reads an apps/v1 ReplicaSet or Deployment document. */
export function readWorkload(doc: Record<string, unknown>): WorkloadDoc {
  const kind = doc.kind as 'ReplicaSet' | 'Deployment';
  const meta = (doc.metadata ?? {}) as {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  const name = meta.name ?? '';
  const spec = (doc.spec ?? {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  if (!name)
    errors.push(
      err(
        'metadata.name',
        'FieldValueRequired',
        'Required value: name or generateName is required',
      ),
    );
  const selector = (spec.selector ?? undefined) as
    { matchLabels?: Record<string, string> } | undefined;
  const template = clone((spec.template ?? {}) as WorkloadDoc['template']);
  template.metadata ??= { labels: {} };
  template.metadata.labels ??= {};
  const tLabels = template.metadata.labels;
  const matchLabels = selector?.matchLabels ?? {};
  if (!selector || Object.keys(matchLabels).length === 0)
    errors.push(err('spec.selector', 'FieldValueRequired', 'Required value'));
  else if (!Object.keys(matchLabels).every((k) => tLabels[k] === matchLabels[k]))
    errors.push(
      err(
        'spec.template.metadata.labels',
        'FieldValueInvalid',
        `Invalid value: ${goMap(tLabels)}: \`selector\` does not match template \`labels\``,
      ),
    );
  const replicas = spec.replicas === undefined ? 1 : Number(spec.replicas);
  if (!Number.isInteger(replicas) || replicas < 0)
    errors.push(
      err(
        'spec.replicas',
        'FieldValueInvalid',
        `Invalid value: ${String(spec.replicas)}: must be greater than or equal to 0`,
      ),
    );
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: name || 'x' },
    spec: template.spec ?? (undefined as never),
  };
  if (!template.spec)
    errors.push(err('spec.template.spec.containers', 'FieldValueRequired', 'Required value'));
  else {
    defaultPod(pod);
    for (const e of validatePod(pod))
      errors.push({
        ...e,
        field: `spec.template.${e.field}`,
        message: `spec.template.${e.message}`,
      });
  }
  const strategyDoc = (spec.strategy ?? {}) as {
    type?: string;
    rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string };
  };
  const type = strategyDoc.type === 'Recreate' ? 'Recreate' : 'RollingUpdate';
  const strategy: WorkloadDoc['strategy'] = { type };
  if (type === 'RollingUpdate') {
    strategy.maxSurge = strategyDoc.rollingUpdate?.maxSurge ?? '25%';
    strategy.maxUnavailable = strategyDoc.rollingUpdate?.maxUnavailable ?? '25%';
    try {
      const s = scaledValue(strategy.maxSurge, 100, true);
      const u = scaledValue(strategy.maxUnavailable, 100, false);
      if (s === 0 && u === 0)
        errors.push(
          err(
            'spec.strategy.rollingUpdate.maxUnavailable',
            'FieldValueInvalid',
            `Invalid value: ${JSON.stringify(strategy.maxUnavailable)}: may not be 0 when \`maxSurge\` is 0`,
          ),
        );
    } catch (e) {
      errors.push(
        err(
          'spec.strategy.rollingUpdate',
          'FieldValueInvalid',
          `Invalid value: ${(e as Error).message}`,
        ),
      );
    }
  }
  if (errors.length > 0) throw invalid(kind, name, errors);
  template.spec = pod.spec;
  return {
    kind,
    name,
    namespace: meta.namespace || 'default',
    replicas,
    minReadySeconds: Number(spec.minReadySeconds ?? 0) || 0,
    selector: { ...matchLabels },
    labels: { ...(meta.labels ?? tLabels) },
    template,
    strategy,
    revisionHistoryLimit: Number(spec.revisionHistoryLimit ?? 10),
    progressDeadlineSeconds: Number(spec.progressDeadlineSeconds ?? 600),
  };
}

/** Every document of the manifest, by kind. Throws ManifestError. */
export function readClusterManifest(manifest: string | object): ClusterManifest {
  const docs = readDocuments(manifest);
  const out: ClusterManifest = { pods: [], workloads: [], services: [] };
  for (const doc of docs) {
    const kind = doc.kind;
    if (kind === undefined || kind === 'Pod') {
      out.pods.push(admitPod(readPod(doc)));
    } else if (kind === 'ReplicaSet' || kind === 'Deployment') {
      const api = String(doc.apiVersion ?? 'apps/v1');
      if (api !== 'apps/v1')
        throw new ManifestError(
          `no matches for kind "${kind}" in version "${api}": ensure CRDs are installed first (use apiVersion: apps/v1)`,
        );
      out.workloads.push(readWorkload(doc));
    } else if (kind === 'Service') {
      const s = doc as Service;
      if (!s.metadata?.name) throw new ManifestError('a Service needs metadata.name');
      out.services.push(s);
    } else {
      throw new ManifestError(
        `kind "${String(kind)}" is not supported: Podscope runs Pods, ReplicaSets, Deployments and Services`,
      );
    }
  }
  const names = new Set<string>();
  for (const n of [
    ...out.pods.map((p) => `Pod/${p.metadata!.name!}`),
    ...out.workloads.map((w) => `${w.kind}/${w.name}`),
    ...out.services.map((s) => `Service/${s.metadata!.name!}`),
  ]) {
    if (names.has(n))
      throw new ManifestError(`${n.replace('/', ' "')}" is defined twice in the manifest`);
    names.add(n);
  }
  if (out.pods.length === 0 && out.workloads.length === 0)
    throw new ManifestError('the manifest holds no Pod, ReplicaSet or Deployment');
  return out;
}
