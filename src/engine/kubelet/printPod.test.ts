import fc from 'fast-check';
import type { ContainerStatus, PodCondition } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { humanDuration } from './humanDuration.ts';
import { printPod, translateTimestampSince } from './printPod.ts';
import type { KContainer, PodRow, V1Pod } from './runtimeView.ts';

const NOW = new Date('2025-01-01T00:00:00Z');
const ago = (ms: number): string => new Date(NOW.getTime() - ms).toISOString();
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

const SUCCEEDED_ROW = {
  type: 'Completed',
  status: 'True',
  reason: 'Succeeded',
  message: 'The pod has completed successfully.',
} as const;
const FAILED_ROW = {
  type: 'Completed',
  status: 'True',
  reason: 'Failed',
  message: 'The pod failed.',
} as const;

interface P {
  name: string;
  containers?: number;
  init?: number | KContainer[];
  phase?: string;
  reason?: string;
  statuses?: Partial<ContainerStatus>[];
  initStatuses?: Partial<ContainerStatus>[];
  conditions?: Partial<PodCondition>[];
  deleted?: boolean;
  created?: string;
}

function pod(p: P): V1Pod {
  const unnamed = (n: number) => Array.from({ length: n }, () => ({ name: '' }));
  return {
    metadata: {
      name: p.name,
      ...(p.deleted ? { deletionTimestamp: ago(10 * S) } : {}),
      ...(p.created ? { creationTimestamp: p.created } : {}),
    },
    spec: {
      containers: unnamed(p.containers ?? 1),
      ...(p.init !== undefined
        ? { initContainers: typeof p.init === 'number' ? unnamed(p.init) : p.init }
        : {}),
    },
    status: {
      ...(p.phase !== undefined ? { phase: p.phase } : {}),
      ...(p.reason !== undefined ? { reason: p.reason } : {}),
      ...(p.statuses ? { containerStatuses: p.statuses.map((s) => ({ name: '', ...s })) } : {}),
      ...(p.initStatuses
        ? { initContainerStatuses: p.initStatuses.map((s) => ({ name: '', ...s })) }
        : {}),
      ...(p.conditions ? { conditions: p.conditions } : {}),
    },
  } as V1Pod;
}

const row = (
  name: string,
  ready: string,
  status: string,
  restarts: string,
  extra: Partial<PodRow> = {},
): PodRow => ({
  name,
  ready,
  status,
  restarts,
  age: '<unknown>',
  ...extra,
});

const runningReady = (restartCount = 0): Partial<ContainerStatus> => ({
  ready: true,
  restartCount,
  state: { running: {} },
});
const lastAt = (ms: number) => ({ terminated: { exitCode: 0, finishedAt: ago(ms) } });

