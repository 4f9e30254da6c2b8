/**
 * Validation of an action at the public API (`Simulation.dispatch`): its
 * `kind` and the type of every field, before anything changes. A refusal is
 * an `Error` worded like the API server's field errors
 * (`action.kind: Unsupported value: "foo": supported values: …`).
 */
const PROBES = ['liveness', 'readiness', 'startup'];

type FieldRule = 'string' | 'probe' | 'duration' | 'exitCode' | 'grace' | 'replicas' | 'manifest';

/** Fields of each kind: `name: rule`, `?` = optional. */
const KINDS: Record<string, Record<string, FieldRule>> = {
  crash: { container: 'string', 'exitCode?': 'exitCode', 'pod?': 'string' },
  'oom-kill': { container: 'string', 'pod?': 'string' },
  'kill-sandbox': { 'pod?': 'string' },
  'probe-failure': {
    container: 'string',
    probe: 'probe',
    'durationMs?': 'duration',
    'pod?': 'string',
  },
  'probe-recover': { container: 'string', probe: 'probe', 'pod?': 'string' },
  'image-pull-error': { 'image?': 'string', 'durationMs?': 'duration', 'pod?': 'string' },
  'delete-pod': { 'pod?': 'string', 'gracePeriodSeconds?': 'grace' },
  'node-failure': { 'node?': 'string' },
  'node-recover': { 'node?': 'string' },
  'create-service': { name: 'string' },
  'delete-service': { name: 'string' },
  'set-image': { target: 'string', container: 'string', image: 'string' },
  scale: { target: 'string', replicas: 'replicas' },
  apply: { manifest: 'manifest' },
  'node-memory-pressure': { 'node?': 'string', 'pod?': 'string' },
};

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (typeof v === 'object') {
    try {
      return JSON.stringify(v) ?? typeof v;
    } catch {
      return typeof v;
    }
  }
  return typeof v;
}

function fieldError(field: string, rule: FieldRule, v: unknown): string | undefined {
  const bad = (detail: string) => `action.${field}: Invalid value: ${show(v)}: ${detail}`;
  switch (rule) {
    case 'string':
      if (typeof v !== 'string') return bad('must be a string');
      if (v === '') return `action.${field}: Required value`;
      return undefined;
    case 'probe':
      if (typeof v !== 'string' || !PROBES.includes(v))
        return `action.${field}: Unsupported value: ${show(v)}: supported values: ${PROBES.map((p) => `"${p}"`).join(', ')}`;
      return undefined;
    case 'duration':
      if (typeof v !== 'number' || !Number.isFinite(v))
        return bad('must be a number of milliseconds');
      if (v < 0) return bad('must be greater than or equal to 0');
      return undefined;
    case 'exitCode':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 255)
        return bad('must be an integer between 0 and 255');
      return undefined;
    case 'grace':
    case 'replicas':
      if (typeof v !== 'number' || !Number.isInteger(v)) return bad('must be an integer');
      if (v < 0) return bad('must be greater than or equal to 0');
      return undefined;
    case 'manifest':
      if (typeof v !== 'string' && (typeof v !== 'object' || v === null))
        return bad('must be a YAML/JSON document or an object');
      return undefined;
  }
}

/** Why the action is refused, or undefined when it is well-formed. */
export function actionError(a: unknown): string | undefined {
  if (typeof a !== 'object' || a === null || Array.isArray(a))
    return `action: Invalid value: ${show(a)}: must be an object with a kind`;
  const kind = (a as { kind?: unknown }).kind;
  if (kind === undefined || kind === '') return 'action.kind: Required value';
  if (typeof kind !== 'string' || !Object.hasOwn(KINDS, kind))
    return `action.kind: Unsupported value: ${show(kind)}: supported values: ${Object.keys(KINDS)
      .map((k) => `"${k}"`)
      .join(', ')}`;
  for (const [key, rule] of Object.entries(KINDS[kind]!)) {
    const optional = key.endsWith('?');
    const field = optional ? key.slice(0, -1) : key;
    const v = (a as Record<string, unknown>)[field];
    if (v === undefined) {
      if (!optional) return `action.${field}: Required value`;
      continue;
    }
    const err = fieldError(field, rule, v);
    if (err) return err;
  }
  return undefined;
}
