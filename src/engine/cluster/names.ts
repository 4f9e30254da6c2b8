/**
 * Generated names, as the API server and the controllers make them.
 *
 * - `pod-template-hash`: the Deployment controller hashes the pod template
 *   (FNV-32a over a canonical form of the template, plus the collision count)
 *   and prints the 32-bit number in decimal through `rand.SafeEncodeString`,
 *   so the label only holds `4 5 6 7 8 9 b c d f` (`5d8c7b9f4`).
 * - `metadata.generateName`: the API server appends five characters drawn
 *   from the same safe alphabet (`SimpleNameGenerator`), cutting the base so
 *   the name stays within 63 characters.
 */
import { nextInt } from '../sim/rng.ts';
import type { RngState } from '../sim/rng.ts';

/** Kubernetes' alphabet without vowels and look-alikes (k8s.io/apimachinery/pkg/util/rand). */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
/** Length of the random part `generateName` adds. */
export const RANDOM_LENGTH = 5;
/** maxNameLength 63 − randomLength 5. */
export const MAX_GENERATED_BASE = 58;

/** `rand.SafeEncodeString`: every byte mapped into the safe alphabet. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** FNV-1a, 32 bits, over the UTF-16 code units of `text`. */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** JSON with keys sorted at every level (a stable printing of an object). */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/** `controller.ComputeHash(template, collisionCount)` → the `pod-template-hash` value. */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  const text = canonicalJson(template) + (collisionCount ? String(collisionCount) : '');
  return safeEncodeString(String(fnv32a(text)));
}

/** `rand.String(n)` from the seeded stream. */
export function randomSuffix(rng: RngState, n = RANDOM_LENGTH): string {
  let out = '';
  for (let i = 0; i < n; i++) out += SAFE_ALPHABET[nextInt(rng, 0, SAFE_ALPHABET.length - 1)];
  return out;
}

/** `SimpleNameGenerator.GenerateName(base)`. */
export function generateName(base: string, rng: RngState): string {
  const b = base.length > MAX_GENERATED_BASE ? base.slice(0, MAX_GENERATED_BASE) : base;
  return b + randomSuffix(rng);
}
