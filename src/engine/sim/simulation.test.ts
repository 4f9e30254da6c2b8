import { describe, expect, it } from 'vitest';
import { createSimulation, restoreSimulation } from './simulation.ts';
import { eventsOf, podYaml, sim, statusOf } from './testkit.ts';

const NGINX = `containers:\n- name: app\n  image: nginx:1.27`;

describe('start-up', () => {
  it('schedules, pulls, creates and starts, with the kubelet’s messages', () => {
    const s = sim(NGINX);
    s.advance(30_000);
    const seq = s.events().map((e) => e.reason);
    expect(seq).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    const [sched, pulling, pulled, created, started] = s.events();
    expect(sched!.message).toBe('Successfully assigned default/web to node-1');
    expect(sched!.fieldPath).toBeUndefined();
    expect(pulling!.message).toBe('Pulling image "nginx:1.27"');
    expect(pulled!.message).toMatch(
      /^Successfully pulled image "nginx:1\.27" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: 72223946 bytes\.$/,
    );
    expect(created!.message).toBe('Container created');
    expect(started!.message).toBe('Container started');
    expect(started!.fieldPath).toBe('spec.containers{app}');
    const pod = s.pod();
    expect(pod.status?.phase).toBe('Running');
    expect(pod.spec?.containers[0]?.imagePullPolicy).toBe('IfNotPresent');
    expect(pod.spec?.terminationGracePeriodSeconds).toBe(30);
    expect(pod.metadata?.creationTimestamp).toBe('2025-01-01T00:00:00Z');
    expect(pod.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(statusOf(s, 'app')?.state?.running).toBeDefined();
    expect(s.printRows()).toEqual([
      { name: 'web', ready: '1/1', status: 'Running', restarts: '0', age: '30s' },
    ]);
  });

  it('shows ContainerCreating while pulling, then Running', () => {
    const s = sim(NGINX);
    s.advance(1500);
    expect(s.printRows()[0]!.status).toBe('ContainerCreating');
    expect(statusOf(s, 'app')?.state?.waiting?.reason).toBe('ContainerCreating');
    expect(s.runtime().containers[0]!.activity).toBe('pulling');
  });

  it('an image already on the node is not pulled under IfNotPresent', () => {
    const s = sim(NGINX, 1, ['nginx:1.27']);
    s.advance(5000);
    expect(eventsOf(s, 'Pulling')).toHaveLength(0);
    expect(eventsOf(s, 'Pulled')[0]!.message).toBe(
      'Container image "nginx:1.27" already present on machine and can be accessed by the pod',
    );
    expect(s.runtime().containers[0]!.pull).toEqual({
      policy: 'IfNotPresent',
      presentOnNode: true,
      willPull: false,
    });
  });

  it('defaults imagePullPolicy by tag and pulls on every start under Always', () => {
    const s = sim(
      `containers:\n- name: app\n  image: busybox\n  command: ['sh', '-c', 'sleep 5; exit 1']`,
    );
    expect(s.pod().spec?.containers[0]?.imagePullPolicy).toBe('Always');
    s.advance(60_000);
    expect(eventsOf(s, 'Pulling').length).toBeGreaterThanOrEqual(3);
    expect(eventsOf(s, 'Pulling').length).toBe(eventsOf(s, 'Started').length);
  });

  it('Never with the image absent: ErrImageNeverPull', () => {
    const s = sim(`containers:\n- name: app\n  image: nginx:1.27\n  imagePullPolicy: Never`);
    s.advance(5000);
    expect(eventsOf(s, 'ErrImageNeverPull')[0]!.message).toBe(
      'Container image "nginx:1.27" is not present with pull policy of Never',
    );
    expect(eventsOf(s, 'Failed')[0]!.message).toBe('Error: ErrImageNeverPull');
    expect(statusOf(s, 'app')?.state?.waiting?.reason).toBe('ErrImageNeverPull');
    expect(s.printRows()[0]!.status).toBe('ErrImageNeverPull');
  });
});

describe('crash-loop back-off', () => {
  /** Restart delays measured from each exit to the next start. */
  function delays(spec: string, untilMs: number): number[] {
    const s = sim(spec);
    s.advance(untilMs);
    const starts = eventsOf(s, 'Started').map((e) => e.atMs);
    const exits: number[] = [];
    const t = createSimulation({ manifest: podYaml(spec), seed: 1 });
    let last: number | undefined;
    while ((t.nextEventAtMs() ?? Infinity) <= untilMs) {
      t.step();
      const f = t.runtime().containers[0]!.finishedAtMs;
      if (f !== undefined && f !== last) exits.push(f);
      last = f;
    }
    return starts.slice(1).map((st, i) => st - exits[i]!);
  }

  it('restarts at once, then after 10 s, 20 s, 40 s … capped at 300 s (from the exit)', () => {
    const d = delays(
      `containers:\n- name: app\n  image: busybox:1.36\n  command: ['sh', '-c', 'exit 1']`,
      1_800_000,
    );
    // create + start take a few hundred ms on top of each wait
    const waits = d.map((x) => Math.floor(x / 1000));
    expect(waits.slice(0, 9)).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300]);
    for (const x of d) expect(x % 1000).toBeLessThan(1000);
  });

  it('also after exit 0 under restartPolicy Always, with BackOff events and CrashLoopBackOff', () => {
    const s = sim(`containers:\n- name: app\n  image: busybox:1.36`);
    s.advance(5_000);
    expect(s.printRows()[0]!.status).toBe('CrashLoopBackOff');
    const st = statusOf(s, 'app')!;
    expect(st.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(st.state?.waiting?.message).toMatch(
      /^back-off 10s restarting failed container=app pod=web_default\([0-9a-f-]{36}\)$/,
    );
    expect(st.lastState?.terminated?.reason).toBe('Completed');
    expect(eventsOf(s, 'BackOff')[0]!.message).toMatch(
      /^Back-off restarting failed container app in pod web_default\([0-9a-f-]{36}\)$/,
    );
    expect(eventsOf(s, 'BackOff')[0]!.type).toBe('Warning');
    const v = s.runtime().containers[0]!;
    expect(v.backOffUntilMs).toBeGreaterThan(s.nowMs);
    expect(v.backOffMs).toBe(10_000);
  });

  it('resets after a run longer than 10 minutes', () => {
    const d = delays(
      `containers:\n- name: app\n  image: busybox:1.36\n  command: ['sh', '-c', 'sleep 700; exit 1']`,
      3_000_000,
    );
    expect(d.map((x) => Math.floor(x / 1000)).slice(0, 3)).toEqual([0, 0, 0]);
  });

  it('OnFailure: exit 0 completes the pod; Never: nothing restarts', () => {
    const ok = sim(
      `restartPolicy: OnFailure\ncontainers:\n- name: app\n  image: busybox:1.36\n  command: ['sh', '-c', 'sleep 2']`,
    );
    ok.advance(60_000);
    expect(ok.pod().status?.phase).toBe('Succeeded');
    expect(ok.printRows()[0]!.status).toBe('Completed');
    expect(statusOf(ok, 'app')?.restartCount).toBe(0);
    const bad = sim(
      `restartPolicy: Never\ncontainers:\n- name: app\n  image: busybox:1.36\n  command: ['sh', '-c', 'sleep 2; exit 3']`,
    );
    bad.advance(60_000);
    expect(bad.pod().status?.phase).toBe('Failed');
    expect(bad.printRows()[0]!.status).toBe('Error');
    expect(statusOf(bad, 'app')?.state?.terminated?.exitCode).toBe(3);
    expect(
      bad.pod().status?.conditions?.find((c) => c.type === 'PodReadyToStartContainers')?.status,
    ).toBe('False');
    expect(bad.nextEventAtMs()).toBeUndefined();
  });

  it('crash and oom-kill actions', () => {
    const s = sim(NGINX, 1, ['nginx:1.27']);
    s.advance(5000);
    s.dispatch({ kind: 'oom-kill', container: 'app' });
    expect(statusOf(s, 'app')?.state?.terminated?.reason).toBe('OOMKilled');
    expect(statusOf(s, 'app')?.state?.terminated?.exitCode).toBe(137);
    s.advance(5000);
    expect(statusOf(s, 'app')?.restartCount).toBe(1);
    expect(statusOf(s, 'app')?.lastState?.terminated?.reason).toBe('OOMKilled');
    s.dispatch({ kind: 'crash', container: 'app', exitCode: 2 });
    s.advance(1000);
    expect(statusOf(s, 'app')?.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(statusOf(s, 'app')?.lastState?.terminated?.exitCode).toBe(2);
  });
});

describe('init containers', () => {
  const SPEC = `initContainers:
- name: a
  image: busybox:1.36
  command: ['sh', '-c', 'sleep 3']
- name: b
  image: busybox:1.36
  command: ['sh', '-c', 'sleep 2']
containers:
- name: app
  image: nginx:1.27`;

  it('run one at a time in order; the app starts after both succeeded', () => {
    const s = sim(SPEC);
    const seen: string[] = [];
    while ((s.nextEventAtMs() ?? Infinity) < 60_000) {
      s.step();
      const row = s.printRows()[0]!.status;
      if (seen[seen.length - 1] !== row) seen.push(row);
      const running = s
        .runtime()
        .containers.filter((c) => c.kind === 'init' && c.state === 'running');
      expect(running.length).toBeLessThanOrEqual(1);
    }
    expect(seen).toEqual(['Pending', 'Init:0/2', 'Init:1/2', 'PodInitializing', 'Running']);
    const starts = eventsOf(s, 'Started').map((e) => e.fieldPath);
    expect(starts).toEqual([
      'spec.initContainers{a}',
      'spec.initContainers{b}',
      'spec.containers{app}',
    ]);
    expect(statusOf(s, 'a')?.state?.terminated?.reason).toBe('Completed');
  });

  it('a failing init container retries with back-off under Always; fails the pod under Never', () => {
    const failing = `initContainers:\n- name: a\n  image: busybox:1.36\n  command: ['sh', '-c', 'exit 1']\ncontainers:\n- name: app\n  image: nginx:1.27`;
    const s = sim(failing);
    s.advance(30_000);
    expect(s.pod().status?.phase).toBe('Pending');
    expect(s.printRows()[0]!.status).toMatch(/^Init:(CrashLoopBackOff|Error)$/);
    expect(eventsOf(s, 'Started', 'app')).toHaveLength(0);
    const n = sim(`restartPolicy: Never\n${failing}`);
    n.advance(30_000);
    expect(n.pod().status?.phase).toBe('Failed');
    expect(n.printRows()[0]!.status).toBe('Init:Error');
    expect(eventsOf(n, 'Started')).toHaveLength(1);
  });

  it('sandbox death kills everything, a new sandbox re-runs every init container', () => {
    const s = sim(SPEC, 3, ['nginx:1.27', 'busybox:1.36']);
    s.advance(20_000);
    const before = s.runtime();
    expect(before.sandbox?.attempt).toBe(0);
    expect(s.pod().status?.phase).toBe('Running');
    s.dispatch({ kind: 'kill-sandbox' });
    s.advance(200);
    const changed = eventsOf(s, 'SandboxChanged');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.message).toBe('Pod sandbox changed, it will be killed and re-created.');
    expect(changed[0]!.fieldPath).toBeUndefined();
    expect(eventsOf(s, 'Killing', 'app')[0]!.message).toBe('Stopping container app');
    s.advance(2000);
    expect(s.pod().status?.phase).toBe('Pending');
    s.advance(20_000);
    const after = s.runtime();
    expect(after.sandbox?.attempt).toBe(1);
    expect(after.sandbox?.id).not.toBe(before.sandbox?.id);
    expect(eventsOf(s, 'Started', 'a')).toHaveLength(2);
    expect(eventsOf(s, 'Started', 'b')).toHaveLength(2);
    expect(s.pod().status?.phase).toBe('Running');
    expect(statusOf(s, 'app')?.restartCount).toBe(1);
    expect(statusOf(s, 'a')?.restartCount).toBe(1);
  });
});

