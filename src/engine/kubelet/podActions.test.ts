import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePodActions, computePodActionsDetailed } from './podActions.ts';
import type {
  ComputePodActionsOptions,
  KContainer,
  PodActions,
  RuntimeContainer,
  RuntimeSandbox,
  RuntimeView,
  V1Pod,
} from './runtimeView.ts';

/** kuberuntime_manager_test.go makeBasePodAndStatus and friends, in the runtime-view shape. */
function basePod(init: KContainer[] = [], restartPolicy?: string): V1Pod {
  return {
    metadata: { uid: '12345678', name: 'foo', namespace: 'foo-ns' },
    spec: {
      containers: [1, 2, 3].map((i) => ({ name: `foo${i}`, image: 'busybox' })),
      ...(init.length ? { initContainers: init } : {}),
      ...(restartPolicy ? { restartPolicy } : {}),
    },
  } as V1Pod;
}
const sandboxReady = {
  id: 'sandboxID',
  state: 'SANDBOX_READY' as const,
  attempt: 0,
  ip: '10.0.0.1',
};
const regularRunning = (): RuntimeContainer[] =>
  [1, 2, 3].map((i) => ({ name: `foo${i}`, id: `id${i}`, state: 'running' }));

const initSpecs = (): KContainer[] =>
  [1, 2, 3].map((i) => ({ name: `init${i}`, image: 'bar-image' }) as KContainer);
const initExited = (): RuntimeContainer[] =>
  [1, 2, 3].map((i) => ({ name: `init${i}`, id: `initid${i}`, state: 'exited', exitCode: 0 }));

const sidecarSpecs = (): KContainer[] => [
  { name: 'restartable-init-1', image: 'bar-image', restartPolicy: 'Always' } as KContainer,
  {
    name: 'restartable-init-2',
    image: 'bar-image',
    restartPolicy: 'Always',
    livenessProbe: {},
    startupProbe: {},
  } as KContainer,
  {
    name: 'restartable-init-3',
    image: 'bar-image',
    restartPolicy: 'Always',
    livenessProbe: {},
    startupProbe: {},
  } as KContainer,
];
const sidecarsRunning = (): RuntimeContainer[] =>
  [1, 2, 3].map((i) => ({ name: `restartable-init-${i}`, id: `initid${i}`, state: 'running' }));
const sidecarProbes = (): Required<
  Pick<ComputePodActionsOptions, 'probeResults'>
>['probeResults'] => ({
  liveness: { 'restartable-init-2': 'Success', 'restartable-init-3': 'Success' },
  startup: { 'restartable-init-2': 'Success', 'restartable-init-3': 'Success' },
});

const actions = (a: Partial<PodActions> = {}): PodActions => ({
  killPod: false,
  createSandbox: false,
  attempt: 0,
  containersToStart: [],
  containersToKill: [],
  initContainersToStart: [],
  ...a,
});

type Case = [
  name: string,
  pod: V1Pod,
  runtime: RuntimeView,
  want: PodActions,
  opts?: ComputePodActionsOptions,
];

function set(
  list: RuntimeContainer[],
  i: number,
  patch: Partial<RuntimeContainer>,
): RuntimeContainer[] {
  const out = list.map((c) => ({ ...c }));
  out[i] = { ...out[i]!, ...patch };
  return out;
}

