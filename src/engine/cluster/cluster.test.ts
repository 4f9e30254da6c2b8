/**
 * The cluster inside the simulation: workloads from the manifest, the
 * scheduler's events, rollouts, Services, node-pressure eviction, snapshots.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, restoreSimulation } from '../sim/simulation.ts';
import type { Action, Simulation } from '../sim/types.ts';
import { clusterLookup } from './controller.ts';
import type { SimState } from '../sim/state.ts';

const deployment = (replicas = 2, resources = '', extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      initContainers:
      - name: init
        image: busybox:1.36
        command: ['sh', '-c', 'sleep 1']
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{ containerPort: 80 }]${resources}
${extra}`;

const IMAGES = ['nginx:1.27', 'nginx:1.28', 'busybox:1.36', 'busybox:1.37'];

function mk(manifest: string, seed = 1): Simulation {
  return createSimulation({ manifest, seed, cluster: { images: IMAGES } });
}

function ready(s: Simulation) {
  return s
    .pods()
    .filter(
      (p) =>
        !p.metadata?.deletionTimestamp &&
        p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
    );
}

function stateOf(s: Simulation): SimState {
  return s.snapshot().state as SimState;
}

describe('a Deployment from the manifest', () => {
  it('creates its ReplicaSet and pods with generated names, labels and owner references', () => {
    const s = mk(deployment());
    const ev = s.events();
    const scale = ev.find((e) => e.reason === 'ScalingReplicaSet')!;
    expect(scale.message).toMatch(/^Scaled up replica set web-[456789bcdf]+ from 0 to 2$/);
    expect(scale.object).toEqual({ kind: 'Deployment', name: 'web' });
    const rsName = scale.message.split(' ')[4]!;
    const hash = rsName.slice(4);
    const pods = s.pods();
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.metadata!.name).toMatch(new RegExp(`^${rsName}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata!.generateName).toBe(`${rsName}-`);
      expect(p.metadata!.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
      expect(p.metadata!.ownerReferences).toEqual([
        expect.objectContaining({ kind: 'ReplicaSet', name: rsName, controller: true }),
      ]);
      expect(p.spec!.tolerations).toHaveLength(2);
    }
    expect(ev.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.message)).toEqual(
      pods.map((p) => `Created pod: ${p.metadata!.name}`),
    );
    s.advanceTo(20_000);
    expect(ready(s)).toHaveLength(2);
    expect(new Set(s.pods().map((p) => p.spec!.nodeName))).toEqual(new Set(['node-1', 'node-2']));
  });

  it('set-image rolls out: surge 1, unavailable 0, old pods go as new ones are ready', () => {
    const s = mk(deployment());
    s.advanceTo(20_000);
    const before = new Set(s.pods().map((p) => p.metadata!.name));
    s.dispatch({
      kind: 'set-image',
      target: 'deployment/web',
      container: 'init',
      image: 'busybox:1.37',
    });
    let maxLive = 0;
    let minReady = 2;
    for (let t = 20_000; t <= 60_000; t += 100) {
      s.advanceTo(t);
      const live = s.pods().filter((p) => !p.metadata?.deletionTimestamp);
      maxLive = Math.max(maxLive, live.length);
      minReady = Math.min(minReady, ready(s).length);
    }
    expect(maxLive).toBe(3); // replicas + maxSurge
    expect(minReady).toBe(2); // replicas − maxUnavailable
    const live = ready(s);
    expect(live).toHaveLength(2);
    for (const p of live) {
      expect(before.has(p.metadata!.name!)).toBe(false);
      expect(p.spec!.initContainers![0]!.image).toBe('busybox:1.37');
    }
    const scaling = s
      .events()
      .filter((e) => e.reason === 'ScalingReplicaSet')
      .map((e) => e.message.replace(/web-[456789bcdf]+/g, 'RS'));
    expect(scaling).toEqual([
      'Scaled up replica set RS from 0 to 2',
      'Scaled up replica set RS from 0 to 1',
      'Scaled down replica set RS from 2 to 1',
      'Scaled up replica set RS from 1 to 2',
      'Scaled down replica set RS from 1 to 0',
    ]);
  });

  it('delete-pod of a managed pod: the controller replaces it at once', () => {
    const s = mk(deployment());
    s.advanceTo(20_000);
    const victim = s.pods()[0]!.metadata!.name!;
    s.dispatch({ kind: 'delete-pod', pod: victim });
    s.advanceTo(20_100);
    expect(s.pods()).toHaveLength(3);
    expect(s.events().filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(3);
    s.advanceTo(60_000);
    expect(ready(s)).toHaveLength(2);
    expect(s.runtime(victim).deleted).toBe(true);
  });

  it('scale down deletes pods with SuccessfulDelete', () => {
    const s = mk(deployment(3));
    s.advanceTo(20_000);
    s.dispatch({ kind: 'scale', target: 'deployment/web', replicas: 1 });
    s.advanceTo(60_000);
    expect(ready(s)).toHaveLength(1);
    expect(s.events().filter((e) => e.reason === 'SuccessfulDelete')).toHaveLength(2);
    expect(
      s.events().some((e) => /^Scaled down replica set web-\w+ from 3 to 1$/.test(e.message)),
    ).toBe(true);
  });

  it('an unknown target or container is refused', () => {
    const s = mk(deployment());
    expect(() =>
      s.dispatch({ kind: 'set-image', target: 'deployment/nope', container: 'x', image: 'y' }),
    ).toThrow('deployments.apps "nope" not found');
    expect(() =>
      s.dispatch({ kind: 'set-image', target: 'deployment/web', container: 'x', image: 'y' }),
    ).toThrow('unable to find container named "x"');
  });

  it('an invalid template is refused with its field path', () => {
    const bad = deployment().replace('image: nginx:1.27', 'image: ""');
    expect(() => mk(bad)).toThrow(
      /The Deployment "web" is invalid: spec\.template\.spec\.containers\[0\]\.image/,
    );
    const mismatch = deployment().replace('matchLabels: { app: web }', 'matchLabels: { app: db }');
    expect(() => mk(mismatch)).toThrow('`selector` does not match template `labels`');
  });
});

describe('the scheduler', () => {
  it('FailedScheduling with the FitError text when nothing fits; Pending', () => {
    const big = `
        resources: { requests: { cpu: "3" } }`;
    const s = mk(deployment(1, big));
    s.advanceTo(1000);
    const f = s.events().find((e) => e.reason === 'FailedScheduling')!;
    expect(f.type).toBe('Warning');
    expect(f.message).toBe(
      '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    );
    const p = s.pods()[0]!;
    expect(p.status!.phase).toBe('Pending');
    expect(p.status!.conditions![0]).toMatchObject({
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
    });
    expect(s.printRows()[0]!.status).toBe('Pending');
  });

  it('the third 1-cpu pod does not fit two 1930m nodes', () => {
    const s = mk(
      deployment(
        3,
        `
        resources: { requests: { cpu: "1" } }`,
      ),
    );
    s.advanceTo(30_000);
    expect(ready(s)).toHaveLength(2);
    expect(s.events().filter((e) => e.reason === 'FailedScheduling')).toHaveLength(1);
    // Scale down to 2: the Pending pod goes first.
    const pending = s.pods().find((p) => !p.spec!.nodeName)!.metadata!.name;
    s.dispatch({ kind: 'scale', target: 'deployment/web', replicas: 2 });
    s.advanceTo(31_000);
    expect(s.events().find((e) => e.reason === 'SuccessfulDelete')!.message).toBe(
      `Deleted pod: ${pending}`,
    );
  });
});

describe('events name their object', () => {
  it('kubelet events name their pod; controller events their object and source', () => {
    const s = mk(deployment());
    s.advanceTo(20_000);
    const names = new Set(s.pods().map((p) => p.metadata!.name!));
    const kubelet = s.events().filter((e) => e.fieldPath);
    expect(kubelet.length).toBeGreaterThan(0);
    for (const e of kubelet) {
      expect(e.object?.kind).toBe('Pod');
      expect(names.has(e.object!.name)).toBe(true);
    }
    const sources = new Set(s.events().map((e) => e.source ?? 'kubelet'));
    expect(sources).toEqual(
      new Set(['deployment-controller', 'replicaset-controller', 'default-scheduler', 'kubelet']),
    );
  });
});

describe('minReadySeconds', () => {
  it('an old pod goes only once the new one has been ready for minReadySeconds', () => {
    const s = mk(
      deployment(1).replace('  replicas: 1\n', '  replicas: 1\n  minReadySeconds: 10\n'),
    );
    s.advanceTo(20_000);
    s.dispatch({
      kind: 'set-image',
      target: 'deployment/web',
      container: 'nginx',
      image: 'nginx:1.28',
    });
    s.advanceTo(60_000);
    const fresh = s.pods().find((p) => p.spec!.containers[0]!.image === 'nginx:1.28')!;
    const readyAt = Date.parse(
      fresh.status!.conditions!.find((c) => c.type === 'Ready')!.lastTransitionTime!,
    );
    const down = s
      .events()
      .find((e) => e.reason === 'ScalingReplicaSet' && e.message.includes('down'))!;
    const epoch = Date.UTC(2025, 0, 1);
    expect(down.atMs).toBeGreaterThanOrEqual(readyAt - epoch + 10_000);
    expect(down.atMs).toBeLessThan(readyAt - epoch + 12_000);
  });
});

describe('Recreate', () => {
  it('old pods are gone before new ones start', () => {
    const s = mk(
      deployment(2).replace('  replicas: 2\n', '  replicas: 2\n  strategy: { type: Recreate }\n'),
    );
    s.advanceTo(20_000);
    s.dispatch({
      kind: 'set-image',
      target: 'deployment/web',
      container: 'nginx',
      image: 'nginx:1.28',
    });
    for (let t = 20_000; t < 80_000; t += 100) {
      s.advanceTo(t);
      const images = new Set(
        s
          .pods()
          .filter((p) => !s.runtime(p.metadata!.name).deleted && p.spec!.nodeName)
          .map((p) => p.spec!.containers[0]!.image),
      );
      expect(images.size).toBeLessThanOrEqual(1);
    }
    expect(ready(s).map((p) => p.spec!.containers[0]!.image)).toEqual(['nginx:1.28', 'nginx:1.28']);
    expect(
      s
        .events()
        .filter((e) => e.reason === 'ScalingReplicaSet')
        .map((e) => e.message.replace(/web-[456789bcdf]+/g, 'RS')),
    ).toEqual([
      'Scaled up replica set RS from 0 to 2',
      'Scaled down replica set RS from 2 to 0',
      'Scaled up replica set RS from 0 to 2',
    ]);
  });
});

describe('apply and scale', () => {
  it('apply: a changed Deployment template rolls out; new Pods and Services are created', () => {
    const s = mk(deployment());
    s.advanceTo(20_000);
    const more = `${deployment().replace('image: nginx:1.27', 'image: nginx:1.28')}---
apiVersion: v1
kind: Pod
metadata: { name: extra }
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 3600']
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`;
    s.dispatch({ kind: 'apply', manifest: more });
    s.advanceTo(80_000);
    expect(s.services()).toEqual(['web']);
    expect(s.pod('extra').status!.phase).toBe('Running');
    const images = ready(s)
      .filter((p) => p.metadata!.name !== 'extra')
      .map((p) => p.spec!.containers[0]!.image);
    expect(images).toEqual(['nginx:1.28', 'nginx:1.28']);
    const w = s.workloads!();
    expect(w.deployments[0]!.status).toMatchObject({
      replicas: 2,
      updatedReplicas: 2,
      availableReplicas: 2,
    });
    expect(w.deployments[0]!.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    expect(w.replicaSets.map((r) => r.spec!.replicas)).toEqual([0, 2]);
    expect(w.services[0]!.spec!.clusterIP).toMatch(/^10\.96\./);
    // Applying the same documents again changes nothing.
    const n = s.events().length;
    s.dispatch({ kind: 'apply', manifest: more });
    s.advanceTo(90_000);
    expect(
      s
        .events()
        .slice(n)
        .filter((e) => e.source),
    ).toEqual([]);
  });

  it('a bare ReplicaSet scales; a template change affects only new pods', () => {
    const rs = deployment(2).replace('kind: Deployment', 'kind: ReplicaSet');
    const s = mk(rs);
    s.advanceTo(20_000);
    s.dispatch({ kind: 'set-image', target: 'rs/web', container: 'nginx', image: 'nginx:1.28' });
    s.advanceTo(30_000);
    expect(ready(s).map((p) => p.spec!.containers[0]!.image)).toEqual(['nginx:1.27', 'nginx:1.27']);
    s.dispatch({ kind: 'scale', target: 'replicaset/web', replicas: 3 });
    s.advanceTo(60_000);
    expect(
      ready(s)
        .map((p) => p.spec!.containers[0]!.image)
        .sort(),
    ).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.28']);
    expect(() => s.dispatch({ kind: 'scale', target: 'pod/x', replicas: 1 })).toThrow(
      'cannot scale',
    );
  });
});

describe('the scheduler queue', () => {
  it('a Pending pod is scheduled once a running pod’s deletion frees room', () => {
    const s = mk(
      deployment(
        3,
        `
        resources: { requests: { cpu: "1" } }`,
      ),
    );
    s.advanceTo(30_000);
    const pending = s.pods().find((p) => !p.spec!.nodeName)!.metadata!.name!;
    const victim = s.pods().find((p) => p.spec!.nodeName)!.metadata!.name!;
    s.dispatch({ kind: 'delete-pod', pod: victim });
    s.advanceTo(80_000);
    expect(s.runtime(victim).deleted).toBe(true);
    expect(s.pod(pending).spec!.nodeName).toBeDefined();
    expect(ready(s)).toHaveLength(2);
    expect(s.pods().filter((p) => !p.spec!.nodeName)).toHaveLength(1); // the replacement waits
  });
});

describe('bare pods next to a Deployment; Services', () => {
  const MANIFEST = `${deployment(1)}---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: sh
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 3600']
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 80 }]
`;
  it('reads every document; the Service answers lookups and connects to ready endpoints', () => {
    const s = mk(MANIFEST);
    expect(s.pod().metadata!.name).toBe('client');
    expect(s.pods()).toHaveLength(2);
    expect(s.services()).toEqual(['web']);
    const lookup = clusterLookup(stateOf(s));
    const svc = lookup.service('web.default.svc.cluster.local', 'default')!;
    expect(svc.clusterIP).toBe('10.96.11.5');
    expect(lookup.connect(svc, 80)).toBe(false); // no ready endpoint yet
    s.advanceTo(20_000);
    expect(clusterLookup(stateOf(s)).connect(svc, 80)).toBe(true);
    s.dispatch({ kind: 'create-service', name: 'myservice' });
    expect(s.services()).toEqual(['myservice', 'web']);
    expect(clusterLookup(stateOf(s)).service('myservice', 'default')!.clusterIP).toBe(
      '10.96.209.94',
    );
    s.dispatch({ kind: 'delete-service', name: 'web' });
    expect(s.services()).toEqual(['myservice']);
    expect(clusterLookup(stateOf(s)).service('web', 'default')).toBeUndefined();
    expect(() => s.dispatch({ kind: 'delete-service', name: 'web' })).toThrow(
      'services "web" not found',
    );
  });

  it('set-image on a bare pod restarts that container (spec hash changed)', () => {
    const s = mk(MANIFEST);
    s.advanceTo(20_000);
    s.dispatch({ kind: 'set-image', target: 'pod/client', container: 'sh', image: 'busybox:1.37' });
    s.advanceTo(60_000);
    const killing = s
      .events()
      .find((e) => e.reason === 'Killing' && e.fieldPath === 'spec.containers{sh}');
    expect(killing?.message).toBe('Container sh definition changed, will be restarted');
    const st = s.pod('client').status!.containerStatuses![0]!;
    expect(st.restartCount).toBe(1);
    expect(st.image).toBe('docker.io/library/busybox:1.37');
  });
});

describe('node-pressure eviction', () => {
  it('evicts a pod: Failed, reason Evicted, the kubelet’s message; the controller replaces it elsewhere', () => {
    const s = mk(deployment(1));
    s.advanceTo(20_000);
    const victim = s.pods()[0]!;
    const node = victim.spec!.nodeName!;
    s.dispatch({ kind: 'node-memory-pressure', node });
    s.advanceTo(40_000);
    const p = s.pod(victim.metadata!.name);
    expect(p.status!.phase).toBe('Failed');
    expect(p.status!.reason).toBe('Evicted');
    expect(p.status!.message).toMatch(
      /^The node was low on resource: memory\. Threshold quantity: 100Mi, available: \d+Ki\. Container nginx was using 65536Ki, request is 0, has larger consumption of memory\. $/,
    );
    expect(p.metadata!.deletionTimestamp).toBeUndefined();
    expect(s.events().find((e) => e.reason === 'Evicted')!.message).toBe(p.status!.message);
    const n = s.nodes().find((x) => x.metadata!.name === node)!;
    expect(n.spec!.taints).toEqual([
      { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
    ]);
    expect(n.status!.conditions!.find((c) => c.type === 'MemoryPressure')!.status).toBe('True');
    const up = ready(s);
    expect(up).toHaveLength(1);
    expect(up[0]!.spec!.nodeName).not.toBe(node);
    s.advanceTo(20_000 + 300_000 + 1000);
    expect(s.nodes().find((x) => x.metadata!.name === node)!.spec!.taints).toBeUndefined();
  });
});

describe('snapshots and determinism', () => {
  it('a restored simulation continues byte for byte', () => {
    const actions: Array<[number, Action]> = [
      [15_000, { kind: 'node-failure', node: 'node-1' }],
      [
        30_000,
        { kind: 'set-image', target: 'deployment/web', container: 'nginx', image: 'nginx:1.28' },
      ],
    ];
    const run = (restoreAt?: number) => {
      let s = mk(deployment(2), 9);
      for (const [at, a] of actions) {
        if (restoreAt !== undefined && restoreAt < at && s.nowMs < restoreAt) {
          s.advanceTo(restoreAt);
          s = restoreSimulation(JSON.parse(JSON.stringify(s.snapshot())));
        }
        s.advanceTo(at);
        s.dispatch(a);
      }
      s.advanceTo(500_000);
      return JSON.stringify({ pods: s.pods(), events: s.events(), nodes: s.nodes() });
    };
    expect(run(20_000)).toBe(run());
  });
});

describe('property: a ReplicaSet converges to its replicas', () => {
  const RS = (replicas: number) => `apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;
  it('under random deletes and node failures/recoveries, the live pod count returns to replicas on a healthy node', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(
          fc.record({
            atMs: fc.integer({ min: 0, max: 400_000 }),
            op: fc.constantFrom('delete', 'fail', 'recover'),
            which: fc.integer({ min: 0, max: 9 }),
          }),
          { maxLength: 6 },
        ),
        fc.integer({ min: 1, max: 1000 }),
        (replicas, ops, seed) => {
          const s = createSimulation({
            manifest: RS(replicas),
            seed,
            cluster: { images: ['nginx:1.27'] },
          });
          for (const o of [...ops].sort((a, b) => a.atMs - b.atMs)) {
            s.advanceTo(Math.max(s.nowMs, o.atMs));
            const live = s.pods().filter((p) => !p.metadata?.deletionTimestamp);
            try {
              if (o.op === 'delete' && live.length)
                s.dispatch({
                  kind: 'delete-pod',
                  pod: live[o.which % live.length]!.metadata!.name!,
                });
              // node-2 stays healthy: only node-1 fails.
              if (o.op === 'fail') s.dispatch({ kind: 'node-failure', node: 'node-1' });
              if (o.op === 'recover') s.dispatch({ kind: 'node-recover', node: 'node-1' });
            } catch {
              // refused actions change nothing
            }
          }
          // Long enough for grace + toleration + start.
          s.advanceTo(Math.max(s.nowMs, 400_000) + 400_000);
          const live = s.pods().filter((p) => !p.metadata?.deletionTimestamp);
          const readyLive = live.filter((p) =>
            p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
          );
          return live.length === replicas && readyLive.length === replicas;
        },
      ),
      { numRuns: 40 },
    );
  });
});
