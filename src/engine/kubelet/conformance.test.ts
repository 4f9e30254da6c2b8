/**
 * Runs every applicable vector of conformance/sample-vectors.json (transcribed
 * from Kubernetes' own unit tests) against the exported functions.
 */
import { describe, expect, it } from 'vitest';
import data from './conformance/sample-vectors.json';
import {
  containersReadyCondition,
  initializedCondition,
  podReadyCondition,
  readyToStartContainersCondition,
} from './conditions.ts';
import { defaultImagePullPolicy, parseImageName } from './imagePolicy.ts';
import { getPhase } from './phase.ts';
import { computePodActions } from './podActions.ts';
import { printPod } from './printPod.ts';
import {
  POD_SANDBOX_NOT_READY_MSG_MULTIPLE_SANDBOXES,
  POD_SANDBOX_NOT_READY_MSG_NETWORK_NAMESPACE_MODE,
  POD_SANDBOX_NOT_READY_MSG_NO_IP_ADDRESS,
  POD_SANDBOX_NOT_READY_MSG_NO_POD_SANDBOX,
  POD_SANDBOX_NOT_READY_MSG_SANDBOX_NOT_READY,
  POD_SANDBOX_NOT_READY_REASON,
} from './sandbox.ts';
import type { ProbeResults, RuntimeView, V1Pod } from './runtimeView.ts';

/** Go constants named by vectors whose literal text the transcriber did not have. */
const CONSTANTS: Record<string, string> = {
  'kubetypes.PodSandboxNotReadyReason': POD_SANDBOX_NOT_READY_REASON,
  'kubetypes.PodSandboxNotReadyMsgNoPodSandbox': POD_SANDBOX_NOT_READY_MSG_NO_POD_SANDBOX,
  'kubetypes.PodSandboxNotReadyMsgMultipleSandboxes': POD_SANDBOX_NOT_READY_MSG_MULTIPLE_SANDBOXES,
  'kubetypes.PodSandboxNotReadyMsgSandboxNotReady': POD_SANDBOX_NOT_READY_MSG_SANDBOX_NOT_READY,
  'kubetypes.PodSandboxNotReadyMsgNetworkNamespaceMode':
    POD_SANDBOX_NOT_READY_MSG_NETWORK_NAMESPACE_MODE,
  'kubetypes.PodSandboxNotReadyMsgNoIPAddress': POD_SANDBOX_NOT_READY_MSG_NO_IP_ADDRESS,
};

interface Vector {
  suite: string;
  source: string;
  name: string;
  pod: unknown;
  expect: unknown;
  podIsTerminal?: boolean;
  podHasInitialized?: boolean;
  runtime?: unknown;
  probeResults?: unknown;
  specChangedContainers?: string[];
  now?: string;
  parsedTag?: string;
}

const vectors = (data as { vectors: Vector[] }).vectors;
const bySuite = (suite: string): Vector[] => vectors.filter((v) => v.suite === suite);
const label = (v: Vector): string => `${v.source} — ${v.name}`;

type ConditionExpect = {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  reasonConstant?: string;
  messageConstant?: string;
};

function checkCondition(got: Record<string, unknown>, want: ConditionExpect): void {
  expect(got.type).toBe(want.type);
  expect(got.status).toBe(want.status);
  const reason = want.reasonConstant ? CONSTANTS[want.reasonConstant] : want.reason;
  const message = want.messageConstant ? CONSTANTS[want.messageConstant] : want.message;
  if (reason !== undefined) expect(got.reason).toBe(reason);
  if (message !== undefined) expect(got.message).toBe(message);
}

describe('conformance: getPhase', () => {
  it.each(bySuite('getPhase').map((v) => [label(v), v] as const))('%s', (_l, v) => {
    expect(
      getPhase(v.pod as V1Pod, {
        podIsTerminal: v.podIsTerminal ?? false,
        podHasInitialized: v.podHasInitialized ?? false,
      }),
    ).toBe(v.expect);
  });
});

describe('conformance: conditions', () => {
  const fns = {
    initializedCondition,
    containersReadyCondition,
    podReadyCondition,
  } as const;
  for (const [suite, fn] of Object.entries(fns)) {
    const vs = bySuite(suite);
    if (vs.length === 0) continue;
    it.each(vs.map((v) => [label(v), v] as const))(`${suite}: %s`, (_l, v) => {
      checkCondition(
        fn(v.pod as V1Pod) as unknown as Record<string, unknown>,
        v.expect as ConditionExpect,
      );
    });
  }
  it.each(bySuite('readyToStartContainersCondition').map((v) => [label(v), v] as const))(
    'readyToStartContainersCondition: %s',
    (_l, v) => {
      checkCondition(
        readyToStartContainersCondition(
          v.pod as V1Pod,
          (v.runtime ?? { sandboxes: [] }) as RuntimeView,
        ) as unknown as Record<string, unknown>,
        v.expect as ConditionExpect,
      );
    },
  );
});

describe('conformance: computePodActions', () => {
  it.each(bySuite('computePodActions').map((v) => [label(v), v] as const))('%s', (_l, v) => {
    const got = computePodActions(v.pod as V1Pod, v.runtime as RuntimeView, {
      probeResults: v.probeResults as ProbeResults | undefined,
      specChangedContainers: v.specChangedContainers,
    });
    const want = v.expect as Record<string, unknown>;
    expect({ ...got, containersToKill: [...got.containersToKill].sort() }).toEqual({
      ...want,
      containersToKill: [...(want.containersToKill as string[])].sort(),
    });
  });
});

describe('conformance: kubectlStatus (printPod)', () => {
  it.each(bySuite('kubectlStatus').map((v) => [label(v), v] as const))('%s', (_l, v) => {
    const now = new Date(v.now ?? '2025-01-01T00:00:00Z');
    expect(printPod(v.pod as V1Pod, now)).toEqual(v.expect);
  });
});

describe('conformance: imagePullPolicyDefault', () => {
  it.each(bySuite('imagePullPolicyDefault').map((v) => [label(v), v] as const))('%s', (_l, v) => {
    const pod = v.pod as V1Pod;
    const image = pod.spec!.containers[0]!.image!;
    expect(defaultImagePullPolicy(image)).toBe(
      (v.expect as { imagePullPolicy: string }).imagePullPolicy,
    );
    if (v.parsedTag !== undefined) expect(parseImageName(image)?.tag).toBe(v.parsedTag);
  });
});

describe('conformance: generatePodStatusPhase (informative)', () => {
  // The vector's pod status is the previous kubelet status; the expected phase is
  // what getPhase gives for the newly generated statuses (containers vanished →
  // waiting with a terminated lastState → stopped → restartPolicy Always → Running).
  it.each(bySuite('generatePodStatusPhase').map((v) => [label(v), v] as const))('%s', (_l, v) => {
    const want = v.expect as { phase: string; containerStatuses: unknown[] };
    const pod = v.pod as V1Pod;
    const regenerated = {
      ...pod,
      status: { containerStatuses: want.containerStatuses },
    } as V1Pod;
    expect(getPhase(regenerated, { podIsTerminal: false, podHasInitialized: false })).toBe(
      want.phase,
    );
  });
});
