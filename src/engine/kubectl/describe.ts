/**
 * `kubectl describe pod` (k8s.io/kubectl/pkg/describe describePod and helpers):
 * every section is written as tab-separated `Key:\tvalue` lines at two-space
 * indentation levels and laid out by one Go tabwriter (minwidth 0, padding 2),
 * flushed just before the Events block.
 */
import type {
  Container,
  ContainerState,
  ContainerStatus,
  EnvVar,
  Pod,
  Probe,
  ResourceRequirements,
  Toleration,
  Volume,
} from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../kubelet/printPod.ts';
import { applyPodDefaults } from './defaults.ts';
import {
  aggregateEvents,
  eventsBlock,
  type EventOptions,
  type KubectlEventInput,
} from './events.ts';
import { Tabwriter, DESCRIBE_TABWRITER } from './tabwriter.ts';
import { formatRFC1123Z, parseTimestamp } from './time.ts';

export type DescribeOptions = Omit<EventOptions, 'podName'> & {
  /** Fill API defaults and admission (service-account volume, tolerations) first (default true). */
  applyDefaults?: boolean;
};

type Writer = (level: number, text: string) => void;

function time(ts: string | undefined): string {
  const ms = parseTimestamp(ts);
  // Go formats the zero time as year 1.
  return ms === undefined ? 'Mon, 01 Jan 0001 00:00:00 +0000' : formatRFC1123Z(ms);
}

function bool(v: boolean | undefined): string {
  return v ? 'True' : 'False';
}

function intOrString(v: number | string | undefined): string {
  return v === undefined ? '' : String(v);
}

function printMultiline(w: Writer, title: string, values: Record<string, string> | undefined) {
  const keys = Object.keys(values ?? {}).sort();
  if (keys.length === 0) {
    w(0, `${title}:\t<none>\n`);
    return;
  }
  keys.forEach((k, i) => w(0, `${i === 0 ? `${title}:` : ''}\t${k}=${values![k]}\n`));
}

const MAX_ANNOTATION_LEN = 140;

function printAnnotations(w: Writer, annotations: Record<string, string> | undefined) {
  const skip = 'kubectl.kubernetes.io/last-applied-configuration';
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== skip)
    .sort();
  if (keys.length === 0) {
    w(0, 'Annotations:\t<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    const head = i === 0 ? 'Annotations:\t' : '\t';
    const value = annotations![key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w(0, `${head}${key}:\n`);
      for (const s of value.split('\n')) {
        const cut = MAX_ANNOTATION_LEN - 2;
        w(0, `\t  ${s.length > cut ? `${s.slice(0, cut)}...` : s}\n`);
      }
    } else {
      w(0, `${head}${key}: ${value}\n`);
    }
  });
}

function printTolerations(w: Writer, tolerations: Toleration[] | undefined) {
  const list = [...(tolerations ?? [])].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  if (list.length === 0) {
    w(0, 'Tolerations:\t<none>\n');
    return;
  }
  list.forEach((t, i) => {
    let s = i === 0 ? 'Tolerations:\t' : '\t';
    s += t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null)
      s += ` for ${t.tolerationSeconds}s`;
    w(0, `${s}\n`);
  });
}

/** DescribeProbe: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
/** A value as text for the printer (a string as it is, anything else as JSON). */
function printable(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  return JSON.stringify(v) ?? String(v);
}

