import { describe, expect, it } from 'vitest';
import { frameFixture, podFixture, podInputFixture } from './fixtures.ts';
import { buildAnatomy, buildPod, defaultPullPolicy } from './model.ts';
import { CARD_W, GAP, layout, layoutAnatomy, structureKey } from './layout.ts';

describe('model', () => {
  it('reads container states in the kubelet words', () => {
    const pod = buildPod(podInputFixture());
    const byName = Object.fromEntries(pod.containers.map((c) => [c.name, c]));
    expect(byName['init-html']).toMatchObject({
      kind: 'init',
      order: 1,
      reason: 'Completed',
      tone: 'done',
    });
    expect(byName['log-agent']).toMatchObject({
      kind: 'sidecar',
      order: 2,
      reason: 'Running',
      tone: 'ok',
    });
    expect(byName['web']).toMatchObject({
      kind: 'app',
      reason: 'CrashLoopBackOff',
      tone: 'bad',
      restartCount: 3,
      lastExit: { code: 1, reason: 'Error' },
      backOffUntilMs: 70_000,
      pullPolicy: 'IfNotPresent',
      ports: [80],
    });
    expect(pod.volumes.map((v) => [v.name, v.mounts.map((m) => m.container)])).toEqual([
      ['html', ['init-html', 'web']],
      ['shared-logs', ['log-agent', 'web']],
    ]);
  });

  it("lists the files containers wrote into each volume, and the engine's process list", () => {
    const input = podInputFixture();
    const rt = input.runtime as { containers: { name: string; inside?: unknown }[] };
    rt.containers[2]!.inside = {
      processes: [
        { pid: 1, ppid: 0, command: '/pause', state: 'sleeping' },
        { pid: 9, ppid: 1, command: 'sh', state: 'zombie' },
      ],
      files: [
        { path: '/var/log/nginx/access.log', size: 120, where: 'shared-logs' },
        { path: '/tmp/x', size: 1, where: 'layer' },
      ],
    };
    input.pod.spec!.shareProcessNamespace = true;
    const pod = buildPod(input);
    expect(pod.volumes.find((v) => v.name === 'shared-logs')?.files).toEqual([
      { path: '/var/log/nginx/access.log', size: 120 },
    ]);
    expect(pod.volumes.find((v) => v.name === 'html')?.files).toEqual([]);
    expect(pod.processes.map((p) => `${p.pid} ${p.command} ${p.state}`)).toEqual([
      '1 /pause sleeping',
      '9 sh zombie',
    ]);
  });

  it('defaults a missing status to PodInitializing when the pod has init containers', () => {
    const pod = buildPod(podInputFixture(podFixture({ status: { phase: 'Pending' } })));
    expect(pod.containers.every((c) => c.reason === 'PodInitializing' && c.state === 'none')).toBe(
      true,
    );
  });

  it('applies the API server pull-policy default', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always');
    expect(defaultPullPolicy('nginx:latest')).toBe('Always');
    expect(defaultPullPolicy('nginx:1.25')).toBe('IfNotPresent');
    expect(defaultPullPolicy('nginx@sha256:abc')).toBe('IfNotPresent');
    expect(defaultPullPolicy('nginx:latest@sha256:abc')).toBe('Always');
    expect(defaultPullPolicy('registry:5000/app')).toBe('Always');
  });

  it('caches the model per frame object', () => {
    const f = frameFixture();
    expect(buildAnatomy(f)).toBe(buildAnatomy(f));
  });
});

