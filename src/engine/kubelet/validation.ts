/**
 * The API server's validation of a Pod on create, for the fields a Podscope
 * manifest uses (pkg/apis/core/validation/validation.go ValidatePodCreate →
 * ValidatePodSpec: volumes, containers, initContainers, restartPolicy), with
 * errors worded by k8s.io/apimachinery/pkg/util/validation/field (Error,
 * ErrorBody) and the messages of k8s.io/apimachinery/pkg/util/validation.
 *
 * Validation runs on the defaulted object, so fields the API server defaults
 * (restartPolicy, imagePullPolicy, port protocol, probe thresholds,
 * terminationMessagePolicy) are only checked when set.
 */
import type { ContainerPort, Probe, Volume } from 'kubernetes-types/core/v1';
import { containersOf, initContainersOf } from './podUtil.ts';
import type { KContainer, V1Pod } from './runtimeView.ts';

/** field.ErrorType values (the `reason` of a Status cause). */
export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong';

/** One field error, as the API server reports it in `status.details.causes`. */
export interface FieldError {
  /** JSON path, e.g. `spec.containers[1].name`. */
  field: string;
  type: FieldErrorType;
  /** The explanatory part after the value, '' when none. */
  detail: string;
  /** The offending value, when the error type prints one. */
  badValue?: unknown;
  /** The error without the field: `Duplicate value: "web"` (the cause's message). */
  body: string;
  /** The full line: `spec.containers[1].name: Duplicate value: "web"`. */
  message: string;
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
};

/** Go's `%q` for the simple strings that appear here. */
function quote(s: string): string {
  return JSON.stringify(s);
}

function renderValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function makeError(
  field: string,
  type: FieldErrorType,
  badValue: unknown,
  detail = '',
  printValue = true,
): FieldError {
  let body = TYPE_TEXT[type];
  const valueless =
    type === 'FieldValueRequired' || type === 'FieldValueForbidden' || type === 'FieldValueTooLong';
  if (!valueless && printValue) body += `: ${renderValue(badValue)}`;
  if (detail !== '') body += `: ${detail}`;
  const e: FieldError = { field, type, detail, body, message: `${field}: ${body}` };
  if (!valueless && printValue) e.badValue = badValue;
  return e;
}

const required = (f: string, detail = ''): FieldError =>
  makeError(f, 'FieldValueRequired', undefined, detail);
const invalid = (f: string, v: unknown, detail: string): FieldError =>
  makeError(f, 'FieldValueInvalid', v, detail);
const duplicate = (f: string, v: unknown): FieldError => makeError(f, 'FieldValueDuplicate', v);
const notFound = (f: string, v: unknown): FieldError => makeError(f, 'FieldValueNotFound', v);
const forbidden = (f: string, detail: string): FieldError =>
  makeError(f, 'FieldValueForbidden', undefined, detail);
function notSupported(f: string, v: unknown, valid: readonly string[]): FieldError {
  const detail = valid.length > 0 ? `supported values: ${valid.map(quote).join(', ')}` : '';
  return makeError(f, 'FieldValueNotSupported', v, detail);
}

// --- k8s.io/apimachinery/pkg/util/validation messages --------------------------------------

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_ERR =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_ERR =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

/** validation.RegexError */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((ex, i) => {
    if (i > 0) out += ' or ';
    out += `'${ex}', `;
  });
  return `${out}regex used for validation is '${fmt}')`;
}

const maxLenError = (n: number): string => `must be no more than ${n} characters`;