describe('printPod (printers_test.go TestPrintPod)', () => {
  it.each<[string, V1Pod, PodRow]>([
    [
      'test1: name, containers, restarts, ready',
      pod({
        name: 'test1',
        containers: 2,
        phase: 'podPhase',
        statuses: [runningReady(3), { restartCount: 3 }],
      }),
      row('test1', '1/2', 'podPhase', '6'),
    ],
    [
      'test2: a waiting reason overrides the phase',
      pod({
        name: 'test2',
        containers: 2,
        phase: 'podPhase',
        statuses: [
          runningReady(3),
          { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 },
        ],
      }),
      row('test2', '1/2', 'ContainerWaitingReason', '6'),
    ],
    [
      'test3: the first container wins (trap 9)',
      pod({
        name: 'test3',
        containers: 2,
        phase: 'podPhase',
        statuses: [
          { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 },
          {
            state: { terminated: { reason: 'ContainerTerminatedReason', exitCode: 0 } },
            restartCount: 3,
          },
        ],
      }),
      row('test3', '0/2', 'ContainerWaitingReason', '6'),
    ],
    [
      'test4: ready is not enough for reporting running',
      pod({
        name: 'test4',
        containers: 2,
        phase: 'podPhase',
        statuses: [runningReady(3), { ready: true, restartCount: 3 }],
      }),
      row('test4', '1/2', 'podPhase', '6'),
    ],
    [
      'test5: status.reason replaces the phase',
      pod({
        name: 'test5',
        containers: 2,
        phase: 'podPhase',
        reason: 'podReason',
        statuses: [runningReady(3), { ready: true, restartCount: 3 }],
      }),
      row('test5', '1/2', 'podReason', '6'),
    ],
    [
      'test6: Completed + running container without Ready condition → NotReady',
      pod({
        name: 'test6',
        containers: 2,
        phase: 'Running',
        statuses: [
          {
            ready: true,
            restartCount: 3,
            state: { terminated: { reason: 'Completed', exitCode: 0 } },
          },
          runningReady(3),
        ],
      }),
      row('test6', '1/2', 'NotReady', '6'),
    ],
    [
      'test6b: Completed + running container with Ready=True → Running',
      pod({
        name: 'test6',
        containers: 2,
        phase: 'Running',
        statuses: [
          {
            ready: true,
            restartCount: 3,
            state: { terminated: { reason: 'Completed', exitCode: 0 } },
          },
          runningReady(3),
        ],
        conditions: [{ type: 'Ready', status: 'True' }],
      }),
      row('test6', '1/2', 'Running', '6'),
    ],
    [
      'test7: init container restarting',
      pod({
        name: 'test7',
        init: 1,
        phase: 'podPhase',
        initStatuses: [{ restartCount: 3, state: { running: {} }, lastState: lastAt(10 * S) }],
        statuses: [{ state: { waiting: {} } }],
      }),
      row('test7', '0/1', 'Init:0/1', '3 (10s ago)'),
    ],
    [
      'test8: two init containers, first restarting',
      pod({
        name: 'test8',
        init: 2,
        phase: 'podPhase',
        initStatuses: [
          { restartCount: 3, state: { running: {} }, lastState: lastAt(10 * S) },
          { state: { waiting: {} } },
        ],
        statuses: [{ state: { waiting: {} } }],
      }),
      row('test8', '0/1', 'Init:0/2', '3 (10s ago)'),
    ],
    [
      'test9: first init done, second restarting',
      pod({
        name: 'test9',
        init: 2,
        phase: 'podPhase',
        initStatuses: [
          { state: { terminated: {} } as ContainerStatus['state'] },
          { restartCount: 3, state: { running: {} }, lastState: lastAt(10 * S) },
        ],
        statuses: [{ state: { waiting: {} } }],
      }),
      row('test9', '0/1', 'Init:1/2', '3 (10s ago)'),
    ],
    [
      'test10: restarts of both init containers add up',
      pod({
        name: 'test10',
        init: 2,
        phase: 'podPhase',
        initStatuses: [
          {
            restartCount: 2,
            state: { terminated: {} } as ContainerStatus['state'],
            lastState: lastAt(2 * M),
          },
          { restartCount: 3, state: { running: {} }, lastState: lastAt(10 * S) },
        ],
        statuses: [{ state: { waiting: {} } }],
      }),
      row('test10', '0/1', 'Init:1/2', '5 (10s ago)'),
    ],
    [
      'test11: init restarts are dropped once initialized (trap 10)',
      pod({
        name: 'test11',
        init: 1,
        phase: 'Running',
        initStatuses: [
          {
            restartCount: 2,
            state: { terminated: {} } as ContainerStatus['state'],
            lastState: lastAt(2 * M),
          },
        ],
        statuses: [{ restartCount: 4, state: { running: {} }, lastState: lastAt(20 * S) }],
      }),
      row('test11', '0/1', 'Running', '4 (20s ago)'),
    ],
    [
      'test12: restarted 5d ago',
      pod({
        name: 'test12',
        phase: 'Running',
        statuses: [{ ...runningReady(3), lastState: lastAt(5 * D) }],
      }),
      row('test12', '1/1', 'Running', '3 (5d ago)'),
    ],
    [
      'test13: one never restarted, the other 10d ago',
      pod({
        name: 'test13',
        containers: 2,
        phase: 'Running',
        statuses: [runningReady(0), { ...runningReady(3), lastState: lastAt(10 * D) }],
      }),
      row('test13', '2/2', 'Running', '3 (10d ago)'),
    ],
    [
      'test14: the newest restart is shown',
      pod({
        name: 'test14',
        containers: 2,
        phase: 'Running',
        statuses: [
          { ...runningReady(6), lastState: lastAt(5 * D) },
          { ...runningReady(3), lastState: lastAt(20 * D) },
        ],
      }),
      row('test14', '2/2', 'Running', '9 (5d ago)'),
    ],
    [
      'test15: SchedulingGated',
      pod({
        name: 'test15',
        containers: 2,
        phase: 'podPhase',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
      }),
      row('test15', '0/2', 'SchedulingGated', '0'),
    ],
    [
      'test16: succeeded',
      pod({
        name: 'test16',
        phase: 'Succeeded',
        statuses: [{ state: { terminated: { reason: 'Completed', exitCode: 0 } } }],
      }),
      row('test16', '0/1', 'Completed', '0', { rowCondition: SUCCEEDED_ROW }),
    ],
    [
      'test17: failed',
      pod({
        name: 'test17',
        phase: 'Failed',
        statuses: [{ state: { terminated: { reason: 'Error', exitCode: 1 } } }],
      }),
      row('test17', '0/1', 'Error', '0', { rowCondition: FAILED_ROW }),
    ],
    [
      'test18: a deleted succeeded pod still shows Completed (trap 9)',
      pod({
        name: 'test18',
        deleted: true,
        phase: 'Succeeded',
        statuses: [{ state: { terminated: { reason: 'Completed', exitCode: 0 } } }],
      }),
      row('test18', '0/1', 'Completed', '0', { rowCondition: SUCCEEDED_ROW }),
    ],
    [
      'test19: running with deletion → Terminating',
      pod({
        name: 'test19',
        deleted: true,
        phase: 'Running',
        statuses: [{ state: { running: {} } }],
      }),
      row('test19', '0/1', 'Terminating', '0'),
    ],
    [
      'test20: pending with deletion → Terminating',
      pod({ name: 'test20', deleted: true, phase: 'Pending' }),
      row('test20', '0/1', 'Terminating', '0'),
    ],
    [
      'NodeLost with deletion → Unknown',
      pod({
        name: 'lost',
        deleted: true,
        phase: 'Running',
        reason: 'NodeLost',
        statuses: [runningReady()],
      }),
      row('lost', '1/1', 'Unknown', '0'),
    ],
    [
      'Evicted',
      pod({ name: 'ev', phase: 'Failed', reason: 'Evicted', statuses: [] }),
      row('ev', '0/1', 'Evicted', '0', { rowCondition: FAILED_ROW }),
    ],
    [
      'init container failed: Init:Error',
      pod({
        name: 'ie',
        init: 1,
        phase: 'Pending',
        initStatuses: [{ state: { terminated: { reason: 'Error', exitCode: 1 } } }],
        statuses: [{ state: { waiting: { reason: 'PodInitializing' } } }],
      }),
      row('ie', '0/1', 'Init:Error', '0'),
    ],
    [
      'init container terminated without reason: Init:ExitCode',
      pod({
        name: 'ix',
        init: 1,
        phase: 'Pending',
        initStatuses: [{ state: { terminated: { exitCode: 3 } } }],
      }),
      row('ix', '0/1', 'Init:ExitCode:3', '0'),
    ],
    [
      'init container killed by a signal: Init:Signal',
      pod({
        name: 'is',
        init: 1,
        phase: 'Pending',
        initStatuses: [{ state: { terminated: { exitCode: 137, signal: 9 } } }],
      }),
      row('is', '0/1', 'Init:Signal:9', '0'),
    ],
    [
      'init container crash-looping: Init:CrashLoopBackOff',
      pod({
        name: 'ic',
        init: 2,
        phase: 'Pending',
        initStatuses: [
          {
            restartCount: 4,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: lastAt(5 * M + 2 * S),
          },
          { state: { waiting: { reason: 'PodInitializing' } } },
        ],
      }),
      row('ic', '0/1', 'Init:CrashLoopBackOff', '4 (5m2s ago)'),
    ],
    [
      'init container waiting with PodInitializing counts as Init:i/n',
      pod({
        name: 'ip',
        init: 1,
        phase: 'Pending',
        initStatuses: [{ state: { waiting: { reason: 'PodInitializing' } } }],
      }),
      row('ip', '0/1', 'Init:0/1', '0'),
    ],
    [
      'all init done, app waiting: PodInitializing',
      pod({
        name: 'pi',
        init: 1,
        phase: 'Pending',
        initStatuses: [{ state: { terminated: { reason: 'Completed', exitCode: 0 } } }],
        statuses: [{ state: { waiting: { reason: 'PodInitializing' } } }],
      }),
      row('pi', '0/1', 'PodInitializing', '0'),
    ],
    [
      'regular container terminated without reason: ExitCode',
      pod({ name: 'ec', phase: 'Running', statuses: [{ state: { terminated: { exitCode: 2 } } }] }),
      row('ec', '0/1', 'ExitCode:2', '0'),
    ],
    [
      'regular container killed by signal: Signal',
      pod({
        name: 'sg',
        phase: 'Running',
        statuses: [{ state: { terminated: { exitCode: 143, signal: 15 } } }],
      }),
      row('sg', '0/1', 'Signal:15', '0'),
    ],
    [
      'creation timestamp gives the AGE',
      pod({ name: 'age', phase: 'Pending', created: ago(3 * H + 5 * M) }),
      row('age', '0/1', 'Pending', '0', { age: '3h5m' }),
    ],
  ])('%s', (_n, p, want) => {
    expect(printPod(p, NOW)).toEqual(want);
  });
});