describe('layout', () => {
  it('puts the node around the pod, init containers in order, the sandbox at the foundation', () => {
    const { nodes, edges } = layout(frameFixture());
    const ids = nodes.map((n) => n.id);
    expect(ids[0]).toBe('node:node-1');
    expect(ids).toContain('pod:myapp-pod');
    const at = (id: string) => nodes.find((n) => n.id === id)!;
    const init1 = at('pod:myapp-pod/c/init-html');
    const init2 = at('pod:myapp-pod/c/log-agent');
    const web = at('pod:myapp-pod/c/web');
    const sandbox = at('pod:myapp-pod/sandbox');
    expect(init1.parentId).toBe('pod:myapp-pod');
    expect(init2.position.x - init1.position.x).toBe(CARD_W + GAP);
    expect(init2.position.y).toBe(init1.position.y);
    expect(web.position.y).toBeGreaterThan(init1.position.y);
    expect(sandbox.position.y).toBeGreaterThan(web.position.y);
    expect(edges.find((e) => e.id.includes('/order/'))).toMatchObject({
      source: 'pod:myapp-pod/c/init-html',
      target: 'pod:myapp-pod/c/log-agent',
    });
    expect(
      edges
        .filter((e) => e.id.includes('/mount/'))
        .map((e) => e.target)
        .sort(),
    ).toEqual([
      'pod:myapp-pod/c/init-html',
      'pod:myapp-pod/c/log-agent',
      'pod:myapp-pod/c/web',
      'pod:myapp-pod/c/web',
    ]);
  });

  it('places parents before children and keeps every child inside its parent', () => {
    const { nodes } = layout(frameFixture());
    const seen = new Map(nodes.map((n, i) => [n.id, i]));
    for (const [i, n] of nodes.entries()) {
      if (!n.parentId) continue;
      const parent = nodes[seen.get(n.parentId)!]!;
      expect(seen.get(n.parentId)!).toBeLessThan(i);
      expect(n.position.x + (n.width ?? 0)).toBeLessThanOrEqual(parent.width!);
      expect(n.position.y + (n.height ?? 0)).toBeLessThanOrEqual(parent.height!);
    }
  });

  it('is stable: state changes do not move anything', () => {
    const a = layout(
      frameFixture(0, [podInputFixture(podFixture({ status: { phase: 'Pending' } }))]),
    );
    const b = layout(frameFixture(90_000));
    expect(b.nodes.map((n) => [n.id, n.position])).toEqual(a.nodes.map((n) => [n.id, n.position]));
    expect(structureKey(buildAnatomy(frameFixture(1)))).toBe(
      structureKey(buildAnatomy(frameFixture(2))),
    );
  });

  it('wraps a 20-container pod into rows and shows lost pods', () => {
    const pod = podFixture();
    pod.spec!.containers = Array.from({ length: 20 }, (_, i) => ({
      name: `c${i}`,
      image: 'busybox',
    }));
    const vm = buildAnatomy(frameFixture(0, [podInputFixture(pod)]));
    const ghost = { ...vm.nodes[0]!.pods[0]!, name: 'old-pod', gone: true };
    const { nodes } = layoutAnatomy(vm, [ghost]);
    const apps = nodes.filter((n) => /\/c\/c\d+$/.test(n.id) && n.parentId === 'pod:myapp-pod');
    expect(apps).toHaveLength(20);
    expect(new Set(apps.map((n) => n.position.y)).size).toBe(5);
    expect(nodes.find((n) => n.id === 'pod:old-pod')?.data.gone).toBe(true);
  });
});

describe('namespace wires', () => {
  it.each(['full', 'compact', 'narrow'] as const)(
    'at the %s level every container is wired to the pause container, under its card',
    (detail) => {
      const { nodes, edges } = layout(frameFixture(), { detail });
      const cards = nodes.filter((n) => n.type === 'container');
      const wires = edges.filter((e) => e.id.includes('/ns/'));
      expect(wires.map((w) => w.source).sort()).toEqual(cards.map((c) => c.id).sort());
      const sandbox = nodes.find((n) => n.type === 'sandbox')!;
      expect(wires.every((w) => w.target === sandbox.id)).toBe(true);
      for (const c of cards) {
        const end = sandbox.data.wires!.find((w) => c.id.endsWith(`/c/${w.container}`))!;
        // The wire arrives straight below the card's centre.
        expect(sandbox.position.x + end.x).toBeCloseTo(c.position.x + c.width! / 2);
      }
    },
  );

  it('the PID namespace is part of the wire only with shareProcessNamespace', () => {
    const vm = buildAnatomy(frameFixture());
    const pod = vm.nodes.flatMap((n) => n.pods)[0]!;
    const plain = layoutAnatomy(vm).edges.filter((e) => e.id.includes('/ns/'));
    expect(plain.every((e) => !String(e.className).includes('--pid'))).toBe(!pod.pidShared);
    const shared = {
      ...vm,
      nodes: vm.nodes.map((n) => ({ ...n, pods: n.pods.map((p) => ({ ...p, pidShared: true })) })),
    };
    const wired = layoutAnatomy(shared).edges.filter((e) => e.id.includes('/ns/'));
    expect(wired.every((e) => String(e.className).includes('podscope-edge-ns--pid'))).toBe(true);
    expect(wired[0]!.ariaLabel).toContain('PID');
    expect(structureKey(shared)).not.toBe(structureKey(vm));
  });
});

describe('the init gate', () => {
  it('joins the last init container to the first app container, at every level', () => {
    for (const detail of ['full', 'compact', 'narrow'] as const) {
      const { edges } = layout(frameFixture(), { detail });
      const gate = edges.find((e) => e.type === 'gate')!;
      expect(gate.source).toMatch(/\/c\/log-agent$/);
      expect(gate.target).toMatch(/\/c\/web$/);
      expect(gate.data).toEqual({ podName: 'myapp-pod' });
    }
  });

  it('opens from the pod’s Initialized condition, and only when it is True', () => {
    const initialized = (conditions?: { type: string; status: string }[]) =>
      buildAnatomy(
        frameFixture(0, [
          podInputFixture(podFixture({ status: { phase: 'Pending', conditions } })),
        ]),
      ).nodes.flatMap((n) => n.pods)[0]!.initialized;
    expect(initialized([{ type: 'Initialized', status: 'True' }])).toBe(true);
    expect(initialized([{ type: 'Initialized', status: 'False' }])).toBe(false);
    expect(initialized([{ type: 'Ready', status: 'True' }])).toBe(false);
    expect(initialized(undefined)).toBe(false);
  });
});
