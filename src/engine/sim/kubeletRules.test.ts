/**
 * Issue 21's kubelet and API-server rules through `createSimulation`:
 * StartError, activeDeadlineSeconds, termination messages, requests defaulted
 * from limits, and the removal of a pod whose graceful deletion completed.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, describePod } from '../index.ts';
import { eventsOf, podYaml, sim } from './testkit.ts';

const status = (s: ReturnType<typeof sim>, name = 'app') =>
  [
    ...(s.pod().status?.initContainerStatuses ?? []),
    ...(s.pod().status?.containerStatuses ?? []),
  ].find((c) => c.name === name)!;

const RUNC = (what: string) =>
  `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${what}": executable file not found in $PATH: unknown`;

describe('an executable not in the image’s $PATH is a StartError', () => {
  it.each([
    // [policy, STATUS after 3 s, phase]
    ['Always', 'CrashLoopBackOff', 'Running'],
    ['OnFailure', 'CrashLoopBackOff', 'Running'],
    ['Never', 'StartError', 'Failed'],
  ])('restartPolicy %s → %s, phase %s', (policy, row, phase) => {
    const s = sim(`restartPolicy: ${policy}
containers:
- name: app
  image: busybox:1.36
  command: ["slepp", "3600"]`);
    s.advance(3_000);
    expect(s.printRows()[0]!.status).toBe(row);
    expect(s.pod().status?.phase).toBe(phase);
    const st = status(s);
    const t = st.state?.terminated ?? st.lastState?.terminated;
    expect(t).toMatchObject({
      exitCode: 128,
      reason: 'StartError',
      message: RUNC('slepp'),
      startedAt: '1970-01-01T00:00:00Z',
    });
    expect(eventsOf(s, 'Started')).toEqual([]);
    expect(eventsOf(s, 'Failed').map((e) => [e.type, e.message])).toContainEqual([
      'Warning',
      `Error: ${RUNC('slepp')}`,
    ]);
    expect(st.started).toBe(false);
  });

  it('between the failure and the next sync the waiting reason is RunContainerError', () => {
    const s = sim(`containers:
- name: app
  image: busybox:1.36
  command: ["slepp"]`);
    let seen: string | undefined;
    while ((s.nextEventAtMs() ?? Infinity) < 5_000 && !seen) {
      s.step();
      const w = status(s)?.state?.waiting;
      if (w?.reason === 'RunContainerError') seen = w.message;
    }
    expect(seen).toBe(RUNC('slepp'));
  });

  it.each([
    ['busybox:1.36', ['sh', '-c', 'slepp 1; echo rc=$?'], ['sh: slepp: not found', 'rc=127']],
    ['debian', ['sh', '-c', 'slepp 1; echo rc=$?'], ['sh: 1: slepp: not found', 'rc=127']],
    ['nginx:1.27', ['sh', '-c', 'ps; echo rc=$?'], ['sh: 1: ps: not found', 'rc=127']],
    [
      'busybox:1.36',
      ['sh', '-c', 'command -v sleep; command -v slepp; echo rc=$?'],
      ['/bin/sleep', 'rc=1'],
    ],
  ])('inside sh -c in %s, %j prints %j', (image, command, lines) => {
    const s = sim(`restartPolicy: Never
containers:
- name: app
  image: ${image}
  command: ${JSON.stringify(command)}`);
    s.advance(10_000);
    expect(s.logs('app')).toEqual(lines);
  });
});

describe('activeDeadlineSeconds (pkg/kubelet/active_deadline.go)', () => {
  it('past the deadline the pod is Failed with DeadlineExceeded and its containers are killed', () => {
    const s = sim(`activeDeadlineSeconds: 20
terminationGracePeriodSeconds: 5
containers:
- name: app
  image: busybox:1.36
  command: ['sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait']`);
    s.advance(19_000);
    expect(s.pod().status?.phase).toBe('Running');
    s.advance(2_000);
    const pod = s.pod();
    expect(pod.status).toMatchObject({
      phase: 'Failed',
      reason: 'DeadlineExceeded',
      message: 'Pod was active on the node longer than the specified deadline',
    });
    const ev = eventsOf(s, 'DeadlineExceeded');
    expect(ev.map((e) => [e.type, e.message])).toEqual([
      ['Normal', 'Pod was active on the node longer than the specified deadline'],
    ]);
    expect(eventsOf(s, 'Killing', 'app').map((e) => e.message)).toEqual(['Stopping container app']);
    s.advance(10_000);
    // Its TERM trap exits 0: kubectl's STATUS shows the container's reason (printPod).
    expect(status(s).state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(s.printRows()[0]!.status).toBe('Completed');
    expect(pod.status?.conditions?.some((c) => c.type === 'DisruptionTarget')).toBe(false);
    // Nothing restarts afterwards.
    s.advance(120_000);
    expect(status(s).restartCount).toBe(0);
  });

  it('a pod that finishes before its deadline is left alone', () => {
    const s = sim(`activeDeadlineSeconds: 30
restartPolicy: Never
containers:
- name: app
  image: busybox:1.36
  command: ['sh', '-c', 'sleep 2']`);
    s.advance(60_000);
    expect(s.pod().status?.phase).toBe('Succeeded');
    expect(eventsOf(s, 'DeadlineExceeded')).toEqual([]);
  });
});

describe('termination messages (Determine the Reason for Pod Failure)', () => {
  it.each([
    [
      'the docs’ termination-demo: /dev/termination-log',
      `command: ["/bin/sh"]
  args: ["-c", "sleep 10 && echo Sleep expired > /dev/termination-log"]`,
      'Sleep expired\n',
    ],
    [
      'a custom terminationMessagePath',
      `command: ["/bin/sh", "-c", "echo bye > /tmp/why; exit 1"]
  terminationMessagePath: /tmp/why`,
      'bye\n',
    ],
    [
      'FallbackToLogsOnError with an error exit: the log’s tail',
      `command: ["/bin/sh", "-c", "echo starting; echo boom >&2; exit 3"]
  terminationMessagePolicy: FallbackToLogsOnError`,
      'starting\nboom\n',
    ],
    [
      'FallbackToLogsOnError with exit 0: no message',
      `command: ["/bin/sh", "-c", "echo fine"]
  terminationMessagePolicy: FallbackToLogsOnError`,
      undefined,
    ],
    [
      'the default policy File: logs are not used',
      `command: ["/bin/sh", "-c", "echo boom; exit 3"]`,
      undefined,
    ],
  ])('%s', (_what, lines, message) => {
    const s = sim(`restartPolicy: Never
containers:
- name: app
  image: busybox:1.36
  ${lines}`);
    s.advance(30_000);
    const t = status(s).state?.terminated;
    expect(t).toBeDefined();
    expect(t?.message).toBe(message);
    const text = describePod(s.pod(), [], new Date(1_735_689_630_000));
    if (message)
      expect(text).toMatch(new RegExp(`\\n\\s+Message:\\s+${message.split('\n')[0]}\\n`));
  });
});

describe('requests defaulted from limits (SetDefaults_Pod)', () => {
  it.each([
    [{ limits: { memory: '100Mi' } }, { memory: '100Mi' }],
    [{ limits: { cpu: '500m', memory: '1Gi' } }, { cpu: '500m', memory: '1Gi' }],
    [
      { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '250m' } },
      { cpu: '250m', memory: '1Gi' },
    ],
    [{ requests: { cpu: '250m' } }, { cpu: '250m' }],
    [{}, undefined],
  ] as Array<[object, Record<string, string> | undefined]>)(
    '%j → requests %j',
    (resources, requests) => {
      const s = createSimulation({
        manifest: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'r' },
          spec: {
            initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['true'], resources }],
            containers: [{ name: 'app', image: 'nginx:1.27', resources }],
          },
        },
      });
      const spec = s.pod().spec!;
      expect(spec.containers[0]!.resources?.requests).toEqual(requests);
      expect(spec.initContainers![0]!.resources?.requests).toEqual(requests);
      if (requests?.memory) {
        const text = describePod(s.pod(), [], new Date(1_735_689_600_000));
        expect(text).toMatch(
          new RegExp(`Requests:\\n(?:.*\\n)*?\\s+memory:\\s+${requests.memory}`),
        );
      }
    },
  );
});

describe('a deleted pod leaves kubectl get pods', () => {
  it('listed while Terminating, gone once its graceful deletion completed', () => {
    const s = createSimulation({
      manifest: podYaml(`terminationGracePeriodSeconds: 5
containers:
- name: app
  image: busybox:1.36
  command: ['sleep', '3600']`),
    });
    s.advance(5_000);
    s.dispatch({ kind: 'delete-pod' });
    s.advance(1_000);
    expect(s.printRows().map((r) => r.status)).toEqual(['Terminating']);
    s.advance(10_000);
    expect(s.printRows()).toEqual([]);
    // The engine still answers for it (the view shows it as gone).
    expect(s.runtime().deleted).toBe(true);
  });
});

describe('an unknown tag of a known image fails to pull', () => {
  it.each([
    ['nginx:0.0.0-does-not-exist', 'docker.io/library/nginx:0.0.0-does-not-exist'],
    ['busybox:1.99', 'docker.io/library/busybox:1.99'],
    ['docker.io/library/redis:lates', 'docker.io/library/redis:lates'],
  ])(
    '%s: ErrImagePull (not found), then ImagePullBackOff; no Pulled, no Started',
    (image, full) => {
      const s = sim(`containers:
- name: app
  image: ${image}`);
      const seen = new Set<string>();
      while ((s.nextEventAtMs() ?? Infinity) < 30_000) {
        s.step();
        const r = status(s)?.state?.waiting?.reason;
        if (r) seen.add(r);
      }
      expect([...seen]).toEqual(['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff']);
      s.advanceTo(30_000);
      expect(status(s).state?.waiting?.reason).toBe('ImagePullBackOff');
      expect(s.printRows()[0]!.status).toBe('ImagePullBackOff');
      const failed = eventsOf(s, 'Failed', 'app').map((e) => e.message);
      expect(failed[0]).toBe(
        `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`,
      );
      expect(failed[1]).toBe('Error: ErrImagePull');
      expect(failed).toContain('Error: ImagePullBackOff');
      expect(eventsOf(s, 'Pulled')).toEqual([]);
      expect(eventsOf(s, 'Started')).toEqual([]);
    },
  );

  it('a tag the catalogue knows pulls; an image outside it is assumed to exist', () => {
    for (const image of ['nginx:1.14.2', 'ghcr.io/acme/api:0.0.0-anything']) {
      const s = sim(`containers:
- name: app
  image: ${image}`);
      s.advance(30_000);
      expect(eventsOf(s, 'Pulled').length, image).toBe(1);
    }
  });
});