describe('computePodActions — regular containers (TestComputePodActions)', () => {
  const cases: Case[] = [
    [
      'everything is good; do nothing',
      basePod(),
      { sandboxes: [sandboxReady], containers: regularRunning() },
      actions(),
    ],
    [
      'start pod sandbox and all containers for a new pod',
      basePod(),
      { sandboxes: [], containers: [] },
      actions({ killPod: true, createSandbox: true, containersToStart: [0, 1, 2] }),
    ],
    [
      'restart exited containers if RestartPolicy == Always',
      basePod([], 'Always'),
      {
        sandboxes: [sandboxReady],
        containers: set(set(regularRunning(), 0, { state: 'exited', exitCode: 0 }), 1, {
          state: 'exited',
          exitCode: 111,
        }),
      },
      actions({ containersToStart: [0, 1] }),
    ],
    [
      'restart failed containers if RestartPolicy == OnFailure',
      basePod([], 'OnFailure'),
      {
        sandboxes: [sandboxReady],
        containers: set(set(regularRunning(), 0, { state: 'exited', exitCode: 0 }), 1, {
          state: 'exited',
          exitCode: 111,
        }),
      },
      actions({ containersToStart: [1] }),
    ],
    [
      'restart created but not started containers if RestartPolicy == OnFailure',
      basePod([], 'OnFailure'),
      {
        sandboxes: [sandboxReady],
        containers: set(set(regularRunning(), 0, { state: 'exited', exitCode: 0 }), 1, {
          state: 'created',
        }),
      },
      actions({ containersToStart: [1] }),
    ],
    [
      "don't restart containers if RestartPolicy == Never",
      basePod([], 'Never'),
      {
        sandboxes: [sandboxReady],
        containers: set(set(regularRunning(), 0, { state: 'exited', exitCode: 0 }), 1, {
          state: 'exited',
          exitCode: 111,
        }),
      },
      actions(),
    ],
    [
      'kill pod and recreate everything if the sandbox is dead (Always) — trap 6',
      basePod([], 'Always'),
      { sandboxes: [{ ...sandboxReady, state: 'SANDBOX_NOTREADY' }], containers: regularRunning() },
      actions({ killPod: true, createSandbox: true, attempt: 1, containersToStart: [0, 1, 2] }),
    ],
    [
      'kill pod and recreate all but the succeeded one if the sandbox is dead (OnFailure)',
      basePod([], 'OnFailure'),
      {
        sandboxes: [{ ...sandboxReady, state: 'SANDBOX_NOTREADY' }],
        containers: set(regularRunning(), 1, { state: 'exited', exitCode: 0 }),
      },
      actions({ killPod: true, createSandbox: true, attempt: 1, containersToStart: [0, 2] }),
    ],
    [
      'kill pod and recreate all containers if the sandbox has no IP',
      basePod(),
      { sandboxes: [{ ...sandboxReady, ip: '' }], containers: regularRunning() },
      actions({ killPod: true, createSandbox: true, attempt: 1, containersToStart: [0, 1, 2] }),
    ],
    [
      "kill and recreate the container if the container's spec changed",
      basePod([], 'Always'),
      { sandboxes: [sandboxReady], containers: regularRunning() },
      actions({ containersToKill: ['foo2'], containersToStart: [1] }),
      { specChangedContainers: ['foo2'] },
    ],
    [
      'a changed spec restarts even under Never',
      basePod([], 'Never'),
      { sandboxes: [sandboxReady], containers: regularRunning() },
      actions({ containersToKill: ['foo2'], containersToStart: [1] }),
      { specChangedContainers: ['foo2'] },
    ],
    [
      'kill and recreate the container if the liveness check has failed',
      basePod([], 'Always'),
      { sandboxes: [sandboxReady], containers: regularRunning() },
      actions({ containersToKill: ['foo2'], containersToStart: [1] }),
      { probeResults: { liveness: { foo2: 'Failure' } } },
    ],
    [
      'liveness failure under Never kills without restart (trap 13)',
      basePod([], 'Never'),
      { sandboxes: [sandboxReady], containers: regularRunning() },
      actions({ containersToKill: ['foo2'] }),
      { probeResults: { liveness: { foo2: 'Failure' } } },
    ],
    [
      'kill and recreate the container if the startup check has failed',
      basePod([], 'Always'),
      { sandboxes: [sandboxReady], containers: regularRunning() },
      actions({ containersToKill: ['foo2'], containersToStart: [1] }),
      { probeResults: { startup: { foo2: 'Failure' } } },
    ],
    [
      'no sandbox is created for a Never pod whose containers all exited',
      basePod([], 'Never'),
      {
        sandboxes: [{ ...sandboxReady, state: 'SANDBOX_NOTREADY', attempt: 1 }],
        containers: regularRunning().map((c) => ({ ...c, state: 'exited' as const, exitCode: 0 })),
      },
      actions({ killPod: true, attempt: 2 }),
    ],
    [
      'no sandbox is created for an OnFailure pod whose containers all succeeded',
      basePod([], 'OnFailure'),
      {
        sandboxes: [{ ...sandboxReady, state: 'SANDBOX_NOTREADY', attempt: 1 }],
        containers: regularRunning().map((c) => ({ ...c, state: 'exited' as const, exitCode: 0 })),
      },
      actions({ killPod: true, attempt: 2 }),
    ],
    [
      'a sandbox is created for a Never pod that never created a container',
      basePod([], 'Never'),
      { sandboxes: [{ ...sandboxReady, state: 'SANDBOX_NOTREADY', attempt: 2 }], containers: [] },
      actions({ killPod: true, createSandbox: true, attempt: 3, containersToStart: [0, 1, 2] }),
    ],
    [
      'kill and recreate a container in unknown state (even under Never)',
      basePod([], 'Never'),
      { sandboxes: [sandboxReady], containers: set(regularRunning(), 1, { state: 'unknown' }) },
      actions({ containersToKill: ['foo2'], containersToStart: [1] }),
    ],
    [
      'restart a container stuck in created state',
      basePod([], 'Never'),
      { sandboxes: [sandboxReady], containers: set(regularRunning(), 1, { state: 'created' }) },
      actions({ containersToStart: [1] }),
    ],
    [
      'all containers finished and none to restart: kill the pod',
      basePod([], 'Never'),
      {
        sandboxes: [sandboxReady],
        containers: regularRunning().map((c) => ({ ...c, state: 'exited' as const, exitCode: 1 })),
      },
      actions({ killPod: true }),
    ],
    [
      'two ready sandboxes: reconcile with a new one',
      basePod(),
      {
        sandboxes: [
          { ...sandboxReady, attempt: 1 },
          { ...sandboxReady, id: 'old', attempt: 0 },
        ],
        containers: regularRunning(),
      },
      actions({ killPod: true, createSandbox: true, attempt: 2, containersToStart: [0, 1, 2] }),
    ],
    [
      'host network mismatch recreates the sandbox',
      { ...basePod(), spec: { ...basePod().spec!, hostNetwork: true } } as V1Pod,
      {
        sandboxes: [{ ...sandboxReady, networkNamespaceMode: 'POD' }],
        containers: regularRunning(),
      },
      actions({ killPod: true, createSandbox: true, attempt: 1, containersToStart: [0, 1, 2] }),
    ],
  ];
  it.each(cases)('%s', (_n, pod, runtime, want, opts) => {
    expect(computePodActions(pod, runtime, opts)).toEqual(want);
  });

  it('nothing is (re)started once the pod has a deletionTimestamp', () => {
    const base = basePod([], 'Always');
    const pod = {
      ...base,
      metadata: { ...base.metadata, deletionTimestamp: '2025-01-01T00:00:00Z' },
    };
    const got = computePodActions(pod, {
      sandboxes: [sandboxReady],
      containers: regularRunning().map((c) => ({ ...c, state: 'exited' as const, exitCode: 0 })),
    });
    expect(got.containersToStart).toEqual([]);
    expect(got.killPod).toBe(true);
  });
});

