import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPhase } from './phase.ts';
import type { KContainer, PodPhase } from './runtimeView.ts';
import {
  emptyState,
  failed,
  makePod,
  running,
  sidecar,
  started,
  stopped,
  succeeded,
  waiting,
  waitingAfter,
  type PodShape,
} from './testHelpers.ts';

type Case = [
  name: string,
  pod: PodShape,
  expected: PodPhase,
  opts?: { terminal?: boolean; initialized?: boolean },
];

function run(cases: Case[]): void {
  it.each(cases)('%s', (_n, shape, expected, opts) => {
    expect(
      getPhase(makePod(shape), {
        podIsTerminal: opts?.terminal ?? false,
        podHasInitialized: opts?.initialized ?? false,
      }),
    ).toBe(expected);
  });
}

const AB = ['containerA', 'containerB'];

describe('getPhase — restartPolicy Always (kubelet_pods_test.go TestPodPhaseWithRestartAlways)', () => {
  const base = { containers: AB, restartPolicy: 'Always' };
  run([
    ['no statuses: waiting', { ...base, statuses: [] }, 'Pending'],
    [
      'all running',
      { ...base, statuses: [running('containerA'), running('containerB')] },
      'Running',
    ],
    [
      'all stopped, restart Always → Running (restarting)',
      { ...base, statuses: [stopped('containerA'), stopped('containerB')] },
      'Running',
    ],
    [
      'all succeeded but the pod is terminal → Succeeded (trap 8)',
      { ...base, statuses: [succeeded('containerA'), succeeded('containerB')] },
      'Succeeded',
      { terminal: true },
    ],
    [
      'killed by SIGTERM after deletion → Failed (trap 8)',
      { ...base, statuses: [failed('containerA', 143), succeeded('containerB')] },
      'Failed',
      { terminal: true },
    ],
    [
      'mixed running and stopped → Running',
      { ...base, statuses: [running('containerA'), stopped('containerB')] },
      'Running',
    ],
    ['one status missing → Pending', { ...base, statuses: [running('containerA')] }, 'Pending'],
    [
      'crash loop (waiting with last termination) → Running',
      { ...base, statuses: [running('containerA'), waitingAfter('containerB', 1)] },
      'Running',
    ],
    [
      'a container waiting for the first time → Pending',
      { ...base, statuses: [running('containerA'), waiting('containerB')] },
      'Pending',
    ],
    [
      'a container with an empty state counts as unknown → Pending',
      { ...base, statuses: [running('containerA'), emptyState('containerB')] },
      'Pending',
    ],
  ]);
  it('a static pod that is terminal keeps the restart-policy answer (Running under Always)', () => {
    const pod = makePod({
      ...base,
      statuses: [failed('containerA', 143), succeeded('containerB')],
    });
    pod.metadata = { name: 'p', annotations: { 'kubernetes.io/config.source': 'file' } };
    expect(getPhase(pod, { podIsTerminal: true, podHasInitialized: true })).toBe('Running');
    pod.metadata.annotations = { 'kubernetes.io/config.source': 'api' };
    expect(getPhase(pod, { podIsTerminal: true, podHasInitialized: true })).toBe('Failed');
  });
});

describe('getPhase — init containers under Always (trap 5)', () => {
  const base = { init: ['containerX'], containers: AB, restartPolicy: 'Always' };
  run([
    ['empty, waiting', { ...base }, 'Pending'],
    ['init running', { ...base, initStatuses: [running('containerX')] }, 'Pending'],
    [
      'init terminated non-zero → still Pending',
      { ...base, initStatuses: [failed('containerX')] },
      'Pending',
    ],
    [
      'init waiting after exit 0',
      { ...base, initStatuses: [waitingAfter('containerX', 0)] },
      'Pending',
    ],
    [
      'init waiting after exit 1',
      { ...base, initStatuses: [waitingAfter('containerX', 1)] },
      'Pending',
    ],
    ['init waiting, never run', { ...base, initStatuses: [waiting('containerX')] }, 'Pending'],
    [
      'init succeeded, regular containers running',
      {
        ...base,
        initStatuses: [succeeded('containerX')],
        statuses: [running('containerA'), running('containerB')],
      },
      'Running',
    ],
  ]);
});

