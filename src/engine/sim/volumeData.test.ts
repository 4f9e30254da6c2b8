/**
 * Volumes are pod state: files outlive the container instance that wrote them
 * (kubelet: an emptyDir is created when the pod is bound to the node and
 * removed with the pod; a container's writable layer goes with the container).
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, restoreSimulation } from '../index.ts';
import { podYaml, sim } from './testkit.ts';

const files = (s: ReturnType<typeof sim>, volume = 'data') =>
  Object.fromEntries(
    (s.runtime().volumes.find((v) => v.name === volume)?.files ?? []).map((f) => [
      f.path,
      f.preview,
    ]),
  );

describe('volume data is the pod’s, not a running container’s', () => {
  it('the docs’ “Configure Pod Initialization”: nginx serves the page the init container saved', () => {
    const s = createSimulation({
      manifest: podYaml(
        `containers:
- name: nginx
  image: nginx
  ports:
  - containerPort: 80
  volumeMounts:
  - name: workdir
    mountPath: /usr/share/nginx/html
- name: check
  image: busybox:1.36
  command: ['sh', '-c', 'sleep 2; wget -qO- http://localhost/; sleep 3600']
initContainers:
- name: install
  image: busybox:1.28
  command:
  - wget
  - "-O"
  - "/work-dir/index.html"
  - http://info.cern.ch
  volumeMounts:
  - name: workdir
    mountPath: "/work-dir"
dnsPolicy: Default
volumes:
- name: workdir
  emptyDir: {}`,
        'init-demo',
      ),
    });
    s.advance(30_000);
    expect(s.printRows()[0]).toMatchObject({ ready: '2/2', status: 'Running' });
    expect(s.logs('check')).toContain('<h1>http://info.cern.ch - home of the first website</h1>');
    expect(s.logs('check').join('\n')).not.toContain('Welcome to nginx');
    expect(Object.keys(files(s, 'workdir'))).toEqual(['index.html']);
  });

  it.each([
    // [what, spec, advance, container, expected last log line]
    [
      'an init container counts its tries in an emptyDir across its restarts',
      `initContainers:
- name: count
  image: busybox:1.36
  command: ['sh', '-c', 'echo try >> /data/tries; n=$(wc -l < /data/tries); echo "try $n"; [ "$n" -ge 3 ]']
  volumeMounts: [{ name: data, mountPath: /data }]
containers:
- name: app
  image: busybox:1.36
  command: ['sh', '-c', 'cat /data/tries | wc -l; sleep 3600']
  volumeMounts: [{ name: data, mountPath: /data }]
volumes: [{ name: data, emptyDir: {} }]`,
      60_000,
      'app',
      /^3$/,
    ],
    [
      'a restarted container reads what its previous instance wrote',
      `containers:
- name: app
  image: busybox:1.36
  command: ['sh', '-c', 'cat /data/last 2>/dev/null || echo none; date +%s > /data/last; sleep 2; exit 1']
  volumeMounts: [{ name: data, mountPath: /data }]
volumes: [{ name: data, emptyDir: {} }]`,
      5_000,
      'app',
      /^17356896\d\d$/,
    ],
    [
      'its own writable layer is lost on restart',
      `containers:
- name: app
  image: busybox:1.36
  command: ['sh', '-c', 'cat /tmp/mark 2>/dev/null || echo fresh; echo here > /tmp/mark; sleep 2; exit 1']
volumes: [{ name: data, emptyDir: {} }]`,
      5_000,
      'app',
      /^fresh$/,
    ],
    [
      'a container started later sees what another wrote earlier',
      `initContainers:
- name: writer
  image: busybox:1.36
  command: ['sh', '-c', 'echo hello > /out/greeting']
  volumeMounts: [{ name: data, mountPath: /out }]
containers:
- name: reader
  image: busybox:1.36
  command: ['sh', '-c', 'cat /in/greeting; sleep 3600']
  volumeMounts: [{ name: data, mountPath: /in }]
volumes: [{ name: data, emptyDir: {} }]`,
      20_000,
      'reader',
      /^hello$/,
    ],
  ])('%s', (_what, spec, ms, container, last) => {
    const s = sim(spec);
    s.advance(ms);
    expect(s.logs(container).at(-1)).toMatch(last);
  });

  it('the volume card shows the files as they are, and nothing once the pod is deleted', () => {
    const s = sim(`containers:
- name: app
  image: busybox:1.36
  command: ['sh', '-c', 'sleep 1; echo one > /data/a; sleep 2; rm /data/a; echo two > /data/b; sleep 3600']
  volumeMounts: [{ name: data, mountPath: /data }]
- name: side
  image: busybox:1.36
  command: ['sh', '-c', 'echo x > /tmp/layer-only; sleep 3600']
volumes: [{ name: data, emptyDir: {} }]`);
    s.advance(3_000);
    expect(files(s)).toEqual({ a: 'one\n' });
    s.advance(3_000);
    expect(files(s)).toEqual({ b: 'two\n' });
    s.dispatch({ kind: 'crash', container: 'app' });
    s.advance(1_000);
    // The writer died; its file did not.
    expect(files(s)).toEqual({ b: 'two\n' });
    s.dispatch({ kind: 'delete-pod' });
    s.advance(60_000);
    expect(files(s)).toEqual({});
  });

  it('is deterministic across a snapshot', () => {
    const spec = `initContainers:
- name: count
  image: busybox:1.36
  command: ['sh', '-c', 'echo try >> /data/tries; [ $(wc -l < /data/tries) -ge 4 ]']
  volumeMounts: [{ name: data, mountPath: /data }]
containers:
- name: app
  image: nginx:1.27
volumes: [{ name: data, emptyDir: {} }]`;
    const a = sim(spec);
    a.advance(20_000);
    const snap = a.snapshot();
    a.advance(100_000);
    const r = restoreSimulation(JSON.parse(JSON.stringify(snap)) as typeof snap);
    r.advance(100_000);
    expect(r.runtime().volumes).toEqual(a.runtime().volumes);
    expect(files(a)).toEqual({ tries: 'try\ntry\ntry\ntry\n' });
  });
});
