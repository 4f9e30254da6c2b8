import type { ContainerStatus, PodCondition } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import {
  containersReadyCondition,
  initializedCondition,
  kubeletPodConditions,
  podReadyCondition,
  readyToStartContainersCondition,
} from './conditions.ts';
import type { KContainer, RuntimeView, V1Pod } from './runtimeView.ts';
import {
  POD_SANDBOX_NOT_READY_MSG_MULTIPLE_SANDBOXES,
  POD_SANDBOX_NOT_READY_MSG_NETWORK_NAMESPACE_MODE,
  POD_SANDBOX_NOT_READY_MSG_NO_IP_ADDRESS,
  POD_SANDBOX_NOT_READY_MSG_NO_POD_SANDBOX,
  POD_SANDBOX_NOT_READY_MSG_SANDBOX_NOT_READY,
} from './sandbox.ts';

const ready = (name: string): ContainerStatus => ({ name, ready: true }) as ContainerStatus;
const notReady = (name: string): ContainerStatus => ({ name, ready: false }) as ContainerStatus;
const startedS = (name: string, v: boolean): ContainerStatus =>
  ({ name, ready: false, started: v }) as ContainerStatus;
const sc = (name: string): KContainer => ({ name, restartPolicy: 'Always' }) as KContainer;
const c = (name: string): KContainer => ({ name }) as KContainer;

/**
 * The kubelet passes one combined status list; tests put it all in
 * `containerStatuses` (`undefined` = the nil list).
 */
function pod(
  spec: { init?: KContainer[]; containers?: KContainer[]; gates?: string[] },
  statuses: ContainerStatus[] | undefined,
  phase: string,
  conditions?: PodCondition[],
): V1Pod {
  return {
    spec: {
      containers: spec.containers ?? [],
      ...(spec.init ? { initContainers: spec.init } : {}),
      ...(spec.gates
        ? { readinessGates: spec.gates.map((conditionType) => ({ conditionType })) }
        : {}),
    },
    status: {
      phase,
      ...(statuses !== undefined ? { containerStatuses: statuses } : {}),
      ...(conditions ? { conditions } : {}),
    },
  } as V1Pod;
}

const cond = (type: string, status: string, reason = '', message = '') => ({
  type,
  status,
  reason,
  message,
});