describe('getPhase — restartPolicy Never', () => {
  const base = { containers: AB, restartPolicy: 'Never' };
  run([
    ['waiting', { ...base, statuses: [] }, 'Pending'],
    [
      'all running',
      { ...base, statuses: [running('containerA'), running('containerB')] },
      'Running',
    ],
    [
      'all succeeded',
      { ...base, statuses: [succeeded('containerA'), succeeded('containerB')] },
      'Succeeded',
    ],
    ['all failed', { ...base, statuses: [failed('containerA'), failed('containerB')] }, 'Failed'],
    [
      'mixed #1',
      { ...base, statuses: [running('containerA'), succeeded('containerB')] },
      'Running',
    ],
    ['mixed #2', { ...base, statuses: [running('containerA')] }, 'Pending'],
    ['mixed #3', { ...base, statuses: [running('containerA'), waiting('containerB')] }, 'Pending'],
    [
      'one failed, one succeeded',
      { ...base, statuses: [failed('containerA', 1), succeeded('containerB')] },
      'Failed',
    ],
  ]);
});

describe('getPhase — init containers under Never', () => {
  const base = { init: ['containerX'], containers: AB, restartPolicy: 'Never' };
  run([
    ['empty, waiting', { ...base }, 'Pending'],
    ['init running', { ...base, initStatuses: [running('containerX')] }, 'Pending'],
    [
      'init terminated non-zero → Failed',
      { ...base, initStatuses: [failed('containerX')] },
      'Failed',
    ],
    [
      'init waiting, terminated zero',
      { ...base, initStatuses: [waitingAfter('containerX', 0)] },
      'Pending',
    ],
    [
      'init waiting, terminated non-zero → Failed',
      { ...base, initStatuses: [waitingAfter('containerX', -1)] },
      'Failed',
    ],
    ['init waiting, not terminated', { ...base, initStatuses: [waiting('containerX')] }, 'Pending'],
    [
      'init succeeded',
      {
        ...base,
        initStatuses: [succeeded('containerX')],
        statuses: [running('containerA'), running('containerB')],
      },
      'Running',
    ],
  ]);
});

describe('getPhase — restartPolicy OnFailure', () => {
  const base = { containers: AB, restartPolicy: 'OnFailure' };
  run([
    ['waiting', { ...base, statuses: [] }, 'Pending'],
    [
      'all running',
      { ...base, statuses: [running('containerA'), running('containerB')] },
      'Running',
    ],
    [
      'all succeeded',
      { ...base, statuses: [succeeded('containerA'), succeeded('containerB')] },
      'Succeeded',
    ],
    [
      'all failed → Running (restarting)',
      { ...base, statuses: [failed('containerA'), failed('containerB')] },
      'Running',
    ],
    [
      'mixed #1',
      { ...base, statuses: [running('containerA'), succeeded('containerB')] },
      'Running',
    ],
    ['mixed #2', { ...base, statuses: [running('containerA')] }, 'Pending'],
    ['mixed #3', { ...base, statuses: [running('containerA'), waiting('containerB')] }, 'Pending'],
    [
      'all failed but terminal → Failed',
      { ...base, statuses: [failed('containerA'), failed('containerB')] },
      'Failed',
      { terminal: true },
    ],
  ]);
});