describe('printPod with sidecars (TestPrintPodWithRestartableInitContainer)', () => {
  const sidecars: KContainer[] = [
    { name: 'restartable-init-1', restartPolicy: 'Always' } as KContainer,
    { name: 'restartable-init-2', restartPolicy: 'Always' } as KContainer,
  ];
  it.each<[string, V1Pod, PodRow]>([
    [
      'first sidecar running but not started',
      pod({
        name: 'test1',
        init: sidecars,
        phase: 'Pending',
        initStatuses: [
          {
            name: 'restartable-init-1',
            restartCount: 3,
            state: { running: {} },
            started: false,
            lastState: lastAt(10 * S),
          },
          { name: 'restartable-init-2', state: { waiting: {} }, started: false },
        ],
        statuses: [{ state: { waiting: {} } }],
        conditions: [{ type: 'Initialized', status: 'False' }],
      }),
      row('test1', '0/3', 'Init:0/2', '3 (10s ago)'),
    ],
    [
      'first started, second running but not started',
      pod({
        name: 'test1',
        init: sidecars,
        phase: 'Pending',
        initStatuses: [
          {
            name: 'restartable-init-1',
            restartCount: 3,
            state: { running: {} },
            started: true,
            lastState: lastAt(10 * S),
          },
          { name: 'restartable-init-2', state: { running: {} }, started: false },
        ],
        statuses: [{ state: { waiting: {} } }],
        conditions: [{ type: 'Initialized', status: 'False' }],
      }),
      row('test1', '0/3', 'Init:1/2', '3 (10s ago)'),
    ],
    [
      'both started, container running: sidecar restarts kept (trap 10)',
      pod({
        name: 'test2',
        init: sidecars,
        phase: 'Running',
        initStatuses: [
          {
            name: 'restartable-init-1',
            restartCount: 3,
            state: { running: {} },
            started: true,
            lastState: lastAt(10 * S),
          },
          { name: 'restartable-init-2', state: { running: {} }, started: true },
        ],
        statuses: [
          { ready: true, restartCount: 4, state: { running: {} }, lastState: lastAt(20 * S) },
        ],
        conditions: [{ type: 'Initialized', status: 'True' }],
      }),
      row('test2', '1/3', 'Running', '7 (10s ago)'),
    ],
    [
      'sidecars terminated non-zero, container completed, Initialized=True',
      pod({
        name: 'test3',
        init: sidecars,
        phase: 'Succeeded',
        initStatuses: [
          {
            name: 'restartable-init-1',
            restartCount: 3,
            state: { terminated: { reason: 'Error', exitCode: 137 } },
            started: false,
            lastState: lastAt(10 * S),
          },
          {
            name: 'restartable-init-2',
            state: { terminated: { reason: 'Error', exitCode: 137 } },
            started: false,
          },
        ],
        statuses: [
          {
            restartCount: 4,
            state: { terminated: { reason: 'Completed', exitCode: 0 } },
            lastState: lastAt(20 * S),
          },
        ],
        conditions: [{ type: 'Initialized', status: 'True' }],
      }),
      row('test3', '0/3', 'Completed', '7 (10s ago)', { rowCondition: SUCCEEDED_ROW }),
    ],
    [
      'statuses for containers that are not in the spec',
      {
        metadata: { name: 'test4' },
        spec: {
          initContainers: [
            { name: 'init1', image: 'initimage' },
            { name: 'sidecar1', image: 'sidecarimage', restartPolicy: 'Always' },
          ],
          containers: [{ name: 'container1', image: 'containerimage' }],
        },
        status: {
          phase: 'Running',
          initContainerStatuses: [{ name: 'initinvalid' }, { name: 'init1' }, { name: 'sidecar1' }],
          containerStatuses: [{ name: 'containerinvalid' }, { name: 'container1' }],
        },
      } as V1Pod,
      row('test4', '0/2', 'Init:0/2', '0'),
    ],
    [
      'ready sidecars count in READY',
      pod({
        name: 'rs',
        init: sidecars,
        phase: 'Running',
        initStatuses: [
          { name: 'restartable-init-1', ready: true, state: { running: {} }, started: true },
          { name: 'restartable-init-2', ready: true, state: { running: {} }, started: true },
        ],
        statuses: [runningReady()],
        conditions: [{ type: 'Initialized', status: 'True' }],
      }),
      row('rs', '3/3', 'Running', '0'),
    ],
  ])('%s', (_n, p, want) => {
    expect(printPod(p, NOW)).toEqual(want);
  });
});