describe('computePodActions — container-level restartPolicy (TestComputePodActionsWithContainerRestartRules)', () => {
  const withPolicies = (pod: string, c0?: string, c1?: string): V1Pod => {
    const p = basePod([], pod);
    const cs = p.spec!.containers as KContainer[];
    if (c0) cs[0]!.restartPolicy = c0;
    if (c1) cs[1]!.restartPolicy = c1;
    return p;
  };
  const exited01 = set(set(regularRunning(), 0, { state: 'exited', exitCode: 0 }), 1, {
    state: 'exited',
    exitCode: 111,
  });
  it.each<Case>([
    [
      'container Always under pod Never restarts exited containers',
      withPolicies('Never', 'Always', 'Always'),
      { sandboxes: [sandboxReady], containers: exited01 },
      actions({ containersToStart: [0, 1] }),
    ],
    [
      'container OnFailure under pod Never restarts only the failed one',
      withPolicies('Never', 'OnFailure', 'OnFailure'),
      { sandboxes: [sandboxReady], containers: exited01 },
      actions({ containersToStart: [1] }),
    ],
    [
      'container OnFailure restarts a created container',
      withPolicies('Never', 'OnFailure', 'OnFailure'),
      {
        sandboxes: [sandboxReady],
        containers: set(set(regularRunning(), 0, { state: 'exited', exitCode: 0 }), 1, {
          state: 'created',
        }),
      },
      actions({ containersToStart: [1] }),
    ],
    [
      'container Never under pod Always does not restart',
      withPolicies('Always', 'Never', 'Never'),
      { sandboxes: [sandboxReady], containers: exited01 },
      actions(),
    ],
    [
      'dead sandbox: recreate all except the succeeded OnFailure container',
      withPolicies('Always', undefined, 'OnFailure'),
      {
        sandboxes: [{ ...sandboxReady, state: 'SANDBOX_NOTREADY' }],
        containers: set(regularRunning(), 1, { state: 'exited', exitCode: 0 }),
      },
      actions({ killPod: true, createSandbox: true, attempt: 1, containersToStart: [0, 2] }),
    ],
    [
      'liveness failure with container Never: kill, no restart',
      withPolicies('Always', undefined, 'Never'),
      { sandboxes: [sandboxReady], containers: regularRunning() },
      actions({ containersToKill: ['foo2'] }),
      { probeResults: { liveness: { foo2: 'Failure' } } },
    ],
  ])('%s', (_n, pod, runtime, want, opts) => {
    expect(computePodActions(pod, runtime, opts)).toEqual(want);
  });
});

