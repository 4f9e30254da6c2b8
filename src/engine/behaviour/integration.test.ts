/**
 * The behaviour layer through the simulation's seam (src/engine/sim/behaviour.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultBehaviour } from '../sim/behaviour.ts';
import { createSimulation } from '../index.ts';
import type { Simulation } from '../index.ts';

function statusOf(s: Simulation, name: string) {
  const st = s.pod().status;
  return [...(st?.initContainerStatuses ?? []), ...(st?.containerStatuses ?? [])].find(
    (c) => c.name === name,
  );
}

const MYAPP = `apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app.kubernetes.io/name: MyApp
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done"]
`;

describe('through the simulation', () => {
  it('the docs init-container example: Init:0/2 until the Services exist, then Running', () => {
    const s = createSimulation({ manifest: MYAPP, seed: 1 });
    s.advance(60_000);
    expect(s.printRows()[0]).toMatchObject({ status: 'Init:0/2', ready: '0/1' });
    expect(s.logs('init-myservice')).toContain('waiting for myservice');
    expect(s.logs('init-myservice')).toContain(
      "nslookup: can't resolve 'myservice.default.svc.cluster.local'",
    );
    s.dispatch({ kind: 'create-service', name: 'myservice' });
    s.advance(3000);
    expect(statusOf(s, 'init-myservice')?.state?.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
    expect(s.printRows()[0]!.status).toBe('Init:1/2');
    // nslookup prints the address the cluster gave the Service.
    const ip = s.workloads?.().services.find((x) => x.metadata?.name === 'myservice')
      ?.spec?.clusterIP;
    expect(ip).toMatch(/^10\.9[6-9]\./);
    expect(s.logs('init-myservice').at(-1)).toBe(
      `Address 1: ${ip} myservice.default.svc.cluster.local`,
    );
    s.dispatch({ kind: 'create-service', name: 'mydb' });
    s.advance(30_000);
    expect(s.printRows()[0]).toMatchObject({ status: 'Running', ready: '1/1' });
    expect(s.logs('myapp-container')).toEqual(['The app is running!']);
  });

  it('a waiting loop keeps logging past the read-ahead (a repeating cycle)', () => {
    const s = createSimulation({ manifest: MYAPP, seed: 2 });
    s.advance(2 * 3_600_000);
    const logs = s.logs('init-myservice');
    expect(logs.slice(-5)).toEqual([
      'Server:    10.96.0.10',
      'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local',
      '',
      "nslookup: can't resolve 'myservice.default.svc.cluster.local'",
      'waiting for myservice',
    ]);
    s.dispatch({ kind: 'create-service', name: 'myservice' });
    s.advance(3000);
    expect(statusOf(s, 'init-myservice')?.state?.terminated?.exitCode).toBe(0);
    expect(s.logs('init-myservice').at(-2)).toBe('Name:      myservice.default.svc.cluster.local');
  });

  it('a Service that already exists lets the init container pass at once', () => {
    const s = createSimulation({ manifest: MYAPP, seed: 3 });
    s.dispatch({ kind: 'create-service', name: 'myservice' });
    s.dispatch({ kind: 'create-service', name: 'mydb' });
    s.advance(60_000);
    expect(s.printRows()[0]!.status).toBe('Running');
    expect(s.logs('init-myservice')).not.toContain('waiting for myservice');
  });

  it('busybox with no command: sh exits 0 at once → CrashLoopBackOff', () => {
    const s = createSimulation({
      manifest: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'bb' },
        spec: { containers: [{ name: 'c', image: 'busybox' }] },
      },
      seed: 1,
    });
    s.advance(120_000);
    expect(s.printRows()[0]!.status).toMatch(/^(CrashLoopBackOff|Completed)$/);
    expect(statusOf(s, 'c')?.restartCount).toBeGreaterThan(1);
  });

  it('trap … TERM with sleep & wait exits 0 at once on delete; a plain loop is SIGKILLed (137)', () => {
    const mk = (script: string) =>
      createSimulation({
        manifest: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 't' },
          spec: {
            terminationGracePeriodSeconds: 10,
            containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', script] }],
          },
        },
        seed: 1,
      });
    const trapped = mk("trap 'exit 0' TERM; while true; do sleep 3600 & wait; done");
    trapped.advance(20_000);
    trapped.dispatch({ kind: 'delete-pod' });
    trapped.advance(1000);
    expect(statusOf(trapped, 'c')?.state?.terminated?.exitCode).toBe(0);
    const plain = mk('while true; do sleep 1; done');
    plain.advance(20_000);
    plain.dispatch({ kind: 'delete-pod' });
    plain.advance(9_000);
    expect(statusOf(plain, 'c')?.state?.running).toBeDefined();
    plain.advance(2_000);
    expect(statusOf(plain, 'c')?.state?.terminated?.exitCode).toBe(137);
  });

  it('logs come from the interpreter, with --previous for the last instance', () => {
    const s = createSimulation({
      manifest: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'l' },
        spec: {
          containers: [
            {
              name: 'c',
              image: 'busybox',
              command: ['sh', '-c', 'echo hello from $(hostname); date; sleep 5; exit 3'],
            },
          ],
        },
      },
      seed: 1,
    });
    s.advance(30_000);
    const prev = s.logs('c', { previous: true });
    expect(prev[0]).toBe('hello from l');
    expect(prev[1]).toMatch(/^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}$/);
    expect(statusOf(s, 'c')?.lastState?.terminated?.exitCode).toBe(3);
  });

  it('image sizes in Pulled events come from the catalogue', () => {
    const s = createSimulation({
      manifest: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'n' },
        spec: { containers: [{ name: 'c', image: 'busybox:1.28' }] },
      },
      seed: 1,
    });
    s.advance(10_000);
    const pulled = s.events().find((e) => e.reason === 'Pulled');
    expect(pulled?.message).toContain('Image size: 727869 bytes');
  });

  it('the runtime view shows what runs inside each container: processes, ports, files', () => {
    const s = createSimulation({
      manifest: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'v' },
        spec: {
          volumes: [{ name: 'data', emptyDir: {} }],
          containers: [
            { name: 'web', image: 'nginx:1.27' },
            {
              name: 'writer',
              image: 'busybox',
              command: [
                'sh',
                '-c',
                'echo hi > /data/a.txt; echo tmp > /tmp/b; (sleep 2 &); exec sleep 3600',
              ],
              volumeMounts: [{ name: 'data', mountPath: '/data' }],
            },
          ],
        },
      },
      seed: 1,
    });
    s.advance(60_000);
    const rt = s.runtime();
    const web = rt.containers.find((c) => c.name === 'web')!.inside!;
    expect(web.processes.map((p) => p.command)).toEqual([
      'nginx: master process nginx -g daemon off;',
      'nginx: worker process',
    ]);
    expect(web.listening).toEqual([80]);
    const writer = rt.containers.find((c) => c.name === 'writer')!.inside!;
    expect(writer.processes).toMatchObject([
      { pid: 1, command: 'sleep 3600', state: 'sleeping' },
      { ppid: 1, command: '[sleep] <defunct>', state: 'zombie' },
    ]);
    expect(writer.files).toEqual([
      { path: '/tmp/b', size: 4, preview: 'tmp\n', where: 'layer' },
      { path: '/data/a.txt', size: 3, preview: 'hi\n', where: 'data' },
    ]);
  });

  it('a second nginx in the pod cannot bind port 80: it exits 1 and crash-loops', () => {
    const s = createSimulation({
      manifest: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'two' },
        spec: {
          containers: [
            { name: 'a', image: 'nginx:1.27' },
            { name: 'b', image: 'nginx:1.27' },
          ],
        },
      },
      seed: 1,
    });
    s.advance(120_000);
    expect(statusOf(s, 'a')?.state?.running).toBeDefined();
    expect(statusOf(s, 'a')?.restartCount).toBe(0);
    expect(statusOf(s, 'b')?.restartCount).toBeGreaterThan(1);
    expect(statusOf(s, 'b')?.lastState?.terminated?.exitCode).toBe(1);
    expect(s.logs('b', { previous: true }).at(-1)).toBe('nginx: [emerg] still could not bind()');
    expect(s.printRows()[0]!.status).toMatch(/^(CrashLoopBackOff|Error)$/);
  });

  it('a sidecar reaches nginx over localhost; with a shared PID namespace ps shows /pause and nginx', () => {
    const s = createSimulation({
      manifest: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'pair' },
        spec: {
          shareProcessNamespace: true,
          containers: [
            { name: 'web', image: 'nginx:1.27' },
            {
              name: 'probe',
              image: 'busybox',
              command: [
                'sh',
                '-c',
                'sleep 1; wget -qO- localhost | head -n 4 | tail -n 1; ps; sleep 3600',
              ],
            },
          ],
        },
      },
      seed: 1,
    });
    s.advance(60_000);
    const out = s.logs('probe');
    expect(out[0]).toBe('<title>Welcome to nginx!</title>');
    expect(out).toContain('    1 root      0:00 /pause');
    expect(out.some((l) => l.includes('nginx: master process'))).toBe(true);
    const webInside = s.runtime().containers.find((c) => c.name === 'web')!.inside!;
    expect(webInside.connections).toMatchObject([
      { from: 'probe', to: 'web', port: 80, via: 'localhost', ok: true, summary: 'GET / → 200' },
    ]);
    const inside = s.runtime().containers.find((c) => c.name === 'probe')!.inside!;
    expect(inside.connections).toHaveLength(1);
    expect(inside.processes.map((p) => p.command)).toEqual([
      'sh -c sleep 1; wget -qO- localhost | head -n 4 | tail -n 1; ps; sleep 3600',
      'sleep 3600',
    ]);
  });

  it('notes name what Podscope could not simulate', () => {
    const prog = defaultBehaviour.program(
      { name: 'c', image: 'busybox', command: ['sh', '-c', 'awk 1 /etc/hosts; sleep 10'] },
      { podName: 'p' },
    );
    expect(prog.note).toContain('unsupported command `awk`: treated as succeeding with no output');
    expect(prog.notices).toEqual([
      'unsupported command `awk`: treated as succeeding with no output',
    ]);
  });

  it('the seam answers every random container without throwing', () => {
    const words = [
      'echo hi',
      'sleep 1',
      'exit 3',
      'trap "exit 0" TERM',
      'while true; do sleep 2; done',
      'nginx',
      'wget -qO- localhost',
      'ps',
      'nslookup x',
      '(sleep 1 &)',
      'kill 1',
      'ipcmk -M 10',
      'cat /nope',
      'echo x > /data/f',
      '&&',
      '||',
      ';',
      '|',
      'awk',
      'case',
      'exec sleep 5',
      '$(',
      '"',
    ];
    const images = [
      'busybox',
      'nginx',
      'alpine',
      'debian',
      'redis',
      'postgres',
      'ghcr.io/x/y:1',
      'python:3',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...images),
        fc.array(fc.constantFrom(...words), { maxLength: 8 }),
        fc.boolean(),
        (image, ws, shell) => {
          const c = {
            name: 'c',
            image,
            ...(shell ? { command: ['sh', '-c', ws.join(' ')] } : ws.length ? { args: ws } : {}),
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
          };
          const prog = defaultBehaviour.program(c, {
            podName: 'p',
            peers: [{ container: { name: 'n', image: 'nginx' }, sinceMs: -1000 }],
            services: [],
          });
          expect(prog.exit === undefined || Number.isInteger(prog.exit.code)).toBe(true);
          expect(['exit', 'ignore']).toContain(prog.onStop.kind);
          expect(prog.note).not.toMatch(/could not read/);
          const inside = defaultBehaviour.inside!(c, { podName: 'p', elapsedMs: 3000 });
          expect(Array.isArray(inside.processes)).toBe(true);
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });

  it('a sidecar listed before nginx reaches it once nginx has started (containers started next are anticipated)', () => {
    const s = createSimulation({
      manifest: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'order' },
        spec: {
          containers: [
            {
              name: 'poller',
              image: 'busybox',
              command: [
                'sh',
                '-c',
                'while true; do wget -q -O /dev/null localhost && echo up || echo down; sleep 5; done',
              ],
            },
            { name: 'web', image: 'nginx:1.27' },
          ],
        },
      },
      seed: 1,
    });
    s.advance(60_000);
    const logs = s.logs('poller');
    expect(logs.at(-1)).toBe('up');
  });
});
