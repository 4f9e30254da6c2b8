import { describe, expect, it } from 'vitest';
import type { Container } from 'kubernetes-types/core/v1';
import {
  KUBE_LIFECYCLE_AGENT,
  containerLogs,
  killContainer,
  probeHttp,
  probeTcp,
  runExec,
  runtimeView,
  signalContainer,
  startSandbox,
  stopSandbox,
} from './index.ts';
import { harness } from './testkit.ts';

function pod(containers: Container[], extra: Record<string, unknown> = {}) {
  return harness({ metadata: { name: 'web' }, spec: { containers, ...extra } });
}

describe('network namespace', () => {
  it('containers share localhost: curl/wget from one container reaches nginx in another, and the connection is recorded', () => {
    const h = pod([
      { name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] },
      {
        name: 'client',
        image: 'busybox',
        command: [
          'sh',
          '-c',
          'sleep 1; wget -qO- http://localhost:80/ | head -n 4; wget -q -O- 127.0.0.1/nope; echo rc=$?',
        ],
      },
    ]);
    h.start('nginx');
    h.start('client');
    h.run(1000);
    expect(containerLogs(h.sys, 'client')).toEqual([
      '<!DOCTYPE html>',
      '<html>',
      '<head>',
      '<title>Welcome to nginx!</title>',
      'wget: server returned error: HTTP/1.1 404 Not Found',
      'rc=1',
    ]);
    const nginxLogs = containerLogs(h.sys, 'nginx');
    expect(nginxLogs[0]).toBe(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    );
    expect(nginxLogs.some((l) => /start worker processes/.test(l))).toBe(true);
    expect(
      nginxLogs.filter((l) => l.startsWith('127.0.0.1 - - [01/Jan/2025:00:00:01 +0000] "GET')),
    ).toHaveLength(2);
    const view = runtimeView(h.sys);
    expect(view.containers.find((c) => c.name === 'nginx')!.listening).toMatchObject([
      { port: 80, declared: true },
    ]);
    expect(view.connections).toMatchObject([
      {
        from: 'client',
        to: 'nginx',
        port: 80,
        via: 'localhost',
        ok: true,
        atMs: 1000,
        summary: 'GET / → 200',
      },
      { from: 'client', to: 'nginx', port: 80, ok: true, summary: 'GET /nope → 404' },
    ]);
    expect(view.containers.find((c) => c.name === 'nginx')!.declaredPorts).toEqual([
      {
        container: 'nginx',
        containerPort: 80,
        hostPort: undefined,
        protocol: 'TCP',
        name: undefined,
      },
    ]);
  });

  it('nothing listening: connection refused (wget exit 1, curl exit 7)', () => {
    const h = pod([
      {
        name: 'c',
        image: 'curlimages/curl',
        command: ['sh', '-c', 'curl -s localhost:8080; echo curl=$?'],
      },
    ]);
    h.start('c');
    expect(containerLogs(h.sys, 'c')).toEqual(['curl=7']);
    const w = pod([{ name: 'c', image: 'busybox', command: ['wget', 'localhost:8080'] }]);
    w.start('c');
    expect(containerLogs(w.sys, 'c')).toContain(
      "wget: can't connect to remote host (127.0.0.1): Connection refused",
    );
    expect(w.exits('c')[0]?.exitCode).toBe(1);
  });

  it('a second listener on a taken port fails to bind: nginx retries 5 times, exits 1 (→ CrashLoopBackOff)', () => {
    const h = pod([
      { name: 'a', image: 'nginx' },
      { name: 'b', image: 'nginx' },
    ]);
    h.start('a');
    h.start('b');
    h.run(1999);
    expect(h.exits('b')).toEqual([]);
    h.run(1);
    expect(h.exits('b')[0]).toMatchObject({ exitCode: 1, atMs: 2000, reason: 'Error' });
    const logs = containerLogs(h.sys, 'b');
    expect(
      logs.filter((l) => /bind\(\) to 0\.0\.0\.0:80 failed \(98: Address in use\)/.test(l)),
    ).toHaveLength(10);
    expect(logs[logs.length - 1]).toBe('nginx: [emerg] still could not bind()');
    expect(h.exits('a')).toEqual([]);
  });

  it('listeners of every kind: nc -l, python -m http.server, busybox httpd -f -p', () => {
    const h = pod([
      { name: 'nc', image: 'busybox', command: ['nc', '-l', '-p', '9000'] },
      { name: 'py', image: 'python:3.12', command: ['python', '-m', 'http.server', '8000'] },
      { name: 'bb', image: 'busybox', command: ['httpd', '-f', '-p', '8080', '-h', '/www'] },
      {
        name: 'client',
        image: 'busybox',
        command: [
          'sh',
          '-c',
          'sleep 1; wget -qO- localhost:8000/; nc -z localhost 8080 && echo up; wget -qO- localhost:9000; echo nc=$?',
        ],
      },
    ]);
    for (const c of ['nc', 'py', 'bb', 'client']) h.start(c);
    expect(probeTcp(h.sys, 9000) && probeTcp(h.sys, 8000) && probeTcp(h.sys, 8080)).toBe(true);
    h.run(1000);
    expect(containerLogs(h.sys, 'client')).toEqual([
      'Directory listing for /',
      'up',
      'wget: error getting response: Connection reset by peer',
      'nc=1',
    ]);
    expect(containerLogs(h.sys, 'py')[0]).toBe(
      'Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...',
    );
    expect(containerLogs(h.sys, 'nc')).toContain('GET / HTTP/1.1');
    // nc -l without -k exits after its one connection.
    expect(h.exits('nc')[0]).toMatchObject({ exitCode: 0 });
  });

  it('busybox httpd without -f daemonizes: the main process exits 0 at once', () => {
    const h = pod([{ name: 'c', image: 'busybox', command: ['httpd', '-p', '8080'] }]);
    h.start('c');
    expect(h.exits('c')[0]).toMatchObject({ exitCode: 0, atMs: 0, reason: 'Completed' });
  });

  it('HTTP and TCP probes see the shared port space', () => {
    const h = pod([{ name: 'nginx', image: 'nginx' }]);
    expect(probeTcp(h.sys, 80)).toBe(false);
    h.start('nginx');
    expect(probeTcp(h.sys, 80)).toBe(true);
    expect(probeHttp(h.sys, 80, '/', h.ctx())).toEqual({ status: 200 });
    expect(probeHttp(h.sys, 81, '/', h.ctx())).toEqual({
      error: 'dial tcp 10.244.1.7:81: connect: connection refused',
    });
    expect(containerLogs(h.sys, 'nginx').pop()).toMatch(
      /"GET \/ HTTP\/1.1" 200 \d+ "-" "kube-probe\/1.35" "-"$/,
    );
  });

  it('a lifecycle httpGet says kube-lifecycle/1.35; a loopback-only listener refuses the pod IP', () => {
    const h = pod([
      { name: 'nginx', image: 'nginx' },
      {
        name: 'etcd',
        image: 'registry.k8s.io/etcd:3.5.1-0',
        command: ['etcd', '--data-dir', '/var/lib/etcd'],
      },
    ]);
    h.start('nginx');
    probeHttp(h.sys, 80, '/', h.ctx(), KUBE_LIFECYCLE_AGENT);
    expect(containerLogs(h.sys, 'nginx').pop()).toMatch(/"kube-lifecycle\/1.35" "-"$/);
    h.start('etcd');
    h.run(2000);
    // etcd's default client URL is http://localhost:2379: 127.0.0.1 only.
    expect(probeTcp(h.sys, 2379)).toBe(false);
    expect(probeHttp(h.sys, 2379, '/health', h.ctx())).toEqual({
      error: 'dial tcp 10.244.1.7:2379: connect: connection refused',
    });
  });

  it('wget SERVICE:PORT resolves through the injected Service lookup', () => {
    const h = pod([
      {
        name: 'c',
        image: 'busybox',
        command: [
          'sh',
          '-c',
          'wget -qO- backend:8080 || echo down; sleep 5; wget -qO- backend.default.svc.cluster.local:8080',
        ],
      },
    ]);
    h.cluster.connect = () => true;
    h.start('c');
    h.addService('backend', 8080);
    h.run(5000);
    expect(containerLogs(h.sys, 'c')).toEqual([
      "wget: bad address 'backend'",
      'down',
      '(response of Service backend)',
    ]);
    expect(runtimeView(h.sys).connections.at(-1)).toMatchObject({
      via: 'service',
      port: 8080,
      ok: true,
    });
  });
});

