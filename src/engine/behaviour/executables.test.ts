import { describe, expect, it } from 'vitest';
import { hasExecutable } from './executables.ts';

const inst = (image: string) => ({
  image,
  mounts: [],
  imageFiles: {} as Record<string, string>,
  rootfs: {},
  deleted: [],
});

describe('what an image has on its $PATH', () => {
  it.each([
    ['busybox:1.36', 'sleep', true],
    ['busybox:1.36', 'slepp', false],
    ['busybox:1.36', '/bin/sleep', true],
    ['busybox:1.36', '/usr/bin/wget', true],
    ['busybox:1.36', 'curl', false],
    ['busybox:1.36', 'bash', false],
    ['busybox:1.36', '/app/server', false],
    ['alpine:3.20', 'apk', true],
    ['debian', 'bash', true],
    ['debian', 'ps', false],
    ['debian', 'curl', false],
    ['nginx:1.27', 'nginx', true],
    ['nginx:1.27', 'curl', true],
    ['nginx:1.27', 'killall', false],
    ['nginx:1.27', '/docker-entrypoint.sh', true],
    ['nginx:1.27-alpine', 'killall', true],
    ['redis:7', 'redis-server', true],
    ['postgres:17', 'pg_isready', true],
    ['python:3.12', 'python3.12', true],
    ['polinux/stress', 'stress', true],
    ['registry.k8s.io/pause:3.10', '/pause', true],
    ['registry.k8s.io/pause:3.10', 'sh', false],
    ['ghcr.io/acme/api:2.1', '/app/server', true],
    ['ghcr.io/acme/api:2.1', 'anything', true],
  ])('%s has %s: %s', (image, name, has) => {
    expect(hasExecutable(undefined, inst(image), name)).toBe(has);
  });
});
