/**
 * Memory limits bite: a container whose processes use more than
 * `resources.limits.memory` is OOM-killed (reason OOMKilled, exit 137), and
 * restarted per its policy (CrashLoopBackOff under Always).
 */
import { describe, expect, it } from 'vitest';
import { oomAt, processMemory } from '../behaviour/memory.ts';
import { createSimulation } from '../index.ts';
import { eventsOf, podYaml } from './testkit.ts';

const MI = 1024 * 1024;

const demo = (name: string, request: string, limit: string, vmBytes: string, policy = 'Always') =>
  podYaml(
    `restartPolicy: ${policy}
containers:
- name: ${name}-ctr
  image: polinux/stress
  resources:
    requests:
      memory: "${request}"
    limits:
      memory: "${limit}"
  command: ["stress"]
  args: ["--vm", "1", "--vm-bytes", "${vmBytes}", "--vm-hang", "1"]`,
    name,
  );

describe('memory limits (Assign Memory Resources to Containers and Pods)', () => {
  it('memory-demo: 150M within a 200Mi limit keeps running', () => {
    const s = createSimulation({ manifest: demo('memory-demo', '100Mi', '200Mi', '150M') });
    s.advance(60_000);
    expect(s.printRows()[0]).toMatchObject({ ready: '1/1', status: 'Running', restarts: '0' });
    expect(s.logs('memory-demo-ctr')).toEqual([
      'stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd',
    ]);
  });

  it('memory-demo-2: 250M against a 100Mi limit is OOMKilled (137), then CrashLoopBackOff', () => {
    const s = createSimulation({ manifest: demo('memory-demo-2', '50Mi', '100Mi', '250M') });
    s.advance(10_000);
    const st = s.pod().status!.containerStatuses![0]!;
    const last = st.state?.terminated ?? st.lastState?.terminated;
    expect(last).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    s.advance(50_000);
    const row = s.printRows()[0]!;
    expect(row.status).toBe('CrashLoopBackOff');
    expect(Number(row.restarts.split(' ')[0])).toBeGreaterThanOrEqual(2);
    expect(s.pod().status!.containerStatuses![0]!.lastState?.terminated).toMatchObject({
      exitCode: 137,
      reason: 'OOMKilled',
    });
    expect(eventsOf(s, 'BackOff').length).toBeGreaterThan(0);
  });

  it.each([
    // [what, container yaml, policy, expect OOM, pod phase after 60 s]
    [
      'restartPolicy Never: the pod fails with OOMKilled',
      'stress --vm 1 --vm-bytes 250M',
      '100Mi',
      'Never',
      true,
      'Failed',
    ],
    [
      'a later allocation: killed when it comes',
      'sleep 5; stress --vm 2 --vm-bytes 64M',
      '100Mi',
      'Never',
      true,
      'Failed',
    ],
    ['tail /dev/zero grows until the limit', 'tail /dev/zero', '64Mi', 'Never', true, 'Failed'],
    ['no limit: nothing is killed', 'stress --vm 1 --vm-bytes 250M', '', 'Never', false, 'Running'],
    [
      'a small shell loop stays small',
      'while true; do sleep 1; done',
      '8Mi',
      'Never',
      false,
      'Running',
    ],
  ])('%s', (_what, script, limit, policy, oom, phase) => {
    const s = createSimulation({
      manifest: podYaml(`restartPolicy: ${policy}
containers:
- name: app
  image: polinux/stress
  command: ["sh", "-c", "${script}"]
${limit ? `  resources:\n    limits:\n      memory: ${limit}` : ''}`),
    });
    s.advance(60_000);
    const t = s.pod().status!.containerStatuses![0]!.state?.terminated;
    if (oom) expect(t).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    else expect(t).toBeUndefined();
    expect(s.pod().status?.phase).toBe(phase);
  });

  it.each([
    ['nginx:1.27', '64Mi', false],
    ['redis:7', '64Mi', false],
    ['mysql:8.4', '256Mi', true],
    ['mysql:8.4', '1Gi', false],
  ])('the catalogue server %s with a %s limit: OOM %s', (image, limit, oom) => {
    const env = image.startsWith('mysql')
      ? `\n  env: [{ name: MYSQL_ROOT_PASSWORD, value: x }]`
      : '';
    const s = createSimulation({
      manifest: podYaml(`restartPolicy: Never
containers:
- name: app
  image: ${image}${env}
  resources:
    limits:
      memory: ${limit}`),
    });
    s.advance(60_000);
    const reason = s.pod().status!.containerStatuses![0]!.state?.terminated?.reason;
    expect(reason === 'OOMKilled').toBe(oom);
  });
});

describe('memory curves', () => {
  it.each([
    [['stress', '--vm', '1', '--vm-bytes', '250M'], 250 * MI],
    [['stress', '--vm', '2', '--vm-bytes', '64M'], 128 * MI],
    [['stress', '--vm', '1'], 256 * MI],
    [['stress', '--cpu', '1'], 0],
  ])('%j allocates %d bytes', (argv, bytes) => {
    expect(processMemory(argv, 'polinux/stress').rampBytes).toBe(bytes);
  });

  it('finds the crossing instant; none below the limit', () => {
    const curve = processMemory(['stress', '--vm', '1', '--vm-bytes', '250M'], 'polinux/stress');
    const t = oomAt([{ startMs: 1000, curve }], 100 * MI, 60_000)!;
    expect(t).toBeGreaterThan(1000);
    expect(t).toBeLessThan(1200);
    expect(oomAt([{ startMs: 1000, curve }], 300 * MI, 60_000)).toBeUndefined();
    // A process that ended before its ramp finished never reaches it.
    expect(oomAt([{ startMs: 0, endMs: 10, curve }], 100 * MI, 60_000)).toBeUndefined();
  });
});