describe('UTS and IPC namespaces', () => {
  it('every container sees the pod hostname', () => {
    const h = pod([
      { name: 'a', image: 'busybox', command: ['hostname'] },
      { name: 'b', image: 'alpine', command: ['sh', '-c', 'cat /etc/hostname; hostname -i'] },
    ]);
    h.start('a');
    h.start('b');
    expect(containerLogs(h.sys, 'a')).toEqual(['web']);
    expect(containerLogs(h.sys, 'b')).toEqual(['web', '10.244.1.7']);
  });

  it('a System V segment one container makes is visible to the others (ipcmk / ipcs)', () => {
    const h = pod([
      { name: 'producer', image: 'busybox', command: ['sh', '-c', 'ipcmk -M 1024; sleep 3600'] },
      { name: 'consumer', image: 'busybox', command: ['sh', '-c', 'sleep 1; ipcs -m'] },
    ]);
    h.start('producer');
    h.start('consumer');
    h.run(1000);
    expect(containerLogs(h.sys, 'producer')).toEqual(['Shared memory id: 0']);
    const out = containerLogs(h.sys, 'consumer');
    expect(out).toContain('------ Shared Memory Segments --------');
    expect(out.some((l) => /^0x[0-9a-f]{8} 0\s+root\s+644\s+1024\s+0/.test(l))).toBe(true);
    expect(runtimeView(h.sys).ipc).toMatchObject([
      { kind: 'shm', bytes: 1024, creator: 'producer' },
    ]);
  });

  it('the IPC namespace belongs to the sandbox: a new sandbox starts with none', () => {
    const h = pod([{ name: 'p', image: 'busybox', command: ['ipcmk', '-Q'] }]);
    h.start('p');
    expect(h.sys.ipc).toHaveLength(1);
    stopSandbox(h.sys, h.ctx());
    startSandbox(h.sys, 1, '10.244.1.9', h.ctx());
    expect(h.sys.ipc).toHaveLength(0);
    expect(h.sys.podIP).toBe('10.244.1.9');
  });
});

