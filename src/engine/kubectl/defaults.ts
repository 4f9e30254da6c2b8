/**
 * What the API server adds to a Pod before anyone reads it back: the defaulting
 * of pkg/apis/core/v1/defaults.go (SetDefaults_Pod, _PodSpec, _Container,
 * _Probe, _HTTPGetAction, _ContainerPort) and, for a pod that is not already
 * admitted, the ServiceAccount admission's projected token volume and the
 * DefaultTolerationSeconds tolerations. Pure and idempotent: only missing
 * fields are filled; the input is not modified.
 */
import type { Container, Pod, Probe, Toleration, Volume } from 'kubernetes-types/core/v1';
import { defaultImagePullPolicy } from '../kubelet/imagePolicy.ts';

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const API_ACCESS_PREFIX = 'kube-api-access-';
/** The alphabet of apiserver's generated name suffixes (utilrand.String). */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export interface DefaultsOptions {
  /** Add the service-account token volume and default tolerations (default true). */
  admission?: boolean;
}

/** A deterministic 5-character suffix derived from `seed` (FNV-1a). */
export function nameSuffix(seed: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let s = '';
  for (let i = 0; i < 5; i++) {
    s += SUFFIX_ALPHABET[h % SUFFIX_ALPHABET.length];
    h = Math.floor(h / SUFFIX_ALPHABET.length) + Math.imul(i + 7, 0x9e3779b1);
    h >>>= 0;
  }
  return s;
}

function defaultProbe(p: Probe | undefined): Probe | undefined {
  if (!p) return p;
  const out: Probe = {
    ...p,
    timeoutSeconds: p.timeoutSeconds ?? 1,
    periodSeconds: p.periodSeconds ?? 10,
    successThreshold: p.successThreshold ?? 1,
    failureThreshold: p.failureThreshold ?? 3,
  };
  if (p.httpGet)
    out.httpGet = { ...p.httpGet, path: p.httpGet.path ?? '/', scheme: p.httpGet.scheme ?? 'HTTP' };
  return out;
}

function defaultContainer(c: Container, tokenVolume: string | undefined): Container {
  const out: Container = {
    ...c,
    imagePullPolicy: c.imagePullPolicy ?? defaultImagePullPolicy(c.image ?? ''),
    resources: c.resources ?? {},
    terminationMessagePath: c.terminationMessagePath ?? '/dev/termination-log',
    terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
  };
  if (c.ports) out.ports = c.ports.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' }));
  if (c.livenessProbe) out.livenessProbe = defaultProbe(c.livenessProbe);
  if (c.readinessProbe) out.readinessProbe = defaultProbe(c.readinessProbe);
  if (c.startupProbe) out.startupProbe = defaultProbe(c.startupProbe);
  if (tokenVolume) {
    const mounts = c.volumeMounts ?? [];
    if (!mounts.some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) {
      out.volumeMounts = [
        ...mounts,
        { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name: tokenVolume, readOnly: true },
      ];
    }
  }
  return out;
}

function tokenVolume(name: string): Volume {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        {
          downwardAPI: {
            items: [
              {
                fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                path: 'namespace',
              },
            ],
          },
        },
      ],
    },
  };
}

const DEFAULT_TOLERATIONS: Toleration[] = [
  {
    effect: 'NoExecute',
    key: 'node.kubernetes.io/not-ready',
    operator: 'Exists',
    tolerationSeconds: 300,
  },
  {
    effect: 'NoExecute',
    key: 'node.kubernetes.io/unreachable',
    operator: 'Exists',
    tolerationSeconds: 300,
  },
];

/** The pod as the API server would return it. */
export function applyPodDefaults(pod: Pod, options: DefaultsOptions = {}): Pod {
  const spec = pod.spec ?? { containers: [] };
  const admission = options.admission ?? true;
  const volumes = spec.volumes ?? [];
  let tokenName = volumes.find((v) => v.name.startsWith(API_ACCESS_PREFIX))?.name;
  const addVolume = admission && spec.automountServiceAccountToken !== false && !tokenName;
  if (addVolume) {
    tokenName = API_ACCESS_PREFIX + nameSuffix(pod.metadata?.uid ?? pod.metadata?.name ?? 'pod');
  }
  const mountName =
    admission && spec.automountServiceAccountToken !== false ? tokenName : undefined;
  const tolerations = spec.tolerations ?? [];
  const missingTolerations = admission
    ? DEFAULT_TOLERATIONS.filter((d) => !tolerations.some((t) => t.key === d.key))
    : [];

  return {
    ...pod,
    apiVersion: pod.apiVersion ?? 'v1',
    kind: pod.kind ?? 'Pod',
    metadata: { ...pod.metadata, namespace: pod.metadata?.namespace ?? 'default' },
    spec: {
      ...spec,
      containers: spec.containers.map((c) => defaultContainer(c, mountName)),
      ...(spec.initContainers
        ? { initContainers: spec.initContainers.map((c) => defaultContainer(c, mountName)) }
        : {}),
      dnsPolicy: spec.dnsPolicy ?? 'ClusterFirst',
      enableServiceLinks: spec.enableServiceLinks ?? true,
      preemptionPolicy: spec.preemptionPolicy ?? 'PreemptLowerPriority',
      priority: spec.priority ?? 0,
      restartPolicy: spec.restartPolicy ?? 'Always',
      schedulerName: spec.schedulerName ?? 'default-scheduler',
      securityContext: spec.securityContext ?? {},
      serviceAccount: spec.serviceAccount ?? spec.serviceAccountName ?? 'default',
      serviceAccountName: spec.serviceAccountName ?? 'default',
      terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
      ...(missingTolerations.length > 0 || spec.tolerations
        ? { tolerations: [...tolerations, ...missingTolerations] }
        : {}),
      ...(addVolume || spec.volumes
        ? { volumes: addVolume ? [...volumes, tokenVolume(tokenName!)] : volumes }
        : {}),
    },
  };
}
