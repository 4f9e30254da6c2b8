import { describe, expect, it } from 'vitest';
import { validateAction, validateManifestText } from './validate.ts';

const GOOD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: nginx
      image: nginx:1.27
`;

describe('validateManifestText', () => {
  it('accepts a valid pod', () => {
    expect(validateManifestText(GOOD)).toEqual([]);
  });

  it('reports YAML syntax errors', () => {
    const errors = validateManifestText('kind: Pod\n  bad: [indent');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.message).toMatch(/YAML/);
  });

  it('refuses other kinds and non-objects', () => {
    expect(validateManifestText('- a\n- b')[0]!.message).toMatch(/not a YAML object/);
    expect(validateManifestText(GOOD.replace('kind: Pod', 'kind: Service'))[0]!.field).toBe('kind');
  });

  it('words field errors as the API server does', () => {
    const errors = validateManifestText(GOOD.replace('name: nginx', 'name: Nginx_1'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.field).toContain('spec.containers[0].name');
    expect(errors[0]!.message).toContain('Invalid value: "Nginx_1"');
  });
});

describe('validateAction', () => {
  it('accepts engine actions and refuses anything else', () => {
    expect(validateAction({ kind: 'crash', container: 'app', exitCode: 3 })).toEqual({
      kind: 'crash',
      container: 'app',
      exitCode: 3,
    });
    expect(validateAction({ kind: 'nope' })).toMatch(/unknown action kind/);
    expect(validateAction(null)).toMatch(/object/);
    expect(validateAction({ kind: 'crash', container: () => 1 })).toMatch(/plain data/);
    expect(validateAction({ kind: 'crash', container: new Date() })).toMatch(/plain data/);
    expect(validateAction({ kind: 'apply', manifest: { kind: 'Pod', spec: { a: [1] } } })).toEqual({
      kind: 'apply',
      manifest: { kind: 'Pod', spec: { a: [1] } },
    });
  });
});