describe('PID namespace', () => {
  const ps = ['sh', '-c', 'sleep 1; ps'];

  it('by default each container sees only its own processes, its first process is PID 1', () => {
    const h = pod([
      { name: 'app', image: 'busybox', command: ['sh', '-c', 'while true; do sleep 10; done'] },
      { name: 'shell', image: 'busybox', command: ps },
    ]);
    h.start('app');
    h.start('shell');
    h.run(1000);
    expect(containerLogs(h.sys, 'shell')).toEqual([
      'PID   USER     TIME  COMMAND',
      '    1 root      0:00 sh -c sleep 1; ps',
    ]);
  });

  it('with shareProcessNamespace every container sees every process and /pause is PID 1', () => {
    const h = pod(
      [
        { name: 'nginx', image: 'nginx' },
        { name: 'shell', image: 'busybox', command: ps },
      ],
      { shareProcessNamespace: true },
    );
    h.start('nginx');
    h.start('shell');
    h.run(1000);
    const out = containerLogs(h.sys, 'shell');
    expect(out[1]).toBe('    1 root      0:00 /pause');
    expect(out.some((l) => /nginx: master process/.test(l))).toBe(true);
    expect(out.some((l) => /nginx: worker process/.test(l))).toBe(true);
    expect(out.at(-1)).toMatch(/sh -c sleep 1; ps$/);
    // nginx is no longer PID 1: in the docs' example the shell can signal it.
    const view = runtimeView(h.sys);
    expect(view.pause).toMatchObject({ pid: 1, command: '/pause', init: true });
    expect(view.containers[0]!.processes[0]!.init).toBe(false);
  });

  it('kill -HUP from one container reaches nginx in another (shared namespace)', () => {
    const h = pod(
      [
        { name: 'nginx', image: 'nginx' },
        { name: 'shell', image: 'busybox', command: ['sh', '-c', 'kill -HUP 2'] },
      ],
      { shareProcessNamespace: true },
    );
    h.start('nginx');
    h.start('shell');
    expect(containerLogs(h.sys, 'nginx').at(-1)).toMatch(
      /signal 1 \(SIGHUP\) received, reconfiguring$/,
    );
    const alone = pod([
      { name: 'nginx', image: 'nginx' },
      { name: 'shell', image: 'busybox', command: ['sh', '-c', 'kill -HUP 2; echo rc=$?'] },
    ]);
    alone.start('nginx');
    alone.start('shell');
    expect(containerLogs(alone.sys, 'shell')).toEqual([
      "kill: can't kill pid 2: No such process",
      'rc=1',
    ]);
  });

  it('an orphan becomes a zombie that nobody reaps when PID 1 never waits', () => {
    const h = pod([
      { name: 'c', image: 'busybox', command: ['sh', '-c', '(sleep 2 &); exec sleep 3600'] },
    ]);
    h.start('c');
    h.run(1000);
    expect(
      runtimeView(h.sys).containers[0]!.processes.map((p) => [p.pid, p.ppid, p.command, p.state]),
    ).toEqual([
      [1, 0, 'sleep 3600', 'sleeping'],
      [3, 1, 'sleep 2', 'sleeping'],
    ]);
    h.run(1500);
    const procs = runtimeView(h.sys).containers[0]!.processes;
    expect(procs[1]).toMatchObject({
      pid: 3,
      ppid: 1,
      command: '[sleep] <defunct>',
      state: 'zombie',
    });
  });

  it('with a shared namespace the orphan goes to /pause, which reaps it', () => {
    const h = pod(
      [{ name: 'c', image: 'busybox', command: ['sh', '-c', '(sleep 2 &); exec sleep 3600'] }],
      { shareProcessNamespace: true },
    );
    h.start('c');
    h.run(1000);
    const before = runtimeView(h.sys).containers[0]!.processes;
    expect(before.find((p) => p.command === 'sleep 2')).toMatchObject({ ppid: 1 });
    h.run(1500);
    expect(runtimeView(h.sys).containers[0]!.processes.map((p) => p.command)).toEqual([
      'sleep 3600',
    ]);
    const pid = before.find((p) => p.command === 'sleep 2')!.pid;
    const ev = h.sys.procEvents.filter(
      (e) => e.pid === pid && e.kind !== 'start' && e.kind !== 'exit',
    );
    expect(ev.map((e) => [e.kind, e.detail])).toEqual([
      ['reparented', 'to PID 1 (/pause)'],
      ['zombie', 'parent 1'],
      ['reaped', 'by /pause (PID 1)'],
    ]);
  });

  it('PID 1 ignores SIGTERM without a handler, but not when /pause is PID 1', () => {
    const alone = pod([{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }]);
    alone.start('c');
    signalContainer(alone.sys, 'c', undefined, alone.ctx());
    alone.run(30_000);
    expect(alone.exits('c')).toEqual([]);
    alone.occ.push(...killContainer(alone.sys, 'c', alone.ctx()));
    expect(alone.exits('c')[0]).toMatchObject({ exitCode: 137, signal: 'SIGKILL' });

    const shared = pod([{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }], {
      shareProcessNamespace: true,
    });
    shared.start('c');
    shared.occ.push(...signalContainer(shared.sys, 'c', undefined, shared.ctx()));
    expect(shared.exits('c')[0]).toMatchObject({ exitCode: 143, signal: 'SIGTERM' });
  });

  it('killing /pause in a shared namespace kills every container (and the sandbox dies)', () => {
    const h = pod(
      [
        { name: 'c', image: 'busybox', command: ['sh', '-c', 'sleep 1; kill 1; sleep 100'] },
        { name: 'd', image: 'nginx' },
      ],
      { shareProcessNamespace: true },
    );
    h.start('c');
    h.start('d');
    h.run(1000);
    expect(h.occ.some((o) => o.kind === 'sandbox-died')).toBe(true);
    expect(h.exits().map((e) => [e.container, e.exitCode])).toEqual([
      ['c', 137],
      ['d', 137],
    ]);
  });
});

