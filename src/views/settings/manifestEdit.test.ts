import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MANIFEST } from '../defaultRun.ts';
import { editManifest, readSettings } from './manifestEdit.ts';

describe('manifest settings', () => {
  it('reads the teaching settings', () => {
    const s = readSettings(DEFAULT_MANIFEST)!;
    expect(s.restartPolicy).toBe('Always');
    expect(s.containers.map((c) => c.name)).toEqual(['init-html', 'log-agent', 'web']);
  });

  it('edits a Pod spec and keeps the rest', () => {
    let text = editManifest(DEFAULT_MANIFEST, { kind: 'restartPolicy', value: 'Never' });
    text = editManifest(text, { kind: 'shareProcessNamespace', value: true });
    text = editManifest(text, { kind: 'terminationGracePeriodSeconds', value: 5 });
    text = editManifest(text, {
      kind: 'imagePullPolicy',
      container: 'log-agent',
      value: 'IfNotPresent',
    });
    const pod = parse(text);
    expect(pod.spec.restartPolicy).toBe('Never');
    expect(pod.spec.shareProcessNamespace).toBe(true);
    expect(pod.spec.terminationGracePeriodSeconds).toBe(5);
    expect(pod.spec.initContainers[1].imagePullPolicy).toBe('IfNotPresent');
    expect(pod.spec.containers[0].imagePullPolicy).toBeUndefined();
    expect(pod.metadata.name).toBe('myapp-pod');
    expect(text).toContain('while true; do tail -n 1');
  });

  it('edits a Deployment template', () => {
    const dep = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.25
`;
    const out = parse(
      editManifest(dep, { kind: 'imagePullPolicy', container: 'web', value: 'Always' }),
    );
    expect(out.spec.template.spec.containers[0].imagePullPolicy).toBe('Always');
    expect(readSettings(dep)?.containers).toHaveLength(1);
  });
});
