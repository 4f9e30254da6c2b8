import { describe, expect, it } from 'vitest';
import { resolveImage } from './images.ts';

describe('image tags: a catalogue image has only its published tags', () => {
  it.each([
    // [reference, the registry has it]
    ['nginx', true],
    ['nginx:latest', true],
    ['nginx:1.14.2', true],
    ['nginx:1.27', true],
    ['nginx:1.27.3-alpine', true],
    ['nginx:stable-alpine', true],
    ['docker.io/library/nginx:1.28', true],
    ['nginx:0.0.0-does-not-exist', false],
    ['nginx:1.277', false],
    ['nginx:2.0', false],
    ['nginx:lates', false],
    ['nginx:1.27-alpne', false],
    ['busybox:1.28', true],
    ['busybox:1.36', true],
    ['busybox:1.36.1-glibc', true],
    ['busybox:1.99', false],
    ['busybox:lastest', false],
    ['redis:7', true],
    ['redis:7.4.1-alpine', true],
    ['redis:99', false],
    ['postgres:17', true],
    ['postgres:17-alpine', true],
    ['postgres:17.2.1', false],
    ['mysql:8.4', true],
    ['httpd:2.4', true],
    ['httpd:2.5', false],
    ['alpine:3.20', true],
    ['ubuntu:24.04', true],
    ['ubuntu:noble', true],
    ['debian:bookworm-slim', true],
    ['python:3.12', true],
    ['python:3.12-slim-bookworm', true],
    ['curlimages/curl:8.11.1', true],
    ['registry.k8s.io/pause:3.10', true],
    // A digest is taken as present.
    ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', true],
    // Outside the catalogue (or not the canonical repository): assumed to exist.
    ['ghcr.io/acme/api:2.1', true],
    ['envoyproxy/envoy:v1.31', true],
    ['bitnami/nginx:0.0.0-anything', true],
    ['myregistry.example.com/nginx:whatever', true],
  ])('%s → exists %s', (ref, exists) => {
    expect(resolveImage(ref).exists).toBe(exists);
  });
});