describe('printPod conditions (TestPrintPodConditions) and non-terminated pods', () => {
  const two = (name: string, phase: string) =>
    pod({ name, containers: 2, phase, statuses: [runningReady(3), { restartCount: 3 }] });
  it.each<[string, V1Pod, PodRow]>([
    ['running: no row condition', two('test1', 'Running'), row('test1', '1/2', 'Running', '6')],
    [
      'succeeded',
      two('test1', 'Succeeded'),
      row('test1', '1/2', 'Succeeded', '6', { rowCondition: SUCCEEDED_ROW }),
    ],
    [
      'failed',
      two('test2', 'Failed'),
      row('test2', '1/2', 'Failed', '6', { rowCondition: FAILED_ROW }),
    ],
    ['pending', two('test2', 'Pending'), row('test2', '1/2', 'Pending', '6')],
    ['unknown phase', two('test3', 'Unknown'), row('test3', '1/2', 'Unknown', '6')],
  ])('%s', (_n, p, want) => {
    expect(printPod(p, NOW)).toEqual(want);
  });
});

describe('humanDuration (apimachinery duration_test.go) and translateTimestampSince', () => {
  it.each<[number, string]>([
    [S, '1s'],
    [70 * S, '70s'],
    [119 * S, '119s'],
    [120 * S, '2m'],
    [190 * S, '3m10s'],
    [302 * S, '5m2s'],
    [10 * M, '10m'],
    [70 * M, '70m'],
    [3 * H, '3h'],
    [3 * H + 5 * M, '3h5m'],
    [47 * H, '47h'],
    [49 * H, '2d1h'],
    [2 * D, '2d'],
    [(8 * 24 + 2) * H, '8d'],
    [367 * D, '367d'],
    [(365 * 2 * 24 + 25) * H, '2y1d'],
    [(365 * 8 * 24 + 2) * H, '8y'],
    [0, '0s'],
    [-1.9 * S, '0s'],
    [-2.1 * S, '<invalid>'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
  it('translateTimestampSince', () => {
    expect(translateTimestampSince(undefined, NOW)).toBe('<unknown>');
    expect(translateTimestampSince(ago(10 * 365 * D), NOW)).toBe('10y');
    expect(translateTimestampSince(new Date(NOW.getTime() + 2100).toISOString(), NOW)).toBe(
      '<invalid>',
    );
  });
});

describe('printPod — properties', () => {
  const statusArb = fc.record({
    ready: fc.boolean(),
    restartCount: fc.nat({ max: 50 }),
    state: fc.oneof(
      fc.constant({ running: {} }),
      fc.constant({}),
      fc.record({
        waiting: fc.record({ reason: fc.constantFrom('CrashLoopBackOff', 'ErrImagePull', '') }),
      }),
      fc.record({
        terminated: fc.record({
          exitCode: fc.integer({ min: 0, max: 255 }),
          reason: fc.constantFrom('', 'Error', 'Completed'),
        }),
      }),
    ),
  });
  it('never throws; READY denominator = containers + sidecars; numerator ≤ denominator', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 4 }),
        fc.array(fc.boolean(), { maxLength: 3 }),
        fc.array(statusArb, { maxLength: 4 }),
        fc.array(statusArb, { maxLength: 3 }),
        fc.constantFrom('Pending', 'Running', 'Succeeded', 'Failed'),
        fc.boolean(),
        (n, initKinds, statuses, initStatuses, phase, deleted) => {
          const init = initKinds.map((sc, i) => ({
            name: `i${i}`,
            ...(sc ? { restartPolicy: 'Always' } : {}),
          }));
          const p = {
            metadata: { name: 'x', ...(deleted ? { deletionTimestamp: ago(S) } : {}) },
            spec: {
              containers: Array.from({ length: n }, (_, i) => ({ name: `c${i}` })),
              initContainers: init,
            },
            status: {
              phase,
              containerStatuses: statuses.map((s, i) => ({ name: `c${i}`, ...s })),
              initContainerStatuses: initStatuses.map((s, i) => ({
                name: `i${i}`,
                started: true,
                ...s,
              })),
            },
          } as unknown as V1Pod;
          const r = printPod(p, NOW);
          const [num, den] = r.ready.split('/').map(Number) as [number, number];
          expect(den).toBe(n + initKinds.filter(Boolean).length);
          expect(num).toBeLessThanOrEqual(den + statuses.length);
          expect(typeof r.status).toBe('string');
          expect(r.rowCondition !== undefined).toBe(phase === 'Succeeded' || phase === 'Failed');
          if (deleted && (phase === 'Pending' || phase === 'Running'))
            expect(r.status).toBe('Terminating');
        },
      ),
    );
  });
});
