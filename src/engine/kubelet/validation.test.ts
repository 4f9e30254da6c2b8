import { describe, expect, it } from 'vitest';
import type { KContainer, V1Pod } from './runtimeView.ts';
import {
  formatInvalidPodError,
  isDNS1123Label,
  podInvalidStatusMessage,
  validatePod,
} from './validation.ts';

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

function pod(spec: Record<string, unknown>, name = 'x'): V1Pod {
  return { metadata: { name }, spec } as unknown as V1Pod;
}
const c = (name: string, extra: Partial<KContainer> = {}): KContainer =>
  ({ name, image: 'busybox', ...extra }) as KContainer;
const messages = (p: V1Pod): string[] => validatePod(p).map((e) => e.message);

describe('validatePod — valid pods', () => {
  it('a simple pod has no errors', () => {
    expect(validatePod(pod({ containers: [c('web')] }))).toEqual([]);
  });
  it('a pod with init containers, a sidecar with probes, volumes and ports has no errors', () => {
    const p = pod({
      restartPolicy: 'OnFailure',
      volumes: [{ name: 'data', emptyDir: {} }],
      initContainers: [
        c('setup', { volumeMounts: [{ name: 'data', mountPath: '/data' }] }),
        c('proxy', {
          restartPolicy: 'Always',
          readinessProbe: { httpGet: { path: '/', port: 8080 } },
          startupProbe: { tcpSocket: { port: 8080 } },
        }),
      ],
      containers: [
        c('web', {
          ports: [{ name: 'http', containerPort: 80 }],
          volumeMounts: [{ name: 'data', mountPath: '/usr/share/nginx/html' }],
          livenessProbe: { exec: { command: ['true'] } },
        }),
      ],
    });
    expect(validatePod(p)).toEqual([]);
  });
});

