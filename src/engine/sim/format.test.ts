import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EPOCH_MS, goDuration, isoAt } from './format.ts';
import { normalizeImage, registryOf } from './images.ts';

describe('goDuration (Go time.Duration.String, ms precision)', () => {
  it.each([
    [0, '0s'],
    [806, '806ms'],
    [1000, '1s'],
    [3874, '3.874s'],
    [10_000, '10s'],
    [62_500, '1m2.5s'],
    [160_000, '2m40s'],
    [300_000, '5m0s'],
    [3_600_000, '1h0m0s'],
    [3_723_450, '1h2m3.45s'],
  ])('%i ms → %s', (ms, text) => expect(goDuration(ms)).toBe(text));
});

describe('isoAt', () => {
  it('counts from the fixed epoch, in whole seconds', () => {
    expect(isoAt(0)).toBe('2025-01-01T00:00:00Z');
    expect(isoAt(5_999)).toBe('2025-01-01T00:00:05Z');
    expect(isoAt(86_400_000 * 59)).toBe('2025-03-01T00:00:00Z');
  });
  it('agrees with Date#toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e11 }), (ms) => {
        const want = new Date(EPOCH_MS + Math.floor(ms / 1000) * 1000)
          .toISOString()
          .replace('.000Z', 'Z');
        expect(isoAt(ms)).toBe(want);
      }),
    );
  });
});

describe('image references', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['bitnami/redis:7', 'docker.io/bitnami/redis:7'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
  ])('%s → %s', (image, ref) => expect(normalizeImage(image)).toBe(ref));
  it('finds the registry host of a reference', () => {
    expect(registryOf('docker.io/library/nginx:1.27')).toEqual({
      host: 'registry-1.docker.io',
      path: 'library/nginx',
      tag: '1.27',
    });
  });
});
