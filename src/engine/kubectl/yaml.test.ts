import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { podToYaml, readsAsNonString } from './yaml.ts';
import { webPod } from './fixtures.ts';
import { applyPodDefaults } from './defaults.ts';

describe('podToYaml', () => {
  const text = podToYaml(webPod());

  it('starts like kubectl: sorted keys, apiVersion first', () => {
    expect(
      text.startsWith(
        'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "2025-01-01T00:00:00Z"\n',
      ),
    ).toBe(true);
  });

  it('does not indent sequences under their key', () => {
    expect(text).toContain('spec:\n  containers:\n  - env:\n    - name: MODE\n');
  });

  it('double-quotes strings that would read as other types, single-quotes special ones', () => {
    expect(text).toContain('  - status: "True"\n    type: Initialized\n');
    expect(text).toContain('  startTime: "2025-01-01T00:00:01Z"\n');
  });

  it('fills API defaults and includes the status', () => {
    expect(text).toContain('    imagePullPolicy: IfNotPresent\n');
    expect(text).toContain('    terminationMessagePolicy: File\n');
    expect(text).toContain('  schedulerName: default-scheduler\n');
    expect(text).toContain('  phase: Running\n');
    expect(text).toContain('      timeoutSeconds: 1\n');
  });

  it('round-trips to the same object', () => {
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(applyPodDefaults(webPod()))));
  });

  it.each([
    ['True', true],
    ['80', true],
    ['yes', true],
    ['2025-01-01T00:00:00Z', true],
    ['', true],
    ['nginx:1.25', false],
    ['Running', false],
  ])('readsAsNonString(%j) = %s', (s, expected) => {
    expect(readsAsNonString(s)).toBe(expected);
  });
});

describe('applyPodDefaults', () => {
  it('is idempotent', () => {
    const once = applyPodDefaults(webPod());
    expect(applyPodDefaults(once)).toEqual(once);
  });

  it('defaults imagePullPolicy from the tag', () => {
    const pod = applyPodDefaults({
      spec: {
        containers: [
          { name: 'a', image: 'busybox' },
          { name: 'b', image: 'nginx:1.25' },
        ],
      },
    });
    expect(pod.spec!.containers.map((c) => c.imagePullPolicy)).toEqual(['Always', 'IfNotPresent']);
  });

  it('leaves automountServiceAccountToken: false pods without the token volume', () => {
    const pod = applyPodDefaults({
      spec: { automountServiceAccountToken: false, containers: [{ name: 'a', image: 'x' }] },
    });
    expect(pod.spec!.volumes).toBeUndefined();
    expect(pod.spec!.containers[0]!.volumeMounts).toBeUndefined();
  });
});
