/**
 * Guided lessons, one per section of the article: what a pod is; the pause container and its
 * namespaces; the kinds of containers; image pull policy; restart policy; bare versus
 * controlled pods. Texts live in the i18n catalogues under `lesson.<lesson>.<step>.*`.
 */
import type { Lesson } from './types.ts';

export type { Lesson, LessonAction, LessonCheck, LessonStep, PodPhase } from './types.ts';
export { reached, unmet } from './evaluate.ts';
export type { RowLike } from './evaluate.ts';

export const lessons: Lesson[] = [
  {
    id: 'pod',
    steps: [
      {
        id: 'one',
        scenario: 'one-container',
        choices: 3,
        answer: 1,
        action: { kind: 'dispatch', actions: [{ kind: 'crash', container: 'nginx' }] },
        actionWhen: { container: 'nginx', running: true },
        check: [{ phase: 'Running', container: 'nginx', running: true, restartsAtLeast: 1 }],
        speed: 4,
        actAtMs: 15_000,
        reachedByMs: 30_000,
      },
      {
        id: 'volume',
        scenario: 'sidecar-shared-volume',
        choices: 3,
        answer: 0,
        action: { kind: 'dispatch', actions: [{ kind: 'crash', container: 'writer' }] },
        actionWhen: { container: 'writer', running: true },
        check: [
          { container: 'writer', running: true, restartsAtLeast: 1 },
          { container: 'reader', running: true, restartsAtMost: 0 },
        ],
        speed: 4,
        actAtMs: 15_000,
        reachedByMs: 30_000,
      },
    ],
  },
  {
    id: 'pause',
    steps: [
      {
        id: 'hostname',
        scenario: 'shared-hostname',
        choices: 3,
        answer: 0,
        action: { kind: 'dispatch', actions: [{ kind: 'kill-sandbox' }] },
        actionWhen: { container: 'second', running: true },
        check: [
          { container: 'first', running: true, restartsAtLeast: 1 },
          { container: 'second', running: true, restartsAtLeast: 1 },
        ],
        // The shells ignore SIGTERM as PID 1: the teardown waits out the 30 s grace period.
        speed: 10,
        actAtMs: 10_000,
        reachedByMs: 55_000,
      },
      {
        id: 'localhost',
        scenario: 'localhost',
        choices: 3,
        answer: 0,
        action: { kind: 'dispatch', actions: [{ kind: 'crash', container: 'web' }] },
        actionWhen: { container: 'web', running: true },
        check: [
          { container: 'web', running: true, restartsAtLeast: 1 },
          { container: 'client', running: true, restartsAtMost: 0 },
        ],
        speed: 4,
        actAtMs: 15_000,
        reachedByMs: 30_000,
      },
      {
        id: 'sandbox',
        scenario: 'sandbox-restart',
        choices: 3,
        answer: 0,
        action: { kind: 'dispatch', actions: [{ kind: 'kill-sandbox' }] },
        actionWhen: { container: 'web', running: true },
        check: [{ phase: 'Running', container: 'web', running: true, restartsAtLeast: 1 }],
        speed: 4,
        actAtMs: 15_000,
        reachedByMs: 45_000,
      },
    ],
  },
  {
    id: 'containers',
    steps: [
      {
        id: 'init',
        scenario: 'init-containers-order',
        choices: 3,
        answer: 2,
        action: {
          kind: 'dispatch',
          actions: [
            { kind: 'create-service', name: 'myservice' },
            { kind: 'create-service', name: 'mydb' },
          ],
        },
        actionWhen: { container: 'init-myservice', running: true },
        check: [{ phase: 'Running', container: 'myapp-container', running: true }],
        speed: 4,
        actAtMs: 10_000,
        reachedByMs: 40_000,
      },
      {
        id: 'init-never',
        scenario: 'init-failure-never',
        choices: 3,
        answer: 1,
        action: {
          kind: 'dispatch',
          actions: [{ kind: 'crash', container: 'migrate', exitCode: 1 }],
        },
        actionWhen: { container: 'migrate', running: true },
        check: [
          { phase: 'Failed', statusIn: ['Init:Error'] },
          { container: 'migrate', exitCode: 1, restartsAtMost: 0 },
        ],
        speed: 4,
        actAtMs: 5_000,
        reachedByMs: 15_000,
      },
      {
        id: 'sidecar',
        scenario: 'native-sidecar',
        choices: 3,
        answer: 0,
        action: {
          kind: 'dispatch',
          actions: [{ kind: 'crash', container: 'log-shipper', exitCode: 1 }],
        },
        actionWhen: { container: 'app', running: true },
        check: [
          { container: 'log-shipper', running: true, restartsAtLeast: 1 },
          { container: 'app', running: true },
        ],
        speed: 4,
        actAtMs: 15_000,
        reachedByMs: 30_000,
      },
    ],
  },
  {
    id: 'images',
    steps: [
      {
        id: 'ifnotpresent',
        scenario: 'image-pull-ifnotpresent',
        choices: 2,
        answer: 1,
        action: { kind: 'dispatch', actions: [{ kind: 'crash', container: 'web' }] },
        actionWhen: { container: 'web', running: true },
        check: [{ container: 'web', running: true, restartsAtLeast: 1 }],
        speed: 4,
        actAtMs: 15_000,
        reachedByMs: 30_000,
      },
      {
        id: 'latest',
        scenario: 'image-pull-latest',
        choices: 3,
        answer: 0,
        action: {
          kind: 'dispatch',
          actions: [
            { kind: 'image-pull-error', image: 'nginx:latest' },
            { kind: 'crash', container: 'latest-tag' },
          ],
        },
        actionWhen: { container: 'latest-tag', running: true },
        check: [{ container: 'latest-tag', waitingReasonIn: ['ErrImagePull', 'ImagePullBackOff'] }],
        speed: 4,
        actAtMs: 15_000,
        reachedByMs: 25_000,
      },
      {
        id: 'never',
        scenario: 'image-pull-never',
        choices: 3,
        answer: 2,
        check: [
          { statusIn: ['ErrImageNeverPull'] },
          { container: 'web', waitingReasonIn: ['ErrImageNeverPull'] },
        ],
        speed: 4,
        reachedByMs: 10_000,
      },
    ],
  },
  {
    id: 'restart',
    steps: [
      {
        id: 'always',
        scenario: 'restart-policy-always',
        choices: 2,
        answer: 0,
        action: {
          kind: 'dispatch',
          actions: [{ kind: 'crash', container: 'finisher', exitCode: 0 }],
        },
        actionWhen: { container: 'finisher', running: true },
        check: [{ container: 'finisher', running: true, restartsAtLeast: 1 }],
        speed: 4,
        actAtMs: 10_000,
        reachedByMs: 25_000,
      },
      {
        id: 'onfailure',
        scenario: 'restart-policy-onfailure',
        choices: 3,
        answer: 1,
        action: {
          kind: 'dispatch',
          actions: [
            { kind: 'crash', container: 'finisher', exitCode: 0 },
            { kind: 'crash', container: 'failer', exitCode: 1 },
          ],
        },
        actionWhen: { container: 'failer', running: true },
        check: [
          { container: 'finisher', terminatedReason: 'Completed', restartsAtMost: 0 },
          { container: 'failer', running: true, restartsAtLeast: 1 },
        ],
        speed: 4,
        actAtMs: 10_000,
        reachedByMs: 25_000,
      },
      {
        id: 'never',
        scenario: 'restart-policy-onfailure',
        scripted: true,
        choices: 3,
        answer: 2,
        action: { kind: 'variant', scenario: 'restart-policy-never' },
        check: [
          { phase: 'Failed' },
          { container: 'failer', terminatedReason: 'Error', exitCode: 1, restartsAtMost: 0 },
          { container: 'finisher', terminatedReason: 'Completed', restartsAtMost: 0 },
        ],
        speed: 4,
        reachedByMs: 25_000,
      },
      {
        id: 'backoff',
        scenario: 'crash-loop-backoff',
        scripted: true,
        choices: 3,
        answer: 1,
        check: [
          { statusIn: ['CrashLoopBackOff'] },
          { container: 'app', waitingReasonIn: ['CrashLoopBackOff'], restartsAtLeast: 2 },
        ],
        speed: 4,
        reachedByMs: 55_000,
      },
    ],
  },
  {
    id: 'controllers',
    steps: [
      {
        id: 'bare',
        scenario: 'bare-pod-node-failure',
        choices: 3,
        answer: 2,
        action: { kind: 'dispatch', actions: [{ kind: 'node-failure' }] },
        actionWhen: { container: 'web', running: true },
        check: [{ podDeleted: true }],
        speed: 100,
        actAtMs: 10_000,
        reachedByMs: 420_000,
      },
      {
        id: 'replicaset',
        scenario: 'replicaset-node-failure',
        choices: 3,
        answer: 0,
        action: { kind: 'dispatch', actions: [{ kind: 'node-failure', node: 'node-1' }] },
        actionWhen: { runningPodsAtLeast: 2 },
        check: [{ runningPodsAtLeast: 2, podsAtLeast: 3 }],
        speed: 100,
        actAtMs: 10_000,
        reachedByMs: 420_000,
      },
    ],
  },
];

export function getLesson(id: string): Lesson | undefined {
  return lessons.find((l) => l.id === id);
}