describe('containersReadyCondition (generate_test.go TestGenerateContainersReadyCondition)', () => {
  it.each([
    [
      'nil list',
      pod({}, undefined, 'Running'),
      cond('ContainersReady', 'False', 'UnknownContainerStatuses'),
    ],
    ['empty list, no containers', pod({}, [], 'Running'), cond('ContainersReady', 'True')],
    [
      'container without status',
      pod({ containers: [c('1234')] }, [], 'Running'),
      cond(
        'ContainersReady',
        'False',
        'ContainersNotReady',
        'containers with unknown status: [1234]',
      ),
    ],
    [
      'all ready',
      pod({ containers: [c('1234'), c('5678')] }, [ready('1234'), ready('5678')], 'Running'),
      cond('ContainersReady', 'True'),
    ],
    [
      'one unknown',
      pod({ containers: [c('1234'), c('5678')] }, [ready('1234')], 'Running'),
      cond(
        'ContainersReady',
        'False',
        'ContainersNotReady',
        'containers with unknown status: [5678]',
      ),
    ],
    [
      'one unready',
      pod({ containers: [c('1234'), c('5678')] }, [ready('1234'), notReady('5678')], 'Running'),
      cond(
        'ContainersReady',
        'False',
        'ContainersNotReady',
        'containers with unready status: [5678]',
      ),
    ],
    [
      'unknown and unready together',
      pod({ containers: [c('a'), c('b'), c('d')] }, [notReady('b')], 'Running'),
      cond(
        'ContainersReady',
        'False',
        'ContainersNotReady',
        'containers with unknown status: [a d], containers with unready status: [b]',
      ),
    ],
    [
      'succeeded',
      pod({ containers: [c('1234')] }, [notReady('1234')], 'Succeeded'),
      cond('ContainersReady', 'False', 'PodCompleted'),
    ],
    [
      'failed',
      pod({ containers: [c('1234')] }, [notReady('1234')], 'Failed'),
      cond('ContainersReady', 'False', 'PodFailed'),
    ],
    [
      'succeeded with an unknown container is not PodCompleted',
      pod({ containers: [c('a'), c('b')] }, [notReady('a')], 'Succeeded'),
      cond(
        'ContainersReady',
        'False',
        'ContainersNotReady',
        'containers with unknown status: [b], containers with unready status: [a]',
      ),
    ],
    [
      'sidecar without status',
      pod(
        { init: [sc('restartable-init-1')], containers: [c('regular-1')] },
        [ready('regular-1')],
        'Running',
      ),
      cond(
        'ContainersReady',
        'False',
        'ContainersNotReady',
        'containers with unknown status: [restartable-init-1]',
      ),
    ],
    [
      'sidecars and regular ready',
      pod(
        {
          init: [sc('restartable-init-1'), sc('restartable-init-2')],
          containers: [c('regular-1')],
        },
        [ready('restartable-init-1'), ready('restartable-init-2'), ready('regular-1')],
        'Running',
      ),
      cond('ContainersReady', 'True'),
    ],
    [
      'second sidecar unknown',
      pod(
        {
          init: [sc('restartable-init-1'), sc('restartable-init-2')],
          containers: [c('regular-1')],
        },
        [ready('restartable-init-1'), ready('regular-1')],
        'Running',
      ),
      cond(
        'ContainersReady',
        'False',
        'ContainersNotReady',
        'containers with unknown status: [restartable-init-2]',
      ),
    ],
    [
      'second sidecar unready',
      pod(
        {
          init: [sc('restartable-init-1'), sc('restartable-init-2')],
          containers: [c('regular-1')],
        },
        [ready('restartable-init-1'), notReady('restartable-init-2'), ready('regular-1')],
        'Running',
      ),
      cond(
        'ContainersReady',
        'False',
        'ContainersNotReady',
        'containers with unready status: [restartable-init-2]',
      ),
    ],
    [
      'regular init containers are not considered',
      pod({ init: [c('init')], containers: [c('a')] }, [notReady('init'), ready('a')], 'Running'),
      cond('ContainersReady', 'True'),
    ],
  ])('%s', (_n, p, want) => {
    expect(containersReadyCondition(p)).toEqual(want);
  });

  it('reads statuses from both arrays (init statuses count for sidecars)', () => {
    const p = {
      spec: { initContainers: [sc('s')], containers: [c('a')] },
      status: {
        phase: 'Running',
        initContainerStatuses: [ready('s')],
        containerStatuses: [ready('a')],
      },
    } as V1Pod;
    expect(containersReadyCondition(p).status).toBe('True');
  });
});

