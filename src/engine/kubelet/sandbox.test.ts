import { describe, expect, it } from 'vitest';
import type { RuntimeView, V1Pod } from './runtimeView.ts';
import { namespacesForPod, podSandboxChanged } from './sandbox.ts';

const pod = (spec: Record<string, unknown> = {}): V1Pod =>
  ({ spec: { containers: [], ...spec } }) as V1Pod;

describe('namespacesForPod (trap 7: PID is not shared by default)', () => {
  it.each<[string, Record<string, unknown>, { network: string; ipc: string; pid: string }]>([
    ['default', {}, { network: 'POD', ipc: 'POD', pid: 'CONTAINER' }],
    [
      'shareProcessNamespace',
      { shareProcessNamespace: true },
      { network: 'POD', ipc: 'POD', pid: 'POD' },
    ],
    [
      'host namespaces',
      { hostNetwork: true, hostIPC: true, hostPID: true },
      { network: 'NODE', ipc: 'NODE', pid: 'NODE' },
    ],
    [
      'hostPID wins over shareProcessNamespace',
      { hostPID: true, shareProcessNamespace: true },
      { network: 'POD', ipc: 'POD', pid: 'NODE' },
    ],
  ])('%s', (_n, spec, want) => {
    expect(namespacesForPod(pod(spec))).toEqual(want);
  });
});

describe('podSandboxChanged (kuberuntime/util PodSandboxChanged)', () => {
  it.each<[string, V1Pod, RuntimeView, { changed: boolean; attempt: number }]>([
    ['no sandbox: attempt 0', pod(), { sandboxes: [] }, { changed: true, attempt: 0 }],
    [
      'ready with IP',
      pod(),
      { sandboxes: [{ state: 'SANDBOX_READY', attempt: 3, ip: '10.0.0.1' }] },
      { changed: false, attempt: 3 },
    ],
    [
      'pause died: max attempt + 1',
      pod(),
      { sandboxes: [{ state: 'SANDBOX_NOTREADY', attempt: 3 }] },
      { changed: true, attempt: 4 },
    ],
    [
      'attempt counts from the highest attempt, not the newest',
      pod(),
      {
        sandboxes: [
          { state: 'SANDBOX_NOTREADY', attempt: 1 },
          { state: 'SANDBOX_NOTREADY', attempt: 5 },
        ],
      },
      { changed: true, attempt: 6 },
    ],
    [
      'no network status at all is not "no IP"',
      pod(),
      { sandboxes: [{ state: 'SANDBOX_READY', attempt: 0 }] },
      { changed: false, attempt: 0 },
    ],
  ])('%s', (_n, p, rt, want) => {
    const got = podSandboxChanged(p, rt);
    expect({ changed: got.changed, attempt: got.attempt }).toEqual(want);
  });
});
