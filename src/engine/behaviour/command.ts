/**
 * What a container runs and with which environment, as Kubernetes decides it.
 *
 * Command and arguments (the documented rules):
 *   - neither `command` nor `args`: the image's ENTRYPOINT followed by its CMD;
 *   - `command` only: just `command` (the image's ENTRYPOINT and CMD are ignored);
 *   - `args` only: the image's ENTRYPOINT with `args`;
 *   - both: `command` with `args`.
 * Before that, `$(VAR_NAME)` references are expanded from the container's
 * environment; `$$` escapes a `$`; an unknown reference stays as written.
 *
 * Environment: the image's variables, HOSTNAME, the Service variables
 * (KUBERNETES_SERVICE_HOST… always; other Services when `enableServiceLinks`),
 * then `envFrom` and `env` (which may reference earlier variables).
 */
import type { ResolvedImage } from './images.ts';
import { KUBERNETES_SERVICE_IP } from './shell/commands.ts';
import type { BehaviourCtx, ContainerDef, PodSystem, ServiceInfo } from './types.ts';

/** Kubernetes' `$(VAR)` expansion (third_party/forked/golang/expansion semantics). */
export function expandK8s(input: string, vars: Record<string, string>): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c !== '$' || i === input.length - 1) {
      out += c;
      continue;
    }
    const next = input[i + 1]!;
    if (next === '$') {
      out += '$';
      i++;
      continue;
    }
    if (next === '(') {
      const end = input.indexOf(')', i + 2);
      if (end === -1) {
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, end);
      out += name in vars ? vars[name] : `$(${name})`;
      i = end;
      continue;
    }
    out += c;
  }
  return out;
}

/** The argv the runtime executes (before `$(VAR)` expansion). */
export function combineCommand(
  def: Pick<ContainerDef, 'command' | 'args'>,
  image: Pick<ResolvedImage, 'entrypoint' | 'cmd'>,
): string[] {
  const command = def.command?.length ? def.command : undefined;
  const args = def.args?.length ? def.args : undefined;
  if (!command && !args) return [...image.entrypoint, ...image.cmd];
  if (command && !args) return [...command];
  if (!command && args) return [...image.entrypoint, ...args];
  return [...command!, ...args!];
}

function serviceVars(svc: ServiceInfo): Array<[string, string]> {
  const N = svc.name.toUpperCase().replace(/-/g, '_');
  const first = svc.ports[0];
  if (!first) return [[`${N}_SERVICE_HOST`, svc.clusterIP]];
  const out: Array<[string, string]> = [
    [`${N}_SERVICE_HOST`, svc.clusterIP],
    [`${N}_SERVICE_PORT`, String(first.port)],
  ];
  for (const p of svc.ports) {
    if (p.name)
      out.push([`${N}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`, String(p.port)]);
  }
  out.push([`${N}_PORT`, `tcp://${svc.clusterIP}:${first.port}`]);
  for (const p of svc.ports) {
    const pre = `${N}_PORT_${p.port}_TCP`;
    out.push(
      [pre, `tcp://${svc.clusterIP}:${p.port}`],
      [`${pre}_PROTO`, 'tcp'],
      [`${pre}_PORT`, String(p.port)],
      [`${pre}_ADDR`, svc.clusterIP],
    );
  }
  return out;
}

export interface EnvResult {
  env: Record<string, string>;
  /** The variables `$(VAR)` in command/args may reference (Service variables, envFrom, env). */
  vars: Record<string, string>;
  /** A reference that cannot be resolved: the container fails with CreateContainerConfigError. */
  configError?: string;
  notes: string[];
}