/** validation.IsDNS1123Label */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!new RegExp(`^${DNS1123_LABEL_FMT}$`).test(value)) {
    errs.push(regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

/** validation.IsDNS1123Subdomain */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`).test(value)) {
    errs.push(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  }
  return errs;
}

/** validation.IsValidPortNum */
function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/** validation.IsValidPortName */
function isValidPortName(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(name)) {
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  }
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.length > 0 && (name.startsWith('-') || name.endsWith('-'))) {
    errs.push('must not begin or end with a hyphen');
  }
  return errs;
}

function dns1123Label(value: string, field: string): FieldError[] {
  return isDNS1123Label(value).map((msg) => invalid(field, value, msg));
}

// --- the pod -----------------------------------------------------------------------------

const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
] as const;

function validateVolumes(
  volumes: readonly Volume[],
  path: string,
): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  volumes.forEach((vol, i) => {
    const idx = `${path}[${i}]`;
    const el: FieldError[] = [];
    const v = vol as unknown as Record<string, unknown>;
    const sources = VOLUME_SOURCES.filter((k) => v[k] !== undefined && v[k] !== null);
    if (sources.length === 0) el.push(required(idx, 'must specify a volume type'));
    else if (sources.length > 1)
      el.push(forbidden(`${idx}.${sources[1]}`, 'may not specify more than 1 volume type'));
    const name = vol.name ?? '';
    if (name === '') el.push(required(`${idx}.name`));
    else el.push(...dns1123Label(name, `${idx}.name`));
    if (names.has(name)) el.push(duplicate(`${idx}.name`, name));
    if (el.length === 0) names.add(name);
    else errs.push(...el);
  });
  return { errs, names };
}

function validatePorts(ports: readonly ContainerPort[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const idx = `${path}[${i}]`;
    const name = p.name ?? '';
    if (name !== '') {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) errs.push(...msgs.map((m) => invalid(`${idx}.name`, name, m)));
      else if (names.has(name)) errs.push(duplicate(`${idx}.name`, name));
      else names.add(name);
    }
    const cp = p.containerPort ?? 0;
    if (cp === 0) errs.push(required(`${idx}.containerPort`));
    else errs.push(...isValidPortNum(cp).map((m) => invalid(`${idx}.containerPort`, cp, m)));
    const hp = p.hostPort ?? 0;
    if (hp !== 0) errs.push(...isValidPortNum(hp).map((m) => invalid(`${idx}.hostPort`, hp, m)));
    if (p.protocol !== undefined && !['SCTP', 'TCP', 'UDP'].includes(p.protocol)) {
      errs.push(notSupported(`${idx}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
    }
  });
  return errs;
}

function validateVolumeMounts(c: KContainer, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, i) => {
    const idx = `${path}[${i}]`;
    const name = m.name ?? '';
    if (name === '') errs.push(required(`${idx}.name`));
    if (!volumes.has(name)) errs.push(notFound(`${idx}.name`, name));
    const mp = m.mountPath ?? '';
    if (mp === '') errs.push(required(`${idx}.mountPath`));
    if (mountPoints.has(mp)) errs.push(invalid(`${idx}.mountPath`, mp, 'must be unique'));
    mountPoints.add(mp);
  });
  return errs;
}

/** `command` and `args` are lists of strings (the API server refuses anything else). */
function validateStringList(list: unknown, path: string): FieldError[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) return [invalid(path, list, 'must be a list of strings')];
  const errs: FieldError[] = [];
  list.forEach((v: unknown, i) => {
    if (typeof v !== 'string') errs.push(invalid(`${path}[${i}]`, v, 'must be a string'));
  });
  return errs;
}

/** An int32 field: a whole number (the API server cannot decode anything else). */
function validateInteger(v: unknown, path: string): FieldError[] {
  if (v === undefined || v === null) return [];
  if (typeof v !== 'number' || !Number.isInteger(v))
    return [invalid(path, v, 'must be an integer')];
  if (v < 0) return [invalid(path, v, 'must be greater than or equal to 0')];
  return [];
}

const CONTAINER_RESTART_POLICIES = ['Always', 'Never', 'OnFailure'];