describe('exec sessions (probes and hooks)', () => {
  it('an exec probe runs in the container: cat /tmp/healthy succeeds, then fails after rm', () => {
    const h = pod([
      {
        name: 'liveness',
        image: 'busybox',
        args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
      },
    ]);
    h.start('liveness');
    h.run(5000);
    expect(runExec(h.sys, 'liveness', ['cat', '/tmp/healthy'], h.ctx())).toEqual({
      exitCode: 0,
      output: '',
    });
    h.run(30_000);
    expect(runExec(h.sys, 'liveness', ['cat', '/tmp/healthy'], h.ctx())).toEqual({
      exitCode: 1,
      output: "cat: can't open '/tmp/healthy': No such file or directory\n",
    });
    // exec output is not container log
    expect(containerLogs(h.sys, 'liveness')).toEqual([]);
  });

  it('the docs preStop hook in the nginx image: killall is not installed, so the wait loop ends at once', () => {
    // The Debian-based nginx image ships neither procps nor psmisc: `killall -0 nginx`
    // is `sh: 1: killall: not found` (127), the `while` ends with status 0.
    const h = pod([{ name: 'c', image: 'nginx' }]);
    h.start('c');
    const r = runExec(
      h.sys,
      'c',
      ['/bin/sh', '-c', 'nginx -s quit; while killall -0 nginx; do sleep 1; done'],
      h.ctx(),
    );
    expect(r).toMatchObject({ exitCode: 0, output: 'sh: 1: killall: not found\n' });
    h.run(100);
    expect(h.exits('c')).toMatchObject([{ exitCode: 0, atMs: 100 }]);
  });

  it('a preStop wait loop in an image that has killall runs until nginx is gone', () => {
    const h = pod([{ name: 'c', image: 'nginx:1.27-alpine' }]);
    h.start('c');
    const r = runExec(
      h.sys,
      'c',
      ['/bin/sh', '-c', 'nginx -s quit; while killall -0 nginx; do sleep 1; done'],
      h.ctx(),
    );
    expect(r).toHaveProperty('running');
    h.run(100);
    expect(h.exits('c')).toMatchObject([{ exitCode: 0, atMs: 100 }]);
    expect(h.occ.find((o) => o.kind === 'exec-exit')).toMatchObject({ exitCode: 137 });
  });

  it('a long exec (preStop with sleep) finishes later as an exec-exit occurrence', () => {
    const h = pod([{ name: 'c', image: 'nginx' }]);
    h.start('c');
    const r = runExec(h.sys, 'c', ['/bin/sh', '-c', 'sleep 5; nginx -s quit'], h.ctx());
    expect(r).toHaveProperty('running');
    h.run(5000);
    expect(h.occ.filter((o) => o.kind === 'exec-exit')).toMatchObject([
      { exitCode: 0, atMs: 5000 },
    ]);
  });
});