describe('podReadyCondition (TestGeneratePodReadyCondition)', () => {
  it.each([
    ['nil list', pod({}, undefined, 'Running'), cond('Ready', 'False', 'UnknownContainerStatuses')],
    ['empty', pod({}, [], 'Running'), cond('Ready', 'True')],
    [
      'unknown',
      pod({ containers: [c('1234')] }, [], 'Running'),
      cond('Ready', 'False', 'ContainersNotReady', 'containers with unknown status: [1234]'),
    ],
    [
      'all ready',
      pod({ containers: [c('1234'), c('5678')] }, [ready('1234'), ready('5678')], 'Running'),
      cond('Ready', 'True'),
    ],
    [
      'one unknown',
      pod({ containers: [c('1234'), c('5678')] }, [ready('1234')], 'Running'),
      cond('Ready', 'False', 'ContainersNotReady', 'containers with unknown status: [5678]'),
    ],
    [
      'one unready',
      pod({ containers: [c('1234'), c('5678')] }, [ready('1234'), notReady('5678')], 'Running'),
      cond('Ready', 'False', 'ContainersNotReady', 'containers with unready status: [5678]'),
    ],
    [
      'succeeded',
      pod({ containers: [c('1234')] }, [notReady('1234')], 'Succeeded'),
      cond('Ready', 'False', 'PodCompleted'),
    ],
    [
      'gate condition missing',
      pod({ gates: ['gate1'] }, [], 'Running'),
      cond(
        'Ready',
        'False',
        'ReadinessGatesNotReady',
        'corresponding condition of pod readiness gate "gate1" does not exist.',
      ),
    ],
    [
      'gate False',
      pod({ gates: ['gate1'] }, [], 'Running', [{ type: 'gate1', status: 'False' }]),
      cond(
        'Ready',
        'False',
        'ReadinessGatesNotReady',
        'the status of pod readiness gate "gate1" is not "True", but False',
      ),
    ],
    [
      'gate True',
      pod({ gates: ['gate1'] }, [], 'Running', [{ type: 'gate1', status: 'True' }]),
      cond('Ready', 'True'),
    ],
    [
      'second gate missing',
      pod({ gates: ['gate1', 'gate2'] }, [], 'Running', [{ type: 'gate1', status: 'True' }]),
      cond(
        'Ready',
        'False',
        'ReadinessGatesNotReady',
        'corresponding condition of pod readiness gate "gate2" does not exist.',
      ),
    ],
    [
      'second gate False',
      pod({ gates: ['gate1', 'gate2'] }, [], 'Running', [
        { type: 'gate1', status: 'True' },
        { type: 'gate2', status: 'False' },
      ]),
      cond(
        'Ready',
        'False',
        'ReadinessGatesNotReady',
        'the status of pod readiness gate "gate2" is not "True", but False',
      ),
    ],
    [
      'both gates True',
      pod({ gates: ['gate1', 'gate2'] }, [], 'Running', [
        { type: 'gate1', status: 'True' },
        { type: 'gate2', status: 'True' },
      ]),
      cond('Ready', 'True'),
    ],
    [
      'gates True but a container unready',
      pod({ containers: [c('1234')], gates: ['gate1'] }, [notReady('1234')], 'Running', [
        { type: 'gate1', status: 'True' },
      ]),
      cond('Ready', 'False', 'ContainersNotReady', 'containers with unready status: [1234]'),
    ],
    [
      'two gates failing are joined',
      pod({ gates: ['a', 'b'] }, [], 'Running', [{ type: 'b', status: 'Unknown' }]),
      cond(
        'Ready',
        'False',
        'ReadinessGatesNotReady',
        'corresponding condition of pod readiness gate "a" does not exist., the status of pod readiness gate "b" is not "True", but Unknown',
      ),
    ],
  ])('%s', (_n, p, want) => {
    expect(podReadyCondition(p)).toEqual(want);
  });
});

describe('initializedCondition (TestGeneratePodInitializedCondition)', () => {
  const one = { init: [c('1234')], containers: [c('regular')] };
  const two = { init: [c('1234'), c('5678')], containers: [c('regular')] };
  const side = { init: [sc('1234')], containers: [c('regular')] };
  it.each([
    [
      'nil list with init containers',
      pod(two, undefined, 'Running'),
      'False',
      'UnknownContainerStatuses',
      '',
    ],
    ['no init containers', pod({}, [], 'Running'), 'True', '', ''],
    [
      'nil list without init containers',
      pod({ containers: [c('a')] }, undefined, 'Pending'),
      'True',
      '',
      '',
    ],
    [
      'init without status',
      pod(one, [], 'Running'),
      'False',
      'ContainersNotInitialized',
      'containers with unknown status: [1234]',
    ],
    ['both ready', pod(two, [ready('1234'), ready('5678')], 'Running'), 'True', '', ''],
    [
      'second unknown',
      pod(two, [ready('1234')], 'Running'),
      'False',
      'ContainersNotInitialized',
      'containers with unknown status: [5678]',
    ],
    [
      'second incomplete',
      pod(two, [ready('1234'), notReady('5678')], 'Running'),
      'False',
      'ContainersNotInitialized',
      'containers with incomplete status: [5678]',
    ],
    ['succeeded pod', pod(one, [ready('1234')], 'Succeeded'), 'True', 'PodCompleted', ''],
    [
      'sidecar not started',
      pod(side, [startedS('1234', false)], 'Pending'),
      'False',
      'ContainersNotInitialized',
      'containers with incomplete status: [1234]',
    ],
    ['sidecar started', pod(side, [startedS('1234', true)], 'Running'), 'True', '', ''],
    [
      'sidecar restarting after a regular container ran',
      pod(
        side,
        [startedS('1234', false), { name: 'regular', state: { running: {} } } as ContainerStatus],
        'Running',
      ),
      'True',
      '',
      '',
    ],
    [
      'regular init waiting, regular container terminated',
      pod(
        one,
        [
          { name: '1234', state: { waiting: {} } } as ContainerStatus,
          { name: 'regular', state: { terminated: {} } } as unknown as ContainerStatus,
        ],
        'Running',
      ),
      'True',
      '',
      '',
    ],
    [
      'unknown and incomplete together',
      pod(two, [notReady('1234')], 'Pending'),
      'False',
      'ContainersNotInitialized',
      'containers with unknown status: [5678], containers with incomplete status: [1234]',
    ],
  ])('%s', (_n, p, status, reason, message) => {
    expect(initializedCondition(p)).toEqual(cond('Initialized', status, reason, message));
  });
});