function fieldRef(sys: PodSystem, path: string): string | undefined {
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return (m[1] === 'labels' ? sys.labels : sys.annotations)[m[2]!] ?? '';
  switch (path) {
    case 'metadata.name':
      return sys.podName;
    case 'metadata.namespace':
      return sys.namespace;
    case 'metadata.uid':
      return sys.uid;
    case 'spec.nodeName':
      return sys.nodeName;
    case 'spec.serviceAccountName':
      return sys.serviceAccountName;
    case 'status.podIP':
    case 'status.podIPs':
      return sys.podIP;
    case 'status.hostIP':
    case 'status.hostIPs':
      return '10.0.0.10';
    default:
      return undefined;
  }
}

/** The container's environment at start. */
export function buildEnv(
  sys: PodSystem,
  def: ContainerDef,
  image: ResolvedImage,
  ctx: BehaviourCtx,
): EnvResult {
  const notes: string[] = [];
  const env: Record<string, string> = { ...image.env, HOSTNAME: sys.hostname };
  const k8s: Record<string, string> = {};
  const kubernetes: ServiceInfo = {
    name: 'kubernetes',
    namespace: 'default',
    clusterIP: KUBERNETES_SERVICE_IP,
    ports: [{ port: 443, name: 'https' }],
  };
  const services = [kubernetes];
  if (sys.enableServiceLinks) {
    for (const s of ctx.cluster?.services?.(sys.namespace) ?? [])
      if (s.name !== 'kubernetes') services.push(s);
  }
  for (const s of services) for (const [k, v] of serviceVars(s)) k8s[k] = v;
  let configError: string | undefined;
  const explicit: Record<string, string> = { ...k8s };
  for (const src of def.envFrom) {
    const ref = src.configMapRef ?? src.secretRef;
    if (!ref) continue;
    const data = src.configMapRef
      ? ctx.cluster?.configMap?.(ref.name, sys.namespace)
      : ctx.cluster?.secret?.(ref.name, sys.namespace);
    if (!data) {
      notes.push(
        `envFrom ${src.configMapRef ? 'configMap' : 'secret'} ${ref.name}: its data is unknown to Podscope (no variables added)`,
      );
      continue;
    }
    for (const [k, v] of Object.entries(data)) explicit[`${src.prefix ?? ''}${k}`] = v;
  }
  for (const e of def.env) {
    if (e.value !== undefined) {
      explicit[e.name] = expandK8s(e.value, explicit);
      continue;
    }
    const vf = (e.valueFrom ?? {}) as {
      fieldRef?: { fieldPath: string };
      resourceFieldRef?: { resource: string };
      configMapKeyRef?: { name: string; key: string; optional?: boolean };
      secretKeyRef?: { name: string; key: string; optional?: boolean };
    };
    if (vf.fieldRef) {
      explicit[e.name] = fieldRef(sys, vf.fieldRef.fieldPath) ?? '';
    } else if (vf.resourceFieldRef) {
      explicit[e.name] = '0';
      notes.push(
        `env ${e.name}: resourceFieldRef ${vf.resourceFieldRef.resource} is not simulated (set to 0)`,
      );
    } else if (vf.configMapKeyRef || vf.secretKeyRef) {
      const r = (vf.configMapKeyRef ?? vf.secretKeyRef)!;
      const kind = vf.configMapKeyRef ? 'configmap' : 'secret';
      const lookup = vf.configMapKeyRef ? ctx.cluster?.configMap : ctx.cluster?.secret;
      if (!lookup) {
        explicit[e.name] = '';
        notes.push(`env ${e.name}: ${kind} ${r.name} is unknown to Podscope (set to empty)`);
        continue;
      }
      const data = lookup(r.name, sys.namespace);
      if (data && r.key in data) explicit[e.name] = data[r.key]!;
      else if (!r.optional)
        configError ??= data
          ? `couldn't find key ${r.key} in ${kind === 'configmap' ? 'ConfigMap' : 'Secret'} ${sys.namespace}/${r.name}`
          : `${kind} "${r.name}" not found`;
    } else {
      explicit[e.name] = '';
    }
  }
  Object.assign(env, explicit);
  if (!('HOME' in env)) env.HOME = '/root';
  return { env, vars: explicit, configError, notes };
}