describe('computePodActions — init containers (TestComputePodActionsWithInitContainers)', () => {
  const rt = (
    containers: RuntimeContainer[],
    sandbox: RuntimeSandbox = sandboxReady,
  ): RuntimeView => ({
    sandboxes: [sandbox],
    containers,
  });
  const notReady: RuntimeSandbox = { ...sandboxReady, state: 'SANDBOX_NOTREADY' };
  it.each<Case>([
    [
      'initialization completed; start all containers',
      basePod(initSpecs()),
      rt(initExited()),
      actions({ containersToStart: [0, 1, 2] }),
    ],
    [
      'no init containers have been started; start the first one',
      basePod(initSpecs()),
      rt([]),
      actions({ initContainersToStart: [0] }),
    ],
    [
      'initialization in progress; do nothing',
      basePod(initSpecs(), 'Always'),
      rt(set(initExited(), 2, { state: 'running' })),
      actions(),
    ],
    [
      'kill pod and restart the first init container if the sandbox is dead (trap 6)',
      basePod(initSpecs(), 'Always'),
      rt(initExited(), notReady),
      actions({ killPod: true, createSandbox: true, attempt: 1, initContainersToStart: [0] }),
    ],
    [
      'initialization failed; restart the last init container (Always) — trap 5',
      basePod(initSpecs(), 'Always'),
      rt(set(initExited(), 2, { exitCode: 137 })),
      actions({ initContainersToStart: [2] }),
    ],
    [
      'initialization failed; restart the last init container (OnFailure)',
      basePod(initSpecs(), 'OnFailure'),
      rt(set(initExited(), 2, { exitCode: 137 })),
      actions({ initContainersToStart: [2] }),
    ],
    [
      'initialization failed; kill pod (Never)',
      basePod(initSpecs(), 'Never'),
      rt(set(initExited(), 2, { exitCode: 137 })),
      actions({ killPod: true }),
    ],
    [
      'init container state unknown; kill and recreate it (Always)',
      basePod(initSpecs(), 'Always'),
      rt(set(initExited(), 2, { state: 'unknown' })),
      actions({ initContainersToStart: [2], containersToKill: ['init3'] }),
    ],
    [
      'init container state unknown; kill and recreate it (OnFailure)',
      basePod(initSpecs(), 'OnFailure'),
      rt(set(initExited(), 2, { state: 'unknown' })),
      actions({ initContainersToStart: [2], containersToKill: ['init3'] }),
    ],
    [
      'init container state unknown; kill pod (Never)',
      basePod(initSpecs(), 'Never'),
      rt(set(initExited(), 2, { state: 'unknown' })),
      actions({ killPod: true }),
    ],
    [
      'sandbox not ready, init done, Never: kill pod only',
      basePod(initSpecs(), 'Never'),
      rt(initExited(), notReady),
      actions({ killPod: true, attempt: 1 }),
    ],
    [
      'sandbox not ready, Never, no visible init containers: new sandbox',
      basePod(initSpecs(), 'Never'),
      rt([], notReady),
      actions({ killPod: true, createSandbox: true, attempt: 1, initContainersToStart: [0] }),
    ],
    [
      'sandbox not ready, init failed, OnFailure: new sandbox from init #0',
      basePod(initSpecs(), 'OnFailure'),
      rt(set(initExited(), 2, { exitCode: 137 }), notReady),
      actions({ killPod: true, createSandbox: true, attempt: 1, initContainersToStart: [0] }),
    ],
    [
      "some init statuses are missing but the last init is running: don't restart preceding ones",
      basePod(initSpecs(), 'Always'),
      rt([{ name: 'init3', id: 'initid3', state: 'running' }]),
      actions(),
    ],
    [
      'an init container stuck in created state is restarted',
      basePod(initSpecs(), 'Always'),
      rt(set(initExited(), 2, { state: 'created' })),
      actions({ initContainersToStart: [2] }),
    ],
    [
      'middle init container succeeded: start the next one',
      basePod(initSpecs(), 'Always'),
      rt(initExited().slice(0, 2)),
      actions({ initContainersToStart: [2] }),
    ],
    [
      'init records gone but a regular container runs: never rerun init containers',
      basePod(initSpecs(), 'Always'),
      rt([{ name: 'foo1', state: 'running' }]),
      actions({ containersToStart: [1, 2] }),
    ],
  ])('%s', (_n, pod, runtime, want, opts) => {
    expect(computePodActions(pod, runtime, opts)).toEqual(want);
  });
});