describe('getPhase — sidecars (trap 11)', () => {
  const always = { init: [sidecar('containerX')], containers: AB, restartPolicy: 'Always' };
  const never = { init: [sidecar('containerX')], containers: AB, restartPolicy: 'Never' };
  run([
    ['Always: empty', { ...always }, 'Pending'],
    [
      'Always: sidecar running, not started',
      { ...always, initStatuses: [running('containerX')] },
      'Pending',
    ],
    ['Always: sidecar stopped', { ...always, initStatuses: [stopped('containerX')] }, 'Pending'],
    [
      'Always: sidecar waiting after exit 0',
      { ...always, initStatuses: [waitingAfter('containerX', 0)] },
      'Pending',
    ],
    [
      'Always: sidecar waiting after exit 1',
      { ...always, initStatuses: [waitingAfter('containerX', -1)] },
      'Pending',
    ],
    [
      'Always: sidecar waiting, never run',
      { ...always, initStatuses: [waiting('containerX')] },
      'Pending',
    ],
    [
      'Always: sidecar started, one regular running, one unknown',
      { ...always, initStatuses: [started('containerX')], statuses: [running('containerA')] },
      'Pending',
    ],
    [
      'Always: sidecar started, all regular running',
      {
        ...always,
        initStatuses: [started('containerX')],
        statuses: [running('containerA'), running('containerB')],
      },
      'Running',
    ],
    [
      'Always: sidecar running but not started, pod initialized → Running',
      {
        ...always,
        initStatuses: [running('containerX')],
        statuses: [running('containerA'), running('containerB')],
      },
      'Running',
      { initialized: true },
    ],
    [
      'Always: sidecar running but not started, pod not initialized → Pending',
      {
        ...always,
        initStatuses: [running('containerX')],
        statuses: [running('containerA'), running('containerB')],
      },
      'Pending',
    ],
    [
      'Always: sidecar stopped, all regular running',
      {
        ...always,
        initStatuses: [stopped('containerX')],
        statuses: [running('containerA'), running('containerB')],
      },
      'Running',
      { initialized: true },
    ],
    [
      'Always: sidecar in back-off, all regular running',
      {
        ...always,
        initStatuses: [waitingAfter('containerX')],
        statuses: [running('containerA'), running('containerB')],
      },
      'Running',
      { initialized: true },
    ],
    [
      'Always: regular containers succeeded, sidecar failed, terminal → Succeeded',
      {
        ...always,
        initStatuses: [failed('containerX')],
        statuses: [succeeded('containerA'), succeeded('containerB')],
      },
      'Succeeded',
      { terminal: true, initialized: true },
    ],
    ['Never: empty', { ...never }, 'Pending'],
    ['Never: sidecar running', { ...never, initStatuses: [running('containerX')] }, 'Pending'],
    ['Never: sidecar stopped', { ...never, initStatuses: [stopped('containerX')] }, 'Pending'],
    [
      'Never: sidecar started, one main container running',
      { ...never, initStatuses: [started('containerX')], statuses: [running('containerA')] },
      'Pending',
      { initialized: true },
    ],
    [
      'Never: sidecar started, main containers succeeded → Running until the sidecar is killed',
      {
        ...never,
        initStatuses: [started('containerX')],
        statuses: [succeeded('containerA'), succeeded('containerB')],
      },
      'Running',
      { initialized: true },
    ],
    [
      'Never: everything succeeded',
      {
        ...never,
        initStatuses: [succeeded('containerX')],
        statuses: [succeeded('containerA'), succeeded('containerB')],
      },
      'Succeeded',
      { initialized: true },
    ],
    [
      'Never: sidecar failed, main containers succeeded → Succeeded',
      {
        ...never,
        initStatuses: [failed('containerX')],
        statuses: [succeeded('containerA'), succeeded('containerB')],
      },
      'Succeeded',
      { initialized: true },
    ],
    [
      'Never: sidecar in back-off, main containers succeeded → Succeeded',
      {
        ...never,
        initStatuses: [waitingAfter('containerX')],
        statuses: [succeeded('containerA'), succeeded('containerB')],
      },
      'Succeeded',
      { initialized: true },
    ],
    [
      'Never: sidecar running, one main failed → Running',
      {
        ...never,
        initStatuses: [started('containerX')],
        statuses: [failed('containerA', 1), succeeded('containerB')],
      },
      'Running',
      { initialized: true },
    ],
  ]);
});

describe('getPhase — regular init + sidecar after the pod has run', () => {
  const base = {
    init: ['containerX', sidecar('containerY')],
    containers: ['containerA'],
    restartPolicy: 'Always',
  };
  run([
    [
      'regular init running (re-initialising) → Pending',
      {
        ...base,
        initStatuses: [running('containerX'), running('containerY')],
        statuses: [running('containerA')],
      },
      'Pending',
      { initialized: true },
    ],
    [
      'regular init succeeded, sidecar running, main stopped → Running',
      {
        ...base,
        initStatuses: [succeeded('containerX'), running('containerY')],
        statuses: [stopped('containerA')],
      },
      'Running',
      { initialized: true },
    ],
    [
      'regular init succeeded, sidecar and main running → Running',
      {
        ...base,
        initStatuses: [succeeded('containerX'), running('containerY')],
        statuses: [running('containerA')],
      },
      'Running',
      { initialized: true },
    ],
  ]);
});