/** validateContainerCommon: name, image, ports, volume mounts, pull policy. */
function validateContainerCommon(c: KContainer, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = c.name ?? '';
  if (name === '') errs.push(required(`${path}.name`));
  else errs.push(...dns1123Label(name, `${path}.name`));
  if ((c.image ?? '') === '') errs.push(required(`${path}.image`));
  if (
    c.terminationMessagePolicy !== undefined &&
    !['File', 'FallbackToLogsOnError'].includes(c.terminationMessagePolicy)
  ) {
    errs.push(
      notSupported(`${path}.terminationMessagePolicy`, c.terminationMessagePolicy, [
        'File',
        'FallbackToLogsOnError',
      ]),
    );
  }
  errs.push(...validateStringList(c.command, `${path}.command`));
  errs.push(...validateStringList(c.args, `${path}.args`));
  errs.push(...validatePorts(c.ports ?? [], `${path}.ports`));
  errs.push(...validateVolumeMounts(c, volumes, `${path}.volumeMounts`));
  if (
    c.imagePullPolicy !== undefined &&
    !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy)
  ) {
    errs.push(
      notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, [
        'Always',
        'IfNotPresent',
        'Never',
      ]),
    );
  }
  if (c.restartPolicy !== undefined && !CONTAINER_RESTART_POLICIES.includes(c.restartPolicy)) {
    errs.push(notSupported(`${path}.restartPolicy`, c.restartPolicy, CONTAINER_RESTART_POLICIES));
  }
  return errs;
}

/** validateProbe + the liveness/startup successThreshold rule. */
function validateProbe(p: Probe | undefined, path: string, mustSucceedOnce: boolean): FieldError[] {
  if (!p) return [];
  const errs: FieldError[] = [];
  const handlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'].filter(
    (k) => (p as Record<string, unknown>)[k] !== undefined,
  );
  if (handlers.length === 0) errs.push(required(path, 'must specify a handler type'));
  else if (handlers.length > 1)
    errs.push(forbidden(`${path}.${handlers[1]}`, 'may not specify more than 1 handler type'));
  for (const k of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ] as const) {
    errs.push(...validateInteger(p[k], `${path}.${k}`));
  }
  const tg = p.terminationGracePeriodSeconds;
  if (tg !== undefined && tg !== null) {
    const e = validateInteger(tg, `${path}.terminationGracePeriodSeconds`);
    if (e.length === 0 && tg <= 0)
      e.push(invalid(`${path}.terminationGracePeriodSeconds`, tg, 'must be greater than 0'));
    errs.push(...e);
  }
  const success = p.successThreshold ?? 1;
  if (mustSucceedOnce && success !== 1 && success >= 0) {
    errs.push(invalid(`${path}.successThreshold`, success, 'must be 1'));
  }
  return errs;
}

function hostPortKey(p: ContainerPort): string {
  return `${p.protocol ?? 'TCP'}/${p.hostIP ?? ''}/${p.hostPort}`;
}