describe('computePodActions — sidecars (TestComputePodActionsWithRestartableInitContainers)', () => {
  const rt = (
    containers: RuntimeContainer[],
    sandbox: RuntimeSandbox = sandboxReady,
  ): RuntimeView => ({
    sandboxes: [sandbox],
    containers,
  });
  const notReady: RuntimeSandbox = { ...sandboxReady, state: 'SANDBOX_NOTREADY' };
  const probes = (
    mut?: (p: ReturnType<typeof sidecarProbes>) => void,
  ): ComputePodActionsOptions => {
    const p = sidecarProbes();
    mut?.(p);
    return { probeResults: p };
  };
  const mainRunning = regularRunning();
  const mainSucceeded = regularRunning().map((c) => ({
    ...c,
    state: 'exited' as const,
    exitCode: 0,
  }));
  it.each<Case>([
    [
      'initialization completed; start all containers',
      basePod(sidecarSpecs()),
      rt(sidecarsRunning()),
      actions({ containersToStart: [0, 1, 2] }),
      probes(),
    ],
    [
      'no init containers started; start the first',
      basePod(sidecarSpecs()),
      rt([]),
      actions({ initContainersToStart: [0] }),
      probes(),
    ],
    [
      'an init container stuck in created state is restarted',
      basePod(sidecarSpecs(), 'Always'),
      rt(set(sidecarsRunning(), 2, { state: 'created' })),
      actions({ initContainersToStart: [2] }),
      probes(),
    ],
    [
      'sidecar without startup probe has started: start the next',
      basePod(sidecarSpecs(), 'Always'),
      rt(sidecarsRunning().slice(0, 1)),
      actions({ initContainersToStart: [1] }),
      probes(),
    ],
    [
      'liveness probe not run yet does not gate the next init container',
      basePod(sidecarSpecs(), 'Always'),
      rt(sidecarsRunning().slice(0, 2)),
      actions({ initContainersToStart: [2] }),
      probes((p) => delete p.liveness!['restartable-init-2']),
    ],
    [
      'liveness probe in progress; start the next',
      basePod(sidecarSpecs(), 'Always'),
      rt(sidecarsRunning().slice(0, 2)),
      actions({ initContainersToStart: [2] }),
      probes((p) => (p.liveness!['restartable-init-2'] = 'Unknown')),
    ],
    [
      'kill and recreate a sidecar whose liveness check failed',
      basePod(sidecarSpecs(), 'Always'),
      rt(sidecarsRunning()),
      actions({
        initContainersToStart: [2],
        containersToKill: ['restartable-init-3'],
        containersToStart: [0, 1, 2],
      }),
      probes((p) => (p.liveness!['restartable-init-3'] = 'Failure')),
    ],
    [
      'startup probe not run yet: do nothing (trap 11)',
      basePod(sidecarSpecs(), 'Always'),
      rt(sidecarsRunning().slice(0, 2)),
      actions(),
      probes((p) => delete p.startup!['restartable-init-2']),
    ],
    [
      'startup probe in progress: do nothing',
      basePod(sidecarSpecs(), 'Always'),
      rt(sidecarsRunning().slice(0, 2)),
      actions(),
      probes((p) => (p.startup!['restartable-init-2'] = 'Unknown')),
    ],
    [
      'startup probe succeeded: start the next',
      basePod(sidecarSpecs(), 'Always'),
      rt(sidecarsRunning().slice(0, 2)),
      actions({ initContainersToStart: [2] }),
      probes(),
    ],
    [
      'kill and recreate a sidecar whose startup check failed',
      basePod(sidecarSpecs(), 'Always'),
      rt(sidecarsRunning()),
      actions({ initContainersToStart: [2], containersToKill: ['restartable-init-3'] }),
      probes((p) => (p.startup!['restartable-init-3'] = 'Failure')),
    ],
    [
      'kill and recreate a sidecar whose definition changed',
      basePod(sidecarSpecs(), 'Always'),
      rt(sidecarsRunning()),
      actions({
        initContainersToStart: [2],
        containersToKill: ['restartable-init-3'],
        containersToStart: [0, 1, 2],
      }),
      { ...probes(), specChangedContainers: ['restartable-init-3'] },
    ],
    [
      'restart a terminated sidecar and the next init container',
      basePod(sidecarSpecs(), 'Always'),
      rt(set(set(sidecarsRunning(), 0, { state: 'exited' }), 2, { state: 'exited' })),
      actions({ initContainersToStart: [0, 2] }),
      probes(),
    ],
    [
      'restart a terminated sidecar and start the regular containers',
      basePod(sidecarSpecs(), 'Always'),
      rt(set(sidecarsRunning(), 0, { state: 'exited' })),
      actions({ initContainersToStart: [0], containersToStart: [0, 1, 2] }),
      probes(),
    ],
    [
      'sandbox not ready, sidecar failed, Never: kill pod only',
      basePod(sidecarSpecs(), 'Never'),
      rt(set(sidecarsRunning(), 2, { state: 'exited', exitCode: 137 }), notReady),
      actions({ killPod: true, attempt: 1 }),
      probes(),
    ],
    [
      'sandbox not ready, Never, no visible sidecars: new sandbox',
      basePod(sidecarSpecs(), 'Never'),
      rt([], notReady),
      actions({ killPod: true, createSandbox: true, attempt: 1, initContainersToStart: [0] }),
      probes(),
    ],
    [
      'sandbox not ready, sidecar failed, OnFailure: new sandbox',
      basePod(sidecarSpecs(), 'OnFailure'),
      rt(set(sidecarsRunning(), 2, { state: 'exited', exitCode: 137 }), notReady),
      actions({ killPod: true, createSandbox: true, attempt: 1, initContainersToStart: [0] }),
      probes(),
    ],
    [
      'sandbox not ready, sidecar failed, Always: new sandbox',
      basePod(sidecarSpecs(), 'Always'),
      rt(set(sidecarsRunning(), 2, { state: 'exited', exitCode: 137 }), notReady),
      actions({ killPod: true, createSandbox: true, attempt: 1, initContainersToStart: [0] }),
      probes(),
    ],
    [
      'a failed sidecar is restarted even under Never (trap 11)',
      basePod(sidecarSpecs(), 'Never'),
      rt(set(sidecarsRunning(), 2, { state: 'exited', exitCode: 137 })),
      actions({ initContainersToStart: [2] }),
      probes(),
    ],
    [
      'a sidecar in unknown state is killed and restarted even under Never',
      basePod(sidecarSpecs(), 'Never'),
      rt(set(sidecarsRunning(), 2, { state: 'unknown' })),
      actions({ initContainersToStart: [2], containersToKill: ['restartable-init-3'] }),
      probes(),
    ],
    [
      'sidecar restarted while regular containers run (Never)',
      basePod(sidecarSpecs(), 'Never'),
      rt([...set(sidecarsRunning(), 2, { state: 'exited', exitCode: 137 }), ...mainRunning]),
      actions({ initContainersToStart: [2] }),
      probes(),
    ],
    [
      'all main containers succeeded under Never: kill the pod, do not restart sidecars',
      basePod(sidecarSpecs(), 'Never'),
      rt([...sidecarsRunning(), ...mainSucceeded]),
      actions({ killPod: true }),
      probes(),
    ],
    [
      'main containers done while a sidecar crashed: the sidecar is not restarted',
      basePod(sidecarSpecs(), 'Never'),
      rt([...set(sidecarsRunning(), 0, { state: 'exited', exitCode: 1 }), ...mainSucceeded]),
      actions({ killPod: true }),
      probes(),
    ],
    [
      'some init statuses missing, last running: restart sidecars and start regular containers',
      basePod(sidecarSpecs(), 'Always'),
      rt(sidecarsRunning().slice(2)),
      actions({ initContainersToStart: [0, 1], containersToStart: [0, 1, 2] }),
      probes(),
    ],
  ])('%s', (_n, pod, runtime, want, opts) => {
    expect(computePodActions(pod, runtime, opts)).toEqual(want);
  });
});

