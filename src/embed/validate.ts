/**
 * Checks for what arrives from outside a Podscope instance (share links, host pages): the
 * shape of an engine `Action`, and a manifest as the API server would judge it, so a bad one is
 * refused before anything changes.
 */
import { parseDocument } from 'yaml';
import { validatePod } from '../engine/index.ts';
import type { Action } from '../worker/protocol.ts';

/**
 * Every action kind of the engine's `Action` union. `satisfies` keeps this list and the type in
 * step: adding a kind to the engine fails type-checking here until it is listed.
 */
const ACTION_KINDS = {
  crash: true,
  'oom-kill': true,
  'kill-sandbox': true,
  'probe-failure': true,
  'probe-recover': true,
  'image-pull-error': true,
  'delete-pod': true,
  'node-failure': true,
  'node-recover': true,
  'create-service': true,
  'delete-service': true,
  'set-image': true,
  scale: true,
  apply: true,
  'node-memory-pressure': true,
} as const satisfies Record<Action['kind'], true>;

export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Plain JSON data (what a share link or a structured clone of it can carry), not too deep. */
function isJsonValue(x: unknown, depth: number): boolean {
  if (depth > 32) return false;
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return true;
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every((v) => isJsonValue(v, depth + 1));
  if (!isObject(x) || Object.getPrototypeOf(x) !== Object.prototype) return false;
  return Object.values(x).every((v) => isJsonValue(v, depth + 1));
}

/** The action, or a sentence saying why it is not one. The engine judges its meaning. */
export function validateAction(x: unknown): Action | string {
  if (!isObject(x)) return 'an action must be an object';
  if (typeof x.kind !== 'string' || !Object.hasOwn(ACTION_KINDS, x.kind))
    return `unknown action kind ${JSON.stringify(x.kind)}`;
  for (const [key, value] of Object.entries(x))
    if (!isJsonValue(value, 0)) return `action field ${key} must be plain data`;
  return x as unknown as Action;
}

/** A problem with a manifest: the field (API-server path, '' for the whole text) and the sentence. */
export interface ManifestError {
  field: string;
  message: string;
}

/** Parses YAML text and validates it as the API server would on create; [] when it is fine. */
export function validateManifestText(text: string): ManifestError[] {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0)
    return doc.errors.map((e) => ({ field: '', message: `error parsing YAML: ${e.message}` }));
  const obj: unknown = doc.toJS();
  if (!isObject(obj)) return [{ field: '', message: 'the manifest is not a YAML object' }];
  if (obj.kind !== 'Pod')
    return [
      {
        field: 'kind',
        message: `kind: Unsupported value: ${JSON.stringify(obj.kind ?? '')}: supported values: "Pod"`,
      },
    ];
  if (obj.apiVersion !== 'v1')
    return [
      {
        field: 'apiVersion',
        message: `apiVersion: Unsupported value: ${JSON.stringify(obj.apiVersion ?? '')}: supported values: "v1"`,
      },
    ];
  return validatePod(obj as Parameters<typeof validatePod>[0]).map((e) => ({
    field: e.field,
    message: e.message,
  }));
}