export function describeProbe(p: Probe): string {
  const attrs =
    `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s ` +
    `period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const port = intOrString(p.httpGet.port);
    const host = p.httpGet.host ?? '';
    const hostPort = port ? `${host.includes(':') ? `[${host}]` : host}:${port}` : host;
    const scheme = (p.httpGet.scheme ?? '').toLowerCase();
    return `http-get ${scheme}://${hostPort}${p.httpGet.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket)
    return `tcp-socket ${p.tcpSocket.host ?? ''}:${intOrString(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: Writer, name: string, state: ContainerState | undefined) {
  if (state?.running) {
    w(2, `${name}:\tRunning\n`);
    w(3, `Started:\t${time(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w(2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w(2, `${name}:\tTerminated\n`);
    if (t.reason) w(3, `Reason:\t${t.reason}\n`);
    if (t.message) w(3, `Message:\t${t.message}\n`);
    w(3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal && t.signal > 0) w(3, `Signal:\t${t.signal}\n`);
    w(3, `Started:\t${time(t.startedAt)}\n`);
    w(3, `Finished:\t${time(t.finishedAt)}\n`);
  } else {
    w(2, `${name}:\tWaiting\n`);
  }
}

function describeResources(w: Writer, r: ResourceRequirements | undefined, level: number) {
  if (!r) return;
  for (const [title, list] of [
    ['Limits', r.limits],
    ['Requests', r.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length > 0) w(level, `${title}:\n`);
    for (const n of names) w(level + 1, `${n}:\t${String(list![n])}\n`);
  }
}

function resolveFieldRef(pod: Pod, path: string): string {
  switch (path) {
    case 'metadata.name':
      return pod.metadata?.name ?? '';
    case 'metadata.namespace':
      return pod.metadata?.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata?.uid ?? '';
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    default:
      return '';
  }
}

function describeEnv(w: Writer, pod: Pod, c: Container) {
  const env: EnvVar[] = c.env ?? [];
  if (c.envFrom && c.envFrom.length > 0) {
    w(2, 'Environment Variables from:\n');
    for (const e of c.envFrom) {
      const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
      const ref = e.configMapRef ?? e.secretRef;
      const optional = ref?.optional === true;
      const kind = e.prefix ? `${from} with prefix '${e.prefix}'` : from;
      w(3, `${ref?.name ?? ''}\t${kind}\tOptional: ${optional}\n`);
    }
  }
  w(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      (e.value ?? '')
        .split('\n')
        .forEach((s, i) => w(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    const v = e.valueFrom;
    if (v.fieldRef) {
      const value = resolveFieldRef(pod, v.fieldRef.fieldPath);
      w(3, `${e.name}:\t${value} (${v.fieldRef.apiVersion ?? 'v1'}:${v.fieldRef.fieldPath})\n`);
    } else if (v.resourceFieldRef) {
      w(3, `${e.name}:\t (${v.resourceFieldRef.resource})\n`);
    } else if (v.secretKeyRef) {
      const r = v.secretKeyRef;
      w(
        3,
        `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`,
      );
    } else if (v.configMapKeyRef) {
      const r = v.configMapKeyRef;
      w(
        3,
        `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`,
      );
    }
  }
}

function describeMounts(w: Writer, c: Container) {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) =>
    a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0,
  );
  w(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
}

function describeContainers(
  w: Writer,
  pod: Pod,
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | undefined,
) {
  w(0, `${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  for (const c of containers) {
    const status = byName.get(c.name);
    w(1, `${c.name}:\n`);
    if (status) w(2, `Container ID:\t${status.containerID ?? ''}\n`);
    w(2, `Image:\t${c.image ?? ''}\n`);
    if (status) w(2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports = c.ports ?? [];
    const portStr = ports.map((p) => `${p.containerPort}/${p.protocol ?? ''}`).join(', ');
    const hostStr = ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
    if (portStr.includes(',')) w(2, `Ports:\t${portStr}\n`);
    else w(2, `Port:\t${portStr || '<none>'}\n`);
    if (hostStr.includes(',')) w(2, `Host Ports:\t${hostStr}\n`);
    else w(2, `Host Port:\t${hostStr || '<none>'}\n`);
    for (const [title, list] of [
      ['Command', c.command],
      ['Args', c.args],
    ] as const) {
      // A manifest the API server would refuse may still reach the printer: print what it holds.
      const parts: unknown[] = Array.isArray(list) ? list : list == null ? [] : [list];
      if (parts.length === 0) continue;
      w(2, `${title}:\n`);
      for (const part of parts) for (const s of printable(part).split('\n')) w(3, `${s}\n`);
    }
    if (status) {
      describeState(w, 'State', status.state);
      if (status.lastState?.terminated) describeState(w, 'Last State', status.lastState);
      w(2, `Ready:\t${bool(status.ready)}\n`);
      w(2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    describeResources(w, c.resources, 2);
    if (c.livenessProbe) w(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    describeEnv(w, pod, c);
    describeMounts(w, c);
  }
}

function describeVolumes(w: Writer, volumes: Volume[] | undefined) {
  if (!volumes || volumes.length === 0) {
    w(0, 'Volumes:\t<none>\n');
    return;
  }
  w(0, 'Volumes:\n');
  for (const v of volumes) {
    w(1, `${v.name}:\n`);
    if (v.hostPath) {
      w(
        2,
        `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n` +
          `    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`,
      );
    } else if (v.emptyDir) {
      const limit = v.emptyDir.sizeLimit ? String(v.emptyDir.sizeLimit) : '<unset>';
      w(
        2,
        "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n" +
          `    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${limit}\n`,
      );
    } else if (v.secret) {
      w(
        2,
        `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n` +
          `    Optional:\t${v.secret.optional === true}\n`,
      );
    } else if (v.configMap) {
      w(
        2,
        `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n` +
          `    Optional:\t${v.configMap.optional === true}\n`,
      );
    } else if (v.persistentVolumeClaim) {
      w(
        2,
        'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n' +
          `    ClaimName:\t${v.persistentVolumeClaim.claimName}\n` +
          `    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`,
      );
    } else if (v.projected) {
      w(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const s of v.projected.sources ?? []) {
        if (s.secret)
          w(
            2,
            `SecretName:\t${s.secret.name ?? ''}\n    Optional:\t${s.secret.optional === true}\n`,
          );
        else if (s.downwardAPI) w(2, 'DownwardAPI:\ttrue\n');
        else if (s.configMap)
          w(
            2,
            `ConfigMapName:\t${s.configMap.name ?? ''}\n    Optional:\t${s.configMap.optional === true}\n`,
          );
        else if (s.serviceAccountToken)
          w(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`);
      }
    } else {
      w(1, '<unknown>\n');
    }
  }
}

/** qos.GetPodQOS, simplified to cpu and memory: the status's class when set. */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  const tracked = ['cpu', 'memory'];
  let any = false;
  let guaranteed = all.length > 0;
  for (const c of all) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of tracked) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      const effectiveReq = req[r] ?? lim[r];
      if (lim[r] === undefined || String(effectiveReq) !== String(lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/**
 * The text `kubectl describe pod` prints (kubectl 1.35+), at `now`.
 * `events` are the occurrences about this pod in the order they happened.
 */
export function describePod(
  input: Pod,
  events: readonly KubectlEventInput[],
  now: Date,
  options: DescribeOptions = {},
): string {
  const pod = options.applyDefaults === false ? input : applyPodDefaults(input);
  const meta = pod.metadata ?? {};
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  const tw = new Tabwriter(DESCRIBE_TABWRITER);
  const w: Writer = (level, text) => tw.write('  '.repeat(level) + text);

  w(0, `Name:\t${meta.name ?? ''}\n`);
  w(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w(0, `Start Time:\t${time(status.startTime)}\n`);
  printMultiline(w, 'Labels', meta.labels);
  printAnnotations(w, meta.annotations);
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w(0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, now)})\n`);
    w(0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w(0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w(0, `Reason:\t${status.reason}\n`);
  if (status.message) w(0, `Message:\t${status.message}\n`);
  w(0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w(0, 'IPs:\t<none>\n');
  else {
    w(0, 'IPs:\n');
    for (const ip of ips) w(1, `IP:\t${ip.ip}\n`);
  }
  const controller = (meta.ownerReferences ?? []).find((o) => o.controller);
  if (controller) w(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
  if (status.nominatedNodeName) w(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);

  if (spec.initContainers && spec.initContainers.length > 0)
    describeContainers(
      w,
      pod,
      'Init Containers',
      spec.initContainers,
      status.initContainerStatuses,
    );
  describeContainers(w, pod, 'Containers', spec.containers, status.containerStatuses);

  if (spec.readinessGates && spec.readinessGates.length > 0) {
    w(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of spec.readinessGates) {
      const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
      w(1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
    }
  }
  if (status.conditions && status.conditions.length > 0) {
    w(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions) w(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes);
  w(0, `QoS Class:\t${podQOS(pod)}\n`);
  printMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerations(w, spec.tolerations);

  const rows = aggregateEvents(events, now, { ...options, podName: meta.name });
  if (rows.length > 0) tw.flush();
  tw.write(eventsBlock(rows));
  return tw.toString();
}