describe('computePodActions — properties', () => {
  const stateArb = fc.constantFrom<RuntimeContainer['state'] | 'none'>(
    'running',
    'exited',
    'created',
    'unknown',
    'none',
  );
  it('indices are in range, sorted and unique; killPod with createSandbox only when a sandbox is needed', () => {
    fc.assert(
      fc.property(
        fc.array(stateArb, { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
        fc.constantFrom('Always', 'OnFailure', 'Never'),
        fc.boolean(),
        fc.boolean(),
        (states, codes, policy, sandboxOk, withInit) => {
          const pod = basePod(withInit ? sidecarSpecs() : [], policy);
          const containers: RuntimeContainer[] = [];
          states.forEach((s, i) => {
            if (s !== 'none')
              containers.push({ name: `foo${i + 1}`, state: s, exitCode: codes[i] });
          });
          if (withInit) containers.push(...sidecarsRunning());
          const got = computePodActions(
            pod,
            {
              sandboxes: [
                sandboxOk ? sandboxReady : { ...sandboxReady, state: 'SANDBOX_NOTREADY' },
              ],
              containers,
            },
            probes(),
          );
          for (const list of [got.containersToStart, got.initContainersToStart]) {
            for (const i of list) expect(i).toBeGreaterThanOrEqual(0);
            for (const i of list) expect(i).toBeLessThan(3);
          }
          expect(new Set(got.containersToStart).size).toBe(got.containersToStart.length);
          if (got.createSandbox) expect(got.killPod).toBe(true);
          if (sandboxOk) expect(got.createSandbox).toBe(false);
          expect(got.attempt).toBe(sandboxOk ? 0 : 1);
        },
      ),
    );
    function probes(): ComputePodActionsOptions {
      return { probeResults: sidecarProbes() };
    }
  });
});

describe('computePodActionsDetailed — Killing event messages (kubernetes-events.md §4)', () => {
  const rt: RuntimeView = { sandboxes: [sandboxReady], containers: regularRunning() };
  it.each<
    [string, V1Pod, ComputePodActionsOptions, { name: string; message: string; reason: string }]
  >([
    [
      'liveness failure, restarted',
      basePod([], 'Always'),
      { probeResults: { liveness: { foo2: 'Failure' } } },
      {
        name: 'foo2',
        message: 'Container foo2 failed liveness probe, will be restarted',
        reason: 'LivenessProbe',
      },
    ],
    [
      'liveness failure under Never',
      basePod([], 'Never'),
      { probeResults: { liveness: { foo2: 'Failure' } } },
      { name: 'foo2', message: 'Container foo2 failed liveness probe', reason: 'LivenessProbe' },
    ],
    [
      'startup failure',
      basePod([], 'OnFailure'),
      { probeResults: { startup: { foo1: 'Failure' } } },
      {
        name: 'foo1',
        message: 'Container foo1 failed startup probe, will be restarted',
        reason: 'StartupProbe',
      },
    ],
    [
      'definition changed',
      basePod([], 'Never'),
      { specChangedContainers: ['foo3'] },
      { name: 'foo3', message: 'Container foo3 definition changed, will be restarted', reason: '' },
    ],
  ])('%s', (_n, pod, opts, want) => {
    const got = computePodActionsDetailed(pod, rt, opts);
    expect(got.kills).toEqual([want]);
    expect(got.containersToKill).toEqual([want.name]);
  });

  it('unknown state', () => {
    const got = computePodActionsDetailed(basePod(), {
      sandboxes: [sandboxReady],
      containers: set(regularRunning(), 0, { state: 'unknown' }),
    });
    expect(got.kills).toEqual([
      {
        name: 'foo1',
        message: 'Container is in "unknown" state, try killing it before restart',
        reason: 'Unknown',
      },
    ]);
  });

  it('sidecar liveness failure has no "will be restarted" suffix', () => {
    const got = computePodActionsDetailed(
      basePod(sidecarSpecs(), 'Always'),
      { sandboxes: [sandboxReady], containers: sidecarsRunning() },
      {
        probeResults: {
          ...sidecarProbes(),
          liveness: { 'restartable-init-2': 'Success', 'restartable-init-3': 'Failure' },
        },
      },
    );
    expect(got.kills).toEqual([
      {
        name: 'restartable-init-3',
        message: 'Init container restartable-init-3 failed liveness probe',
        reason: 'LivenessProbe',
      },
    ]);
  });

  it('computePodActions returns exactly the six contract fields', () => {
    expect(Object.keys(computePodActions(basePod(), rt)).sort()).toEqual([
      'attempt',
      'containersToKill',
      'containersToStart',
      'createSandbox',
      'initContainersToStart',
      'killPod',
    ]);
  });
});