describe('readyToStartContainersCondition (TestGeneratePodReadyToStartContainersCondition)', () => {
  const NR = 'PodSandboxNotReady';
  it.each<[string, V1Pod, RuntimeView, ReturnType<typeof cond>]>([
    [
      'empty pod status',
      {} as V1Pod,
      { sandboxes: [] },
      cond('PodReadyToStartContainers', 'False', NR, POD_SANDBOX_NOT_READY_MSG_NO_POD_SANDBOX),
    ],
    [
      'sandbox not ready',
      {} as V1Pod,
      { sandboxes: [{ state: 'SANDBOX_NOTREADY', attempt: 0 }] },
      cond('PodReadyToStartContainers', 'False', NR, POD_SANDBOX_NOT_READY_MSG_SANDBOX_NOT_READY),
    ],
    [
      'multiple ready sandboxes',
      {} as V1Pod,
      {
        sandboxes: [
          { state: 'SANDBOX_READY', attempt: 1, ip: '10.0.0.10' },
          { state: 'SANDBOX_READY', attempt: 0, ip: '10.0.0.11' },
        ],
      },
      cond('PodReadyToStartContainers', 'False', NR, POD_SANDBOX_NOT_READY_MSG_MULTIPLE_SANDBOXES),
    ],
    [
      'network namespace mode changed',
      { spec: { hostNetwork: true } } as V1Pod,
      {
        sandboxes: [
          { state: 'SANDBOX_READY', attempt: 0, ip: '10.0.0.10', networkNamespaceMode: 'POD' },
        ],
      },
      cond(
        'PodReadyToStartContainers',
        'False',
        NR,
        POD_SANDBOX_NOT_READY_MSG_NETWORK_NAMESPACE_MODE,
      ),
    ],
    [
      'no IP',
      {} as V1Pod,
      { sandboxes: [{ state: 'SANDBOX_READY', attempt: 0, ip: '' }] },
      cond('PodReadyToStartContainers', 'False', NR, POD_SANDBOX_NOT_READY_MSG_NO_IP_ADDRESS),
    ],
    [
      'ready with IP',
      {} as V1Pod,
      { sandboxes: [{ state: 'SANDBOX_READY', attempt: 0, ip: '10.0.0.10' }] },
      cond('PodReadyToStartContainers', 'True'),
    ],
    [
      'host network needs no IP',
      { spec: { hostNetwork: true } } as V1Pod,
      { sandboxes: [{ state: 'SANDBOX_READY', attempt: 0, ip: '', networkNamespaceMode: 'NODE' }] },
      cond('PodReadyToStartContainers', 'True'),
    ],
    [
      'newest not ready, an older one ready (pause container died) → not ready',
      {} as V1Pod,
      {
        sandboxes: [
          { state: 'SANDBOX_NOTREADY', attempt: 1, ip: '10.0.0.10' },
          { state: 'SANDBOX_READY', attempt: 0, ip: '10.0.0.11' },
        ],
      },
      cond('PodReadyToStartContainers', 'False', NR, POD_SANDBOX_NOT_READY_MSG_SANDBOX_NOT_READY),
    ],
  ])('%s', (_n, p, rt, want) => {
    expect(readyToStartContainersCondition(p, rt)).toEqual(want);
  });
});

describe('kubeletPodConditions (generateAPIPodStatus order)', () => {
  it('keeps foreign conditions first, then the five kubelet conditions in order', () => {
    const p = {
      spec: { containers: [c('a')], readinessGates: [{ conditionType: 'lb/ready' }] },
      status: {
        phase: 'Running',
        containerStatuses: [ready('a')],
        conditions: [
          { type: 'Ready', status: 'False' },
          { type: 'lb/ready', status: 'True' },
          { type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI' },
        ],
      },
    } as V1Pod;
    const got = kubeletPodConditions(p, {
      sandboxes: [{ state: 'SANDBOX_READY', attempt: 0, ip: '10.0.0.1' }],
    });
    expect(got.map((x) => `${x.type}=${x.status}`)).toEqual([
      'lb/ready=True',
      'DisruptionTarget=True',
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
  });
});