describe('probes', () => {
  const LIVE = `containers:
- name: app
  image: nginx:1.27
  livenessProbe:
    httpGet: { path: /, port: 80 }
    periodSeconds: 5
  readinessProbe:
    httpGet: { path: /, port: 80 }`;

  it('liveness failure: Unhealthy × failureThreshold, Killing, restart', () => {
    const s = sim(LIVE, 1, ['nginx:1.27']);
    s.advance(10_000);
    expect(s.pod().spec?.containers[0]?.livenessProbe?.failureThreshold).toBe(3);
    s.dispatch({ kind: 'probe-failure', container: 'app', probe: 'liveness' });
    s.advance(20_000);
    const unhealthy = eventsOf(s, 'Unhealthy');
    expect(unhealthy.length).toBeGreaterThanOrEqual(3);
    expect(unhealthy[0]!.message).toBe(
      'Liveness probe failed: HTTP probe failed with statuscode: 500',
    );
    expect(unhealthy[1]!.atMs - unhealthy[0]!.atMs).toBe(5000);
    const killing = eventsOf(s, 'Killing');
    expect(killing[0]!.message).toBe('Container app failed liveness probe, will be restarted');
    expect(killing[0]!.atMs).toBe(unhealthy[2]!.atMs);
    expect(statusOf(s, 'app')?.restartCount).toBeGreaterThanOrEqual(1);
  });

  it('readiness failure flips Ready only; recover brings it back', () => {
    const s = sim(LIVE, 1, ['nginx:1.27']);
    s.advance(5_000);
    // readiness starts as Failure until the first probe (the worker's next tick)
    expect(s.printRows()[0]!.ready).toBe('0/1');
    s.advance(10_000);
    expect(s.printRows()[0]!.ready).toBe('1/1');
    s.dispatch({ kind: 'probe-failure', container: 'app', probe: 'readiness' });
    s.advance(40_000);
    expect(s.printRows()[0]!.ready).toBe('0/1');
    expect(s.pod().status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    expect(eventsOf(s, 'Killing')).toHaveLength(0);
    expect(eventsOf(s, 'Unhealthy')[0]!.message).toMatch(/^Readiness probe failed: /);
    s.dispatch({ kind: 'probe-recover', container: 'app', probe: 'readiness' });
    s.advance(20_000);
    expect(s.printRows()[0]!.ready).toBe('1/1');
  });

  it('liveness failure under restartPolicy Never kills without restarting', () => {
    // a second container that keeps running (another nginx would fail to bind :80)
    const s = sim(
      `restartPolicy: Never\n${LIVE}\n- name: other\n  image: busybox:1.36\n  command: ['sleep', '3600']`,
      1,
      ['nginx:1.27', 'busybox:1.36'],
    );
    s.advance(5000);
    s.dispatch({ kind: 'probe-failure', container: 'app', probe: 'liveness' });
    s.advance(60_000);
    expect(eventsOf(s, 'Killing')[0]!.message).toBe('Container app failed liveness probe');
    expect(eventsOf(s, 'Started', 'app')).toHaveLength(1);
    expect(statusOf(s, 'app')?.state?.terminated).toBeDefined();
    expect(s.pod().status?.phase).toBe('Running'); // `other` still runs
  });

  it('a startup probe gates started and readiness', () => {
    const s = sim(
      `containers:\n- name: app\n  image: nginx:1.27\n  startupProbe:\n    httpGet: { path: /, port: 80 }\n    initialDelaySeconds: 10\n  readinessProbe:\n    httpGet: { path: /, port: 80 }`,
      1,
      ['nginx:1.27'],
    );
    s.advance(5000);
    expect(statusOf(s, 'app')?.started).toBe(false);
    expect(statusOf(s, 'app')?.ready).toBe(false);
    s.advance(20_000);
    expect(statusOf(s, 'app')?.started).toBe(true);
    expect(statusOf(s, 'app')?.ready).toBe(true);
  });

  it('refuses a fault on a probe the container does not have', () => {
    const s = sim(NGINX);
    expect(() =>
      s.dispatch({ kind: 'probe-failure', container: 'app', probe: 'liveness' }),
    ).toThrow(/livenessProbe/);
  });
});

describe('images', () => {
  it('ErrImagePull then ImagePullBackOff with its own back-off, recovering when the registry does', () => {
    const s = sim(NGINX);
    s.dispatch({ kind: 'image-pull-error', durationMs: 60_000 });
    s.advance(5000);
    const failed = eventsOf(s, 'Failed').map((e) => e.message);
    expect(failed[0]).toMatch(/^Failed to pull image "nginx:1\.27": rpc error: /);
    expect(failed[1]).toBe('Error: ErrImagePull');
    expect(failed).toContain('Error: ImagePullBackOff');
    expect(eventsOf(s, 'BackOff')[0]!.message).toBe('Back-off pulling image "nginx:1.27"');
    expect(eventsOf(s, 'BackOff')[0]!.type).toBe('Normal');
    expect(s.printRows()[0]!.status).toBe('ImagePullBackOff');
    s.advance(400_000);
    expect(s.pod().status?.phase).toBe('Running');
    const pulls = eventsOf(s, 'Pulling').map((e) => e.atMs);
    expect(pulls.length).toBeGreaterThanOrEqual(3);
    // 10 s, then 20 s between failed attempts (+ the pull time)
    expect(pulls[1]! - pulls[0]!).toBeGreaterThanOrEqual(10_000);
    expect(pulls[2]! - pulls[1]!).toBeGreaterThanOrEqual(20_000);
  });

  it('pulls are serialized on a node and report the waiting time', () => {
    const s = sim(`containers:\n- name: a\n  image: nginx:1.27\n- name: b\n  image: redis:7`);
    s.advance(30_000);
    const pulled = eventsOf(s, 'Pulled');
    expect(pulled).toHaveLength(2);
    expect(s.pod().status?.phase).toBe('Running');
  });
});

describe('termination', () => {
  it('deletion: Killing, SIGTERM, nginx exits 0 → Succeeded; stays readable', () => {
    const s = sim(NGINX, 1, ['nginx:1.27']);
    s.advance(5000);
    s.dispatch({ kind: 'delete-pod' });
    expect(s.pod().metadata?.deletionTimestamp).toBe('2025-01-01T00:00:35Z');
    expect(s.pod().metadata?.deletionGracePeriodSeconds).toBe(30);
    expect(s.printRows()[0]!.status).toBe('Terminating');
    expect(eventsOf(s, 'Killing')[0]!.message).toBe('Stopping container app');
    s.advance(5000);
    expect(s.pod().status?.phase).toBe('Succeeded');
    expect(s.pods()).toHaveLength(1);
    expect(s.runtime().deleted).toBe(true);
    // nothing stale is left scheduled (the SIGKILL deadline went with the exit)
    expect(s.nextEventAtMs()).toBeUndefined();
    expect(() => s.dispatch({ kind: 'crash', container: 'app' })).toThrow(/not found/);
  });

  it('a process ignoring SIGTERM is killed at the end of the grace period (137) → Failed', () => {
    const s = sim(
      `terminationGracePeriodSeconds: 10\ncontainers:\n- name: app\n  image: busybox:1.36\n  command: ['sleep', '3600']`,
      1,
      ['busybox:1.36'],
    );
    s.advance(5000);
    s.dispatch({ kind: 'delete-pod' });
    s.advance(9_900);
    expect(statusOf(s, 'app')?.state?.running).toBeDefined();
    s.advance(200);
    expect(statusOf(s, 'app')?.state?.terminated?.exitCode).toBe(137);
    expect(s.pod().status?.phase).toBe('Failed');
    // (Was: still listed as `Error`.) Its graceful deletion completed: `kubectl get pods` no longer lists it.
    expect(s.printRows()).toEqual([]);
  });

  it('preStop runs first; the grace period is floored at 2 s; nothing restarts', () => {
    const s = sim(
      `terminationGracePeriodSeconds: 5
containers:
- name: app
  image: busybox:1.36
  command: ['sleep', '3600']
  lifecycle:
    preStop:
      exec:
        command: ['sh', '-c', 'sleep 10']`,
      1,
      ['busybox:1.36'],
    );
    s.advance(5000);
    const t0 = s.nowMs;
    s.dispatch({ kind: 'delete-pod' });
    s.advance(60_000);
    const st = statusOf(s, 'app')!;
    expect(st.state?.terminated?.exitCode).toBe(137);
    // preStop cut at 5 s, then the 2 s minimum
    expect(Date.parse(st.state!.terminated!.finishedAt!) - Date.parse('2025-01-01T00:00:00Z')).toBe(
      Math.floor((t0 + 7000) / 1000) * 1000,
    );
    expect(eventsOf(s, 'Started')).toHaveLength(1);
  });

  it('sidecars stop after the regular containers, in reverse order', () => {
    const s = sim(
      `initContainers:
- name: log
  image: busybox:1.36
  restartPolicy: Always
  command: ['sleep', '3600']
- name: proxy
  image: busybox:1.36
  restartPolicy: Always
  command: ['sleep', '3600']
containers:
- name: app
  image: nginx:1.27`,
      1,
      ['busybox:1.36', 'nginx:1.27'],
    );
    s.advance(10_000);
    expect(s.printRows()[0]!.ready).toBe('3/3');
    s.dispatch({ kind: 'delete-pod', gracePeriodSeconds: 20 });
    s.advance(60_000);
    const fin = (n: string) => Date.parse(statusOf(s, n)!.state!.terminated!.finishedAt!);
    expect(fin('app')).toBeLessThanOrEqual(fin('proxy'));
    expect(fin('proxy')).toBeLessThanOrEqual(fin('log'));
    expect(statusOf(s, 'log')?.state?.terminated?.exitCode).toBe(137);
  });
});

describe('lifecycle hooks', () => {
  it('postStart finishes before the next container starts', () => {
    const s = sim(
      `containers:
- name: a
  image: nginx:1.27
  lifecycle:
    postStart:
      exec:
        command: ['sh', '-c', 'sleep 8']
- name: b
  image: nginx:1.27`,
      1,
      ['nginx:1.27'],
    );
    s.advance(30_000);
    const [a, b] = eventsOf(s, 'Started');
    expect(b!.atMs - a!.atMs).toBeGreaterThanOrEqual(8000);
  });
});

describe('actions and manifests', () => {
  it('an unknown container or pod throws and changes nothing', () => {
    const s = sim(NGINX);
    s.advance(3000);
    const before = JSON.stringify(s.snapshot());
    expect(() => s.dispatch({ kind: 'crash', container: 'nope' })).toThrow(
      /container "nope" not found/,
    );
    expect(() => s.dispatch({ kind: 'delete-pod', pod: 'nope' })).toThrow(/pods "nope" not found/);
    expect(() => s.dispatch({ kind: 'node-failure', node: 'node-9' })).toThrow(/node-9/);
    expect(JSON.stringify(s.snapshot())).toBe(before);
  });

  it('an invalid manifest throws the API server’s field errors', () => {
    let err: unknown;
    try {
      createSimulation({ manifest: podYaml(`containers:\n- name: app`, 'x') });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe(
      'The Pod "x" is invalid: spec.containers[0].image: Required value',
    );
    expect((err as { errors: Array<{ field: string }> }).errors[0]!.field).toBe(
      'spec.containers[0].image',
    );
    expect(() => createSimulation({ manifest: 'a: [1, 2' })).toThrow(/YAML/);
  });

  it('accepts an object manifest', () => {
    const s = createSimulation({
      manifest: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'o' },
        spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
      },
    });
    s.advance(10_000);
    expect(s.pod('o').status?.phase).toBe('Running');
  });

  it('services can be created and deleted', () => {
    const s = sim(NGINX);
    s.dispatch({ kind: 'create-service', name: 'myservice' });
    expect(s.services()).toEqual(['myservice']);
    expect(() => s.dispatch({ kind: 'create-service', name: 'myservice' })).toThrow(
      /already exists/,
    );
    s.dispatch({ kind: 'delete-service', name: 'myservice' });
    expect(s.services()).toEqual([]);
  });

  it('node failure: NotReady after 50 s, eviction after 300 s, the bare pod stays Terminating', () => {
    const s = sim(NGINX, 1, ['nginx:1.27']);
    s.advance(10_000);
    s.dispatch({ kind: 'node-failure' });
    s.advance(49_000);
    expect(s.nodes()[0]!.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    s.advance(2000);
    expect(s.nodes()[0]!.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe(
      'Unknown',
    );
    expect(eventsOf(s, 'NodeNotReady').filter((e) => e.object?.kind === 'Pod')).toHaveLength(1);
    expect(s.pod().status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    expect(s.printRows()[0]!.ready).toBe('1/1'); // the node controller flips only the condition
    s.advance(300_000);
    expect(eventsOf(s, 'TaintManagerEviction')[0]!.message).toBe(
      'Marking for deletion Pod default/web',
    );
    expect(s.printRows()[0]!.status).toBe('Terminating');
    s.advance(3_600_000);
    expect(s.printRows()[0]!.status).toBe('Terminating');
  });
});

describe('determinism and checkpoints', () => {
  const SPEC = `initContainers:
- name: init
  image: busybox:1.36
  command: ['sh', '-c', 'sleep 1']
containers:
- name: app
  image: nginx:1.27
  livenessProbe:
    tcpSocket: { port: 80 }
- name: crash
  image: busybox
  command: ['sh', '-c', 'sleep 4; exit 2']`;

  function trace(s: ReturnType<typeof sim>) {
    return JSON.stringify({
      events: s.events(),
      pod: s.pod(),
      rows: s.printRows(),
      rt: s.runtime(),
    });
  }

  it('same manifest, seed and actions → byte-identical; another seed differs', () => {
    const run = (seed: number) => {
      const s = sim(SPEC, seed);
      s.advance(20_000);
      s.dispatch({
        kind: 'probe-failure',
        container: 'app',
        probe: 'liveness',
        durationMs: 40_000,
      });
      s.advance(100_000);
      s.dispatch({ kind: 'kill-sandbox' });
      s.advance(500_000);
      return trace(s);
    };
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
  });

  it('snapshot → restore → advance equals a straight run', () => {
    const straight = sim(SPEC, 5);
    straight.advance(30_000);
    const snap = straight.snapshot();
    const cloned = JSON.parse(JSON.stringify(snap)) as typeof snap;
    straight.dispatch({ kind: 'kill-sandbox' });
    straight.advance(900_000);

    const restored = restoreSimulation(cloned);
    expect(restored.nowMs).toBe(30_000);
    restored.dispatch({ kind: 'kill-sandbox' });
    restored.advance(900_000);
    expect(trace(restored)).toBe(trace(straight));
    expect(restored.nextEventAtMs()).toBe(straight.nextEventAtMs());
  });

  it('step() and nextEventAtMs() walk the run one occurrence at a time', () => {
    const s = sim(SPEC);
    const at = s.nextEventAtMs();
    expect(at).toBe(0);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) times.push(s.step()!);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(s.nowMs).toBe(times[19]);
  });
});

describe('the runtime view, logs and nodes', () => {
  const SPEC = `volumes:
- name: shared
  emptyDir: {}
- name: cfg
  configMap: { name: app-config }
initContainers:
- name: init
  image: busybox:1.36
  command: ['sh', '-c', 'echo preparing; sleep 1; echo ready']
  volumeMounts: [{ name: shared, mountPath: /work }]
containers:
- name: app
  image: nginx:1.27
  ports: [{ containerPort: 80, name: http }]
  volumeMounts:
  - { name: shared, mountPath: /usr/share/nginx/html }
  - { name: cfg, mountPath: /etc/cfg, readOnly: true }
  readinessProbe:
    tcpSocket: { port: 80 }
- name: ticker
  image: busybox:1.36
  command: ['sh', '-c', 'while true; do echo tick; sleep 5; done']`;

  it('draws the sandbox, containers, probes, volumes and namespaces', () => {
    const s = sim(SPEC, 2);
    s.advance(30_000);
    const v = s.runtime();
    expect(v.node).toBe('node-1');
    expect(v.sandbox).toMatchObject({ attempt: 0, state: 'ready' });
    expect(v.sandbox!.ip).toMatch(/^10\.244\.1\.\d+$/);
    expect(v.sandbox!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(v.containers.map((c) => [c.name, c.kind, c.index, c.activity])).toEqual([
      ['init', 'init', 0, 'exited'],
      ['app', 'app', 0, 'running'],
      ['ticker', 'app', 1, 'running'],
    ]);
    const app = v.containers[1]!;
    expect(app.probes).toEqual([
      expect.objectContaining({
        kind: 'readiness',
        result: 'Success',
        failureThreshold: 3,
        periodSeconds: 10,
      }),
    ]);
    expect(app.pull).toEqual({ policy: 'IfNotPresent', presentOnNode: true, willPull: false });
    expect(v.volumes).toEqual([
      {
        name: 'shared',
        type: 'emptyDir',
        mounts: [
          { container: 'init', mountPath: '/work', readOnly: false },
          { container: 'app', mountPath: '/usr/share/nginx/html', readOnly: false },
        ],
        files: [],
      },
      {
        name: 'cfg',
        type: 'configMap',
        mounts: [{ container: 'app', mountPath: '/etc/cfg', readOnly: true }],
        files: [],
      },
    ]);
    expect(v.namespaces).toEqual({
      network: {
        ip: v.sandbox!.ip,
        hostNetwork: false,
        ports: [{ container: 'app', port: 80, protocol: 'TCP' }],
      },
      uts: { hostname: 'web' },
      ipc: { host: false },
      pid: { shared: false, host: false },
    });
    expect(s.pod().status?.podIP).toBe(v.sandbox!.ip);
  });

  it('logs: what each instance printed, and --previous', () => {
    const s = sim(SPEC, 2);
    s.advance(30_000);
    expect(s.logs('init')).toEqual(['preparing', 'ready']);
    expect(s.logs('ticker').slice(0, 3)).toEqual(['tick', 'tick', 'tick']);
    expect(s.logs('app', { previous: true })).toEqual([]);
    expect(() => s.logs('nope')).toThrow(/not found/);
    const c = sim(
      `containers:\n- name: app\n  image: busybox:1.36\n  command: ['sh', '-c', 'echo hello; sleep 2; exit 1']`,
    );
    c.advance(20_000);
    expect(c.logs('app', { previous: true })).toEqual(['hello']);
  });

  it('nodes: two workers, Ready, with their image caches', () => {
    const s = sim(NGINX);
    s.advance(10_000);
    const nodes = s.nodes();
    expect(nodes.map((n) => n.metadata?.name)).toEqual(['node-1', 'node-2']);
    expect(nodes[0]!.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      type: 'Ready',
      status: 'True',
    });
    expect(nodes[0]!.status?.images?.flatMap((i) => i.names)).toEqual([
      'docker.io/library/nginx:1.27',
      'registry.k8s.io/pause:3.10',
    ]);
    expect(nodes[1]!.status?.images?.flatMap((i) => i.names)).toEqual([
      'registry.k8s.io/pause:3.10',
    ]);
  });

  it('a failing postStart kills the container (FailedPostStartHook); a failing preStop is reported', () => {
    const s = sim(
      `containers:
- name: app
  image: nginx:1.27
  lifecycle:
    postStart:
      exec: { command: ['sh', '-c', 'sleep 1; exit 1'] }`,
      1,
      ['nginx:1.27'],
    );
    s.advance(5000);
    expect(eventsOf(s, 'FailedPostStartHook')[0]!.message).toBe('PostStartHook failed');
    expect(eventsOf(s, 'Killing')[0]!.message).toBe('FailedPostStartHook');
    const t = sim(
      `containers:
- name: app
  image: nginx:1.27
  lifecycle:
    preStop:
      exec: { command: ['sh', '-c', 'exit 2'] }`,
      1,
      ['nginx:1.27'],
    );
    t.advance(5000);
    t.dispatch({ kind: 'delete-pod' });
    t.advance(5000);
    expect(eventsOf(t, 'FailedPreStopHook')[0]!.message).toBe('PreStopHook failed');
  });

  it('printRows follows kubectl while initializing, crash-looping and terminating', () => {
    const s = sim(
      `initContainers:\n- name: i\n  image: busybox:1.36\n  command: ['sh', '-c', 'sleep 5']\ncontainers:\n- name: app\n  image: busybox:1.36\n  command: ['sh', '-c', 'sleep 2; exit 1']`,
    );
    s.advance(3000);
    expect(s.printRows()[0]).toMatchObject({ ready: '0/1', status: 'Init:0/1', restarts: '0' });
    s.advance(60_000);
    expect(s.printRows()[0]!.status).toMatch(/^(CrashLoopBackOff|Error)$/);
    expect(s.printRows()[0]!.restarts).toMatch(/^\d+ \(\d+s ago\)$/);
  });
});

describe('faults with a duration', () => {
  it('a probe fault ends by itself after durationMs', () => {
    const s = sim(
      `containers:\n- name: app\n  image: nginx:1.27\n  readinessProbe:\n    httpGet: { path: /, port: 80 }\n    periodSeconds: 5`,
      1,
      ['nginx:1.27'],
    );
    s.advance(10_000);
    s.dispatch({ kind: 'probe-failure', container: 'app', probe: 'readiness', durationMs: 20_000 });
    expect(s.runtime().containers[0]!.probes[0]!.faulted).toBe(true);
    s.advance(19_000);
    expect(s.printRows()[0]!.ready).toBe('0/1');
    s.advance(10_000);
    expect(s.runtime().containers[0]!.probes[0]!.faulted).toBe(false);
    expect(s.printRows()[0]!.ready).toBe('1/1');
  });

  it('a registry fault for one image leaves the others alone', () => {
    const s = sim(`containers:\n- name: a\n  image: nginx:1.27\n- name: b\n  image: redis:7`);
    s.dispatch({ kind: 'image-pull-error', image: 'redis:7' });
    s.advance(20_000);
    expect(statusOf(s, 'a')?.state?.running).toBeDefined();
    expect(statusOf(s, 'b')?.state?.waiting?.reason).toMatch(/^(ErrImagePull|ImagePullBackOff)$/);
    expect(s.runtime().containers[1]!.backOffUntilMs).toBeGreaterThan(0);
  });
});

describe('probe timings of zero take the API defaults (issue 22: the scheduler was fed NaN)', () => {
  it.each([
    ['periodSeconds', { periodSeconds: 0 }],
    ['failureThreshold', { failureThreshold: 0 }],
    ['timeoutSeconds and successThreshold', { timeoutSeconds: 0, successThreshold: 0 }],
  ])('%s: 0', (_, fields) => {
    const s = createSimulation({
      manifest: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'nginx:1.25',
              readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 3, ...fields },
            },
          ],
        },
      },
    });
    s.advanceTo(60_000);
    const probe = s.pod().spec!.containers[0]!.readinessProbe!;
    expect([probe.periodSeconds, probe.failureThreshold, probe.timeoutSeconds]).toEqual([10, 3, 1]);
    expect(s.runtime().containers[0]!.probes[0]!.periodSeconds).toBe(10);
    expect(s.pod().status!.containerStatuses![0]!.ready).toBe(true);
  });
});

