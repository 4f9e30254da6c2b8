import { describe, expect, it } from 'vitest';
import { computeImageId } from './status.ts';

describe('computeImageId', () => {
  it('looks like a containerd image ID: repository@sha256 and 64 hex', () => {
    const id = computeImageId('docker.io/library/nginx:1.27');
    expect(id).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  });

  it('has no repeated 8-hex word', () => {
    const hex = computeImageId('docker.io/library/busybox:1.36').split(':').pop()!;
    const words = hex.match(/.{8}/g)!;
    expect(new Set(words).size).toBe(8);
  });

  it('is deterministic and differs per reference', () => {
    const a = computeImageId('docker.io/library/nginx:1.27');
    expect(computeImageId('docker.io/library/nginx:1.27')).toBe(a);
    expect(computeImageId('docker.io/library/nginx:1.28')).not.toBe(a);
  });

  it('keeps the digest of a reference pinned by digest', () => {
    const digest = `sha256:${'ab12'.repeat(16)}`;
    expect(computeImageId(`docker.io/library/nginx:1.27@${digest}`)).toBe(
      `docker.io/library/nginx@${digest}`,
    );
  });
});
