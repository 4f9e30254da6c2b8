/**
 * The shape of an engine `Action` arriving from outside a Podscope instance (share links, host
 * pages). No YAML and nothing of the engine, so a share link is checked before the engine
 * loads; manifests are checked in validate.ts.
 */
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