describe('validatePod — API server messages', () => {
  it('duplicate container name', () => {
    const errs = validatePod(pod({ containers: [c('web'), c('web')] }));
    expect(errs).toEqual([
      {
        field: 'spec.containers[1].name',
        type: 'FieldValueDuplicate',
        detail: '',
        badValue: 'web',
        body: 'Duplicate value: "web"',
        message: 'spec.containers[1].name: Duplicate value: "web"',
      },
    ]);
  });
  it('names are unique across init and app containers (reported on the init container)', () => {
    expect(messages(pod({ initContainers: [c('web')], containers: [c('web')] }))).toEqual([
      'spec.initContainers[0].name: Duplicate value: "web"',
    ]);
  });
  it('duplicate among init containers', () => {
    expect(messages(pod({ initContainers: [c('a'), c('a')], containers: [c('web')] }))).toEqual([
      'spec.initContainers[1].name: Duplicate value: "a"',
    ]);
  });
  it('invalid DNS-1123 label name', () => {
    expect(messages(pod({ containers: [c('Web_1')] }))).toEqual([
      `spec.containers[0].name: Invalid value: "Web_1": ${LABEL_MSG}`,
    ]);
  });
  it('too long name gets both messages', () => {
    const long = 'a'.repeat(64);
    expect(isDNS1123Label(long)).toEqual(['must be no more than 63 characters']);
    expect(messages(pod({ containers: [c(`${long}-`)] }))).toEqual([
      `spec.containers[0].name: Invalid value: "${long}-": must be no more than 63 characters`,
      `spec.containers[0].name: Invalid value: "${long}-": ${LABEL_MSG}`,
    ]);
  });
  it('missing name and image', () => {
    expect(messages(pod({ containers: [{ name: '' }] }))).toEqual([
      'spec.containers[0].name: Required value',
      'spec.containers[0].image: Required value',
    ]);
  });
  it('no containers', () => {
    expect(messages(pod({ containers: [] }))).toEqual(['spec.containers: Required value']);
  });
  it('readinessProbe forbidden on a regular init container, allowed on a sidecar', () => {
    const probe = { httpGet: { path: '/', port: 80 } };
    expect(
      messages(
        pod({
          initContainers: [
            c('init', { readinessProbe: probe }),
            c('side', { restartPolicy: 'Always', readinessProbe: probe }),
          ],
          containers: [c('web')],
        }),
      ),
    ).toEqual([
      'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
    ]);
  });
  it('lifecycle, liveness and startup probes are forbidden on regular init containers too', () => {
    const probe = { exec: { command: ['true'] } };
    expect(
      messages(
        pod({
          initContainers: [
            c('init', {
              lifecycle: { postStart: { exec: { command: ['true'] } } },
              livenessProbe: probe,
              startupProbe: probe,
            }),
          ],
          containers: [c('web')],
        }),
      ),
    ).toEqual([
      'spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always',
      'spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      'spec.initContainers[0].startupProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
    ]);
  });
  it('unsupported restartPolicy', () => {
    expect(messages(pod({ restartPolicy: 'Sometimes', containers: [c('web')] }))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"',
    ]);
  });
  it('container port out of range and host port', () => {
    expect(
      messages(
        pod({
          containers: [
            c('web', { ports: [{ containerPort: 70000, hostPort: -1 }, { containerPort: 0 }] }),
          ],
        }),
      ),
    ).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[0].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[1].containerPort: Required value',
    ]);
  });
  it('duplicate and invalid port names', () => {
    expect(
      messages(
        pod({
          containers: [
            c('web', {
              ports: [
                { name: 'http', containerPort: 80 },
                { name: 'http', containerPort: 81 },
                { name: '8080', containerPort: 82 },
              ],
            }),
          ],
        }),
      ),
    ).toEqual([
      'spec.containers[0].ports[1].name: Duplicate value: "http"',
      'spec.containers[0].ports[2].name: Invalid value: "8080": must contain at least one letter (a-z)',
    ]);
  });
  it('unsupported protocol', () => {
    expect(
      messages(
        pod({ containers: [c('web', { ports: [{ containerPort: 80, protocol: 'HTTP' }] })] }),
      ),
    ).toEqual([
      'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });
  it('host port conflicts across app containers', () => {
    expect(
      messages(
        pod({
          containers: [
            c('a', { ports: [{ containerPort: 80, hostPort: 8080 }] }),
            c('b', { ports: [{ containerPort: 81, hostPort: 8080 }] }),
          ],
        }),
      ),
    ).toEqual(['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"']);
  });
  it('volumeMount naming a volume that does not exist', () => {
    expect(
      messages(
        pod({ containers: [c('web', { volumeMounts: [{ name: 'data', mountPath: '/data' }] })] }),
      ),
    ).toEqual(['spec.containers[0].volumeMounts[0].name: Not found: "data"']);
  });
  it('volumeMount without mountPath, and a repeated mountPath', () => {
    expect(
      messages(
        pod({
          volumes: [{ name: 'data', emptyDir: {} }],
          containers: [
            c('web', {
              volumeMounts: [
                { name: 'data', mountPath: '' },
                { name: 'data', mountPath: '/a' },
                { name: 'data', mountPath: '/a' },
              ],
            }),
          ],
        }),
      ),
    ).toEqual([
      'spec.containers[0].volumeMounts[0].mountPath: Required value',
      'spec.containers[0].volumeMounts[2].mountPath: Invalid value: "/a": must be unique',
    ]);
  });
  it('volume problems: no source, bad name, duplicate', () => {
    expect(
      messages(
        pod({
          volumes: [
            { name: 'a' },
            { name: 'B', emptyDir: {} },
            { name: 'c', emptyDir: {} },
            { name: 'c', emptyDir: {} },
          ],
          containers: [c('web')],
        }),
      ),
    ).toEqual([
      'spec.volumes[0]: Required value: must specify a volume type',
      `spec.volumes[1].name: Invalid value: "B": ${LABEL_MSG}`,
      'spec.volumes[3].name: Duplicate value: "c"',
    ]);
  });
  it('probe without handler; liveness successThreshold must be 1', () => {
    expect(
      messages(
        pod({
          containers: [
            c('web', {
              livenessProbe: { successThreshold: 2, exec: { command: ['x'] } },
              readinessProbe: {},
            }),
          ],
        }),
      ),
    ).toEqual([
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      'spec.containers[0].readinessProbe: Required value: must specify a handler type',
    ]);
  });
  it('bad imagePullPolicy and container restartPolicy', () => {
    expect(
      messages(
        pod({ containers: [c('web', { imagePullPolicy: 'Sometimes', restartPolicy: 'Maybe' })] }),
      ),
    ).toEqual([
      'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      'spec.containers[0].restartPolicy: Unsupported value: "Maybe": supported values: "Always", "Never", "OnFailure"',
    ]);
  });
  it('metadata.name: required and DNS subdomain', () => {
    expect(
      messages({ metadata: {}, spec: { containers: [c('web')] } } as unknown as V1Pod),
    ).toEqual(['metadata.name: Required value: name or generateName is required']);
    expect(messages(pod({ containers: [c('web')] }, 'My_Pod'))[0]).toMatch(
      /^metadata\.name: Invalid value: "My_Pod": a lowercase RFC 1123 subdomain must consist of/,
    );
  });
});

describe('formatting the Invalid error', () => {
  const one = validatePod(pod({ containers: [c('web'), c('web')] }));
  const two = validatePod(pod({ restartPolicy: 'X', containers: [c('web'), c('web')] }));
  it('kubectl: one error', () => {
    expect(formatInvalidPodError('x', one)).toBe(
      'The Pod "x" is invalid: spec.containers[1].name: Duplicate value: "web"',
    );
  });
  it('kubectl: several errors, one per line', () => {
    expect(formatInvalidPodError('x', two)).toBe(
      'The Pod "x" is invalid: \n* spec.containers[1].name: Duplicate value: "web"\n* spec.restartPolicy: Unsupported value: "X": supported values: "Always", "Never", "OnFailure"',
    );
  });
  it('API server Status message', () => {
    expect(podInvalidStatusMessage('x', one)).toBe(
      'Pod "x" is invalid: spec.containers[1].name: Duplicate value: "web"',
    );
    expect(podInvalidStatusMessage('x', two)).toBe(
      'Pod "x" is invalid: [spec.containers[1].name: Duplicate value: "web", spec.restartPolicy: Unsupported value: "X": supported values: "Always", "Never", "OnFailure"]',
    );
  });
});

describe('validatePod — fields the engine fuzzer sent (issue 22)', () => {
  it.each<[string, Partial<KContainer> | Record<string, unknown>, string]>([
    [
      'a number in command',
      { command: [1, 2] },
      'spec.containers[0].command[0]: Invalid value: 1: must be a string',
    ],
    [
      'null in command',
      { command: ['sh', null] },
      'spec.containers[0].command[1]: Invalid value: null: must be a string',
    ],
    [
      'command as one string',
      { command: 'sh -c x' },
      'spec.containers[0].command: Invalid value: "sh -c x": must be a list of strings',
    ],
    [
      'an object in args',
      { args: [{}] },
      'spec.containers[0].args[0]: Invalid value: {}: must be a string',
    ],
    [
      'a NaN probe period',
      { livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: Number.NaN } },
      'spec.containers[0].livenessProbe.periodSeconds: Invalid value: NaN: must be an integer',
    ],
    [
      'a string threshold',
      { readinessProbe: { exec: { command: ['true'] }, failureThreshold: '5' } },
      'spec.containers[0].readinessProbe.failureThreshold: Invalid value: "5": must be an integer',
    ],
    [
      'a fractional timeout',
      { readinessProbe: { grpc: { port: 1 }, timeoutSeconds: 1.5 } },
      'spec.containers[0].readinessProbe.timeoutSeconds: Invalid value: 1.5: must be an integer',
    ],
    [
      'a zero probe grace period',
      { livenessProbe: { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 0 } },
      'spec.containers[0].livenessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0',
    ],
  ])('%s', (_, extra, message) => {
    expect(messages(pod({ containers: [c('web', extra as Partial<KContainer>)] }))).toContain(
      message,
    );
  });
  it('a pod grace period that is not a whole number', () => {
    expect(messages(pod({ terminationGracePeriodSeconds: -3, containers: [c('web')] }))).toEqual([
      'spec.terminationGracePeriodSeconds: Invalid value: -3: must be greater than or equal to 0',
    ]);
  });
});