/** AccumulateUniqueHostPorts over the given containers (indices relative to `path`). */
function uniqueHostPorts(
  containers: readonly { c: KContainer; i: number }[],
  path: string,
  seen: Set<string>,
): FieldError[] {
  const errs: FieldError[] = [];
  for (const { c, i } of containers) {
    (c.ports ?? []).forEach((p, pi) => {
      if (!p.hostPort) return;
      const key = hostPortKey(p);
      if (seen.has(key)) errs.push(duplicate(`${path}[${i}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    });
  }
  return errs;
}

const INIT_FORBIDDEN = 'may not be set for init containers without restartPolicy=Always';

/**
 * Validates a pod the way the API server does on create. Returns the field
 * errors in the API server's order (empty when the pod is valid).
 */
export function validatePod(pod: V1Pod): FieldError[] {
  const errs: FieldError[] = [];
  const meta = pod.metadata ?? {};
  if ((meta.name ?? '') === '' && (meta.generateName ?? '') === '') {
    errs.push(required('metadata.name', 'name or generateName is required'));
  } else if ((meta.name ?? '') !== '') {
    for (const msg of isDNS1123Subdomain(meta.name!))
      errs.push(invalid('metadata.name', meta.name, msg));
  }

  const { errs: volErrs, names: volumes } = validateVolumes(
    pod.spec?.volumes ?? [],
    'spec.volumes',
  );
  errs.push(...volErrs);

  const containers = containersOf(pod);
  const inits = initContainersOf(pod);
  const allNames = new Set<string>();

  if (containers.length === 0) errs.push(required('spec.containers'));
  containers.forEach((c, i) => {
    const path = `spec.containers[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, path));
    if (allNames.has(c.name)) errs.push(duplicate(`${path}.name`, c.name));
    else allNames.add(c.name);
    errs.push(...validateProbe(c.livenessProbe, `${path}.livenessProbe`, true));
    errs.push(...validateProbe(c.readinessProbe, `${path}.readinessProbe`, false));
    errs.push(...validateProbe(c.startupProbe, `${path}.startupProbe`, true));
  });
  errs.push(
    ...uniqueHostPorts(
      containers.map((c, i) => ({ c, i })),
      'spec.containers',
      new Set(),
    ),
  );

  inits.forEach((c, i) => {
    const path = `spec.initContainers[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, path));
    if (allNames.has(c.name)) errs.push(duplicate(`${path}.name`, c.name));
    else if (c.name) allNames.add(c.name);
    // Init containers run one at a time: host ports only conflict within one container.
    errs.push(...uniqueHostPorts([{ c, i }], 'spec.initContainers', new Set()));
    if (c.restartPolicy === 'Always') {
      errs.push(...validateProbe(c.livenessProbe, `${path}.livenessProbe`, true));
      errs.push(...validateProbe(c.readinessProbe, `${path}.readinessProbe`, false));
      errs.push(...validateProbe(c.startupProbe, `${path}.startupProbe`, true));
    } else {
      if (c.lifecycle) errs.push(forbidden(`${path}.lifecycle`, INIT_FORBIDDEN));
      if (c.livenessProbe) errs.push(forbidden(`${path}.livenessProbe`, INIT_FORBIDDEN));
      if (c.readinessProbe) errs.push(forbidden(`${path}.readinessProbe`, INIT_FORBIDDEN));
      if (c.startupProbe) errs.push(forbidden(`${path}.startupProbe`, INIT_FORBIDDEN));
    }
  });

  errs.push(
    ...validateInteger(
      pod.spec?.terminationGracePeriodSeconds,
      'spec.terminationGracePeriodSeconds',
    ),
  );
  const rp = pod.spec?.restartPolicy;
  if (rp !== undefined && !['Always', 'OnFailure', 'Never'].includes(rp)) {
    errs.push(
      rp === ''
        ? required('spec.restartPolicy')
        : notSupported('spec.restartPolicy', rp, ['Always', 'Never', 'OnFailure']),
    );
  }
  return errs;
}

/** utilerrors aggregate: one message, or `[a, b]` with duplicates dropped. */
function aggregate(errors: readonly FieldError[]): string {
  const seen: string[] = [];
  for (const e of errors) if (!seen.includes(e.message)) seen.push(e.message);
  if (errors.length === 1) return errors[0]!.message;
  return seen.length === 1 ? seen[0]! : `[${seen.join(', ')}]`;
}

/** The API server's Status message: `Pod "x" is invalid: [a, b]`. */
export function podInvalidStatusMessage(name: string, errors: readonly FieldError[]): string {
  return `Pod ${quote(name)} is invalid: ${aggregate(errors)}`;
}

/**
 * What kubectl prints for the API server's Invalid error:
 * `The Pod "x" is invalid: spec.containers[1].name: Duplicate value: "web"`, or with
 * several errors the heading followed by one `* <error>` line each.
 */
export function formatInvalidPodError(name: string, errors: readonly FieldError[]): string {
  const head = `The Pod ${quote(name)} is invalid: `;
  if (errors.length === 0) return head.trimEnd();
  if (errors.length === 1) return head + errors[0]!.message;
  return `${head}\n${errors.map((e) => `* ${e.message}`).join('\n')}`;
}