describe('getPhase — container-level restartPolicy (ContainerRestartRules)', () => {
  const c = (name: string, restartPolicy?: string, extra: Partial<KContainer> = {}): KContainer =>
    ({ name, ...(restartPolicy ? { restartPolicy } : {}), ...extra }) as KContainer;
  run([
    [
      'All containers succeeded (container Never + OnFailure under pod Always)',
      {
        containers: [c('containerA', 'Never'), c('containerB', 'OnFailure')],
        restartPolicy: 'Always',
        statuses: [succeeded('containerA'), succeeded('containerB')],
      },
      'Succeeded',
      { initialized: true },
    ],
    [
      'container Never failed, pod Always → Failed',
      {
        containers: [c('containerA', 'Never'), c('containerB', 'Never')],
        restartPolicy: 'Always',
        statuses: [failed('containerA', 1), succeeded('containerB')],
      },
      'Failed',
      { initialized: true },
    ],
    [
      'container Always under pod Never keeps restarting → Running',
      {
        containers: [c('containerA', 'Always'), c('containerB')],
        restartPolicy: 'Never',
        statuses: [succeeded('containerA'), succeeded('containerB')],
      },
      'Running',
      { initialized: true },
    ],
    [
      'container OnFailure failed under pod Never → Running',
      {
        containers: [c('containerA', 'OnFailure'), c('containerB')],
        restartPolicy: 'Never',
        statuses: [waitingAfter('containerA', 2), succeeded('containerB')],
      },
      'Running',
      { initialized: true },
    ],
    [
      'restart rule: exit 42 is restarted despite container Never',
      {
        containers: [
          c('containerA', 'Never', {
            restartPolicyRules: [
              { action: 'Restart', exitCodes: { operator: 'In', values: [42] } },
            ],
          }),
        ],
        restartPolicy: 'Never',
        statuses: [failed('containerA', 42)],
      },
      'Running',
      { initialized: true },
    ],
    [
      'restart rule: other exit codes are not',
      {
        containers: [
          c('containerA', 'Never', {
            restartPolicyRules: [
              { action: 'Restart', exitCodes: { operator: 'In', values: [42] } },
            ],
          }),
        ],
        restartPolicy: 'Never',
        statuses: [failed('containerA', 1)],
      },
      'Failed',
      { initialized: true },
    ],
    [
      'restart rule NotIn',
      {
        containers: [
          c('containerA', 'Never', {
            restartPolicyRules: [
              { action: 'Restart', exitCodes: { operator: 'NotIn', values: [0] } },
            ],
          }),
        ],
        restartPolicy: 'Never',
        statuses: [failed('containerA', 3)],
      },
      'Running',
      { initialized: true },
    ],
    [
      'init container with container-level Never under pod Always fails the pod',
      {
        init: [c('containerX', 'Never')],
        containers: ['containerA'],
        restartPolicy: 'Always',
        initStatuses: [failed('containerX', 1)],
      },
      'Failed',
    ],
  ]);
});

describe('getPhase — properties', () => {
  const stateArb = fc.constantFrom(
    'running',
    'succeeded',
    'failed',
    'waiting',
    'waitingAfter',
    'missing',
  );
  const policyArb = fc.constantFrom('Always', 'OnFailure', 'Never');

  it('is Succeeded or Failed when terminal and every regular container has stopped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
        policyArb,
        (oks, policy) => {
          const names = oks.map((_, i) => `c${i}`);
          const statuses = oks.map((ok, i) => (ok ? succeeded(names[i]!) : failed(names[i]!, 1)));
          const phase = getPhase(makePod({ containers: names, restartPolicy: policy, statuses }), {
            podIsTerminal: true,
            podHasInitialized: true,
          });
          expect(phase).toBe(oks.every(Boolean) ? 'Succeeded' : 'Failed');
        },
      ),
    );
  });

  it('always returns one of the four phases and never throws', () => {
    fc.assert(
      fc.property(
        fc.array(stateArb, { minLength: 1, maxLength: 4 }),
        policyArb,
        fc.boolean(),
        fc.boolean(),
        (states, policy, terminal, initialized) => {
          const names = states.map((_, i) => `c${i}`);
          const statuses = states.flatMap((s, i) => {
            const n = names[i]!;
            switch (s) {
              case 'running':
                return [running(n)];
              case 'succeeded':
                return [succeeded(n)];
              case 'failed':
                return [failed(n, 1)];
              case 'waiting':
                return [waiting(n)];
              case 'waitingAfter':
                return [waitingAfter(n, 1)];
              default:
                return [];
            }
          });
          const phase = getPhase(makePod({ containers: names, restartPolicy: policy, statuses }), {
            podIsTerminal: terminal,
            podHasInitialized: initialized,
          });
          expect(['Pending', 'Running', 'Succeeded', 'Failed']).toContain(phase);
          if (states.includes('missing') || states.includes('waiting')) {
            expect(phase).toBe('Pending');
          }
        },
      ),
    );
  });
});
