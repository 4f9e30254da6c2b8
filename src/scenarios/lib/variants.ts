/**
 * Builders for scenario families that differ only in one policy, so each member stays a
 * one-line file and the family stays comparable side by side.
 */
import {
  ensure,
  eventsOf,
  firstStarted,
  lastExit,
  restarts,
  statusOf,
  terminated,
  waitingReason,
} from '../check.ts';
import type { Scenario } from '../types.ts';

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';
export type PullPolicy = 'IfNotPresent' | 'Always' | 'Never';

const lower = (p: string) => p.toLowerCase();

/** An init container fails (exit 1) twice under a given pod restartPolicy. */
export function initFailure(policy: RestartPolicy): Scenario {
  const id = `init-failure-${lower(policy)}` as const;
  return {
    id,
    titleKey: `scenario.${id}.title`,
    pointKey: `scenario.${id}.point`,
    run: {
      manifest: `apiVersion: v1
kind: Pod
metadata:
  name: init-fails
spec:
  restartPolicy: ${policy}
  initContainers:
    - name: migrate
      image: busybox:1.36
      command: ["sh", "-c", "echo migrating the schema; sleep 3600"]
  containers:
    - name: app
      image: nginx:1.27
`,
      seed: 1,
      actions: [
        { atMs: 5_000, action: { kind: 'crash', container: 'migrate', exitCode: 1 } },
        { atMs: 10_000, action: { kind: 'crash', container: 'migrate', exitCode: 1 } },
      ],
    },
    durationMs: 15_000,
    outcome:
      policy === 'Never'
        ? 'the failed init container is not restarted, the app never starts and the pod is Failed'
        : 'the init container is restarted with back-off (Init:CrashLoopBackOff) and the app waits, Pending',
    expect: (sim) => {
      const pod = sim.pod('init-fails');
      ensure(firstStarted(sim, 'app') === undefined, 'the app container started');
      if (policy === 'Never') {
        ensure(pod.status?.phase === 'Failed', `phase is ${pod.status?.phase}`);
        ensure(restarts(pod, 'migrate') === 0, 'migrate was restarted under Never');
        ensure(terminated(pod, 'migrate')?.exitCode === 1, 'migrate should end with exit code 1');
      } else {
        ensure(pod.status?.phase === 'Pending', `phase is ${pod.status?.phase}`);
        ensure(restarts(pod, 'migrate') >= 1, 'migrate was not restarted');
        ensure(
          waitingReason(pod, 'migrate') === 'CrashLoopBackOff',
          `migrate waits with ${waitingReason(pod, 'migrate')}`,
        );
      }
    },
    tags: ['init', 'restart-policy'],
    requires: ['kubelet'],
  };
}

/** Two containers stop, one with exit 0 and one with exit 1, under a given restartPolicy. */
export function restartPolicyScenario(policy: RestartPolicy): Scenario {
  const id = `restart-policy-${lower(policy)}` as const;
  return {
    id,
    titleKey: `scenario.${id}.title`,
    pointKey: `scenario.${id}.point`,
    run: {
      manifest: `apiVersion: v1
kind: Pod
metadata:
  name: restart-demo
spec:
  restartPolicy: ${policy}
  containers:
    - name: finisher
      image: busybox:1.36
      command: ["sh", "-c", "echo doing the job; sleep 3600"]
    - name: failer
      image: busybox:1.36
      command: ["sh", "-c", "echo doing the job; sleep 3600"]
`,
      seed: 1,
      actions: [
        { atMs: 10_000, action: { kind: 'crash', container: 'finisher', exitCode: 0 } },
        { atMs: 10_000, action: { kind: 'crash', container: 'failer', exitCode: 1 } },
      ],
    },
    durationMs: 20_000,
    outcome: {
      Always: 'both containers are restarted, the one that exited 0 too; the pod stays Running',
      OnFailure:
        'only the container that exited 1 is restarted; the one that exited 0 stays Completed',
      Never: 'neither container is restarted and the pod ends Failed (one exit code was 1)',
    }[policy],
    expect: (sim) => {
      const pod = sim.pod('restart-demo');
      const fin = restarts(pod, 'finisher');
      const fail = restarts(pod, 'failer');
      if (policy === 'Always') {
        ensure(fin === 1 && fail === 1, `restarts: finisher ${fin}, failer ${fail}`);
        ensure(pod.status?.phase === 'Running', `phase is ${pod.status?.phase}`);
      } else if (policy === 'OnFailure') {
        ensure(fin === 0 && fail === 1, `restarts: finisher ${fin}, failer ${fail}`);
        ensure(terminated(pod, 'finisher')?.reason === 'Completed', 'finisher is not Completed');
        ensure(pod.status?.phase === 'Running', `phase is ${pod.status?.phase}`);
      } else {
        ensure(fin === 0 && fail === 0, `restarts: finisher ${fin}, failer ${fail}`);
        ensure(terminated(pod, 'failer')?.exitCode === 1, 'failer should end with exit code 1');
        ensure(pod.status?.phase === 'Failed', `phase is ${pod.status?.phase}`);
      }
    },
    tags: ['restart-policy'],
    requires: ['kubelet'],
  };
}

/** One container under an explicit imagePullPolicy, restarted once. */
export function pullPolicyScenario(policy: PullPolicy): Scenario {
  const id = `image-pull-${lower(policy)}` as const;
  const never = policy === 'Never';
  return {
    id,
    titleKey: `scenario.${id}.title`,
    pointKey: `scenario.${id}.point`,
    run: {
      manifest: `apiVersion: v1
kind: Pod
metadata:
  name: pull-demo
spec:
  containers:
    - name: web
      image: ${never ? 'registry.example.com/team/web:2.1' : 'nginx:1.27'}
      imagePullPolicy: ${policy}
`,
      seed: 1,
      actions: never ? [] : [{ atMs: 20_000, action: { kind: 'crash', container: 'web' } }],
    },
    durationMs: 30_000,
    outcome: {
      IfNotPresent:
        'the image is pulled once; the restart finds it already present and does not pull',
      Always: 'the image is pulled again for the restart',
      Never: 'the image is not on the node and never pulled: ErrImageNeverPull',
    }[policy],
    expect: (sim) => {
      const pod = sim.pod('pull-demo');
      const pulls = eventsOf(sim, 'Pulling', 'web').length;
      if (policy === 'Never') {
        ensure(pulls === 0, `${pulls} pulls under Never`);
        ensure(
          waitingReason(pod, 'web') === 'ErrImageNeverPull',
          `web waits with ${waitingReason(pod, 'web')}`,
        );
        return;
      }
      ensure(restarts(pod, 'web') === 1, `web restarts: ${restarts(pod, 'web')}`);
      ensure(lastExit(pod, 'web') !== undefined, 'web has no previous termination');
      if (policy === 'IfNotPresent') {
        ensure(pulls === 1, `${pulls} pulls under IfNotPresent`);
        ensure(
          eventsOf(sim, 'Pulled', 'web').some((e) => /already present/.test(e.message)),
          'no "already present on machine" event',
        );
      } else {
        ensure(pulls === 2, `${pulls} pulls under Always`);
      }
      ensure(statusOf(pod, 'web').state?.running !== undefined, 'web is not running again');
    },
    tags: ['image-pull'],
    requires: ['kubelet'],
  };
}