describe('no container starts in a terminal pod (issue 22, found by the fuzzer)', () => {
  const manifest = (restartPolicy: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: {
      restartPolicy,
      containers: [
        {
          name: 'a',
          image: 'busybox:1.36',
          command: ['sh', '-c', "trap 'exit 0' TERM; sleep 3600 & wait"],
        },
      ],
    },
  });
  it.each([
    // The sandbox dies; the kubelet kills the container, which exits 0 on SIGTERM:
    // with OnFailure (or Never) the pod is Succeeded and nothing starts again.
    ['OnFailure', 'Succeeded', 1, 'exited'],
    ['Never', 'Succeeded', 1, 'exited'],
    // With Always the kubelet creates a new sandbox and starts the container again.
    ['Always', 'Running', 2, 'running'],
  ])('restartPolicy %s, kill-sandbox → %s', (policy, phase, starts, state) => {
    const s = createSimulation({ manifest: manifest(policy), seed: 1 });
    s.advanceTo(10_000);
    s.dispatch({ kind: 'kill-sandbox' });
    s.advanceTo(200_000);
    expect(s.pod().status!.phase).toBe(phase);
    expect(s.events().filter((e) => e.reason === 'Started')).toHaveLength(starts);
    expect(s.runtime().containers[0]!.state).toBe(state);
  });
});
