/**
 * Image references as the runtime reports them.
 */
import { parseImageName } from '../kubelet/imagePolicy.ts';

/** `nginx:1.27` → `docker.io/library/nginx:1.27`; digests kept. Unparsable names come back as they are. */
const normalized = new Map<string, string>();

export function normalizeImage(image: string): string {
  const known = normalized.get(image);
  if (known !== undefined) return known;
  const ref = computeNormalized(image);
  if (normalized.size > 1000) normalized.clear();
  normalized.set(image, ref);
  return ref;
}

function computeNormalized(image: string): string {
  const p = parseImageName(image);
  if (!p) return image;
  if (p.digest && p.tag) return `${p.repository}:${p.tag}@${p.digest}`;
  if (p.digest) return `${p.repository}@${p.digest}`;
  return `${p.repository}:${p.tag}`;
}

export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';

/** The registry host and repository path the runtime talks to. */
export function registryOf(ref: string): { host: string; path: string; tag: string } {
  const [name, rest] = ref.split(/:(?=[^/:]*(?:@|$))/);
  const slash = (name ?? ref).indexOf('/');
  const domain = (name ?? ref).slice(0, slash);
  const path = (name ?? ref).slice(slash + 1);
  const host = domain === 'docker.io' ? 'registry-1.docker.io' : domain;
  return { host, path, tag: (rest ?? 'latest').split('@')[0]! };
}
