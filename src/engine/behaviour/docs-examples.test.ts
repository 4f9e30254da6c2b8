/**
 * Kubernetes documentation examples behave as the docs describe.
 */
import { describe, expect, it } from 'vitest';
import { containerLogs, runExec, runtimeView } from './index.ts';
import { harness } from './testkit.ts';

describe('docs: Init containers in use (concepts/workloads/pods/init-containers)', () => {
  // The manifest of the page, unchanged.
  const myapp = {
    metadata: { name: 'myapp-pod', labels: { 'app.kubernetes.io/name': 'MyApp' } },
    spec: {
      containers: [
        {
          name: 'myapp-container',
          image: 'busybox:1.28',
          command: ['sh', '-c', 'echo The app is running! && sleep 3600'],
        },
      ],
      initContainers: [
        {
          name: 'init-myservice',
          image: 'busybox:1.28',
          command: [
            'sh',
            '-c',
            'until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done',
          ],
        },
        {
          name: 'init-mydb',
          image: 'busybox:1.28',
          command: [
            'sh',
            '-c',
            'until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done',
          ],
        },
      ],
    },
  };

  it('init-myservice waits until the Service exists, polling every 2 s; then init-mydb; then the app runs', () => {
    const h = harness(myapp);
    h.start('init-myservice');
    h.run(6 * 60_000);
    expect(h.exits()).toEqual([]);
    const waiting = containerLogs(h.sys, 'init-myservice');
    expect(waiting.slice(0, 5)).toEqual([
      'Server:    10.96.0.10',
      'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local',
      '',
      "nslookup: can't resolve 'myservice.default.svc.cluster.local'",
      'waiting for myservice',
    ]);
    expect(waiting.filter((l) => l === 'waiting for myservice')).toHaveLength(181);

    // kubectl apply -f services.yaml
    h.addService('myservice');
    h.addService('mydb');
    h.run(2000);
    expect(h.exits('init-myservice')).toMatchObject([{ exitCode: 0, reason: 'Completed' }]);
    expect(containerLogs(h.sys, 'init-myservice').slice(-2)).toEqual([
      'Name:      myservice.default.svc.cluster.local',
      'Address 1: 10.96.10.20 myservice.default.svc.cluster.local',
    ]);
    h.start('init-mydb');
    expect(h.exits('init-mydb')).toMatchObject([{ exitCode: 0 }]);
    h.start('myapp-container');
    h.run(60_000);
    expect(containerLogs(h.sys, 'myapp-container')).toEqual(['The app is running!']);
    expect(h.exits('myapp-container')).toEqual([]);
  });

  it('without any Service registry the wait goes on, and Podscope says why', () => {
    const h = harness(myapp, false);
    h.start('init-myservice');
    h.run(10_000);
    expect(h.exits()).toEqual([]);
    expect(h.sys.notices.map((n) => n.message)).toContain(
      'assumed Service lookup: no Service registry is connected: every Service is treated as absent',
    );
  });
});

describe('docs: Communicate Between Containers in the Same Pod Using a Shared Volume', () => {
  // content/en/examples/pods/two-container-pod.yaml
  const twoContainers = {
    metadata: { name: 'two-containers' },
    spec: {
      restartPolicy: 'Never',
      volumes: [{ name: 'shared-data', emptyDir: {} }],
      containers: [
        {
          name: 'nginx-container',
          image: 'nginx',
          volumeMounts: [{ name: 'shared-data', mountPath: '/usr/share/nginx/html' }],
        },
        {
          name: 'debian-container',
          image: 'debian',
          volumeMounts: [{ name: 'shared-data', mountPath: '/pod-data' }],
          command: ['/bin/sh'],
          args: ['-c', 'echo Hello from the debian container > /pod-data/index.html'],
        },
      ],
    },
  };

  it('the debian container writes index.html and terminates; nginx keeps running and serves it', () => {
    const h = harness(twoContainers);
    h.start('nginx-container');
    h.start('debian-container');
    h.run(1000);
    expect(h.exits('debian-container')).toMatchObject([{ exitCode: 0, reason: 'Completed' }]);
    expect(h.exits('nginx-container')).toEqual([]);
    // kubectl exec -it two-containers -c nginx-container -- curl localhost
    expect(runExec(h.sys, 'nginx-container', ['curl', 'localhost'], h.ctx())).toEqual({
      exitCode: 0,
      output: 'Hello from the debian container\n',
    });
    // ps is not in the nginx image (the page installs procps first).
    expect(runExec(h.sys, 'nginx-container', ['/bin/sh', '-c', 'ps aux'], h.ctx())).toMatchObject({
      exitCode: 127,
    });
    const vol = runtimeView(h.sys).volumes.find((v) => v.name === 'shared-data')!;
    expect(vol.files).toMatchObject([
      {
        path: 'index.html',
        writer: 'debian-container',
        preview: 'Hello from the debian container\n',
      },
    ]);
    expect(containerLogs(h.sys, 'nginx-container').at(-1)).toMatch(
      /"GET \/ HTTP\/1.1" 200 32 "-" "curl\/8.5.0" "-"$/,
    );
  });

  it('before the file exists, nginx answers 403 (the emptyDir hides the image index.html)', () => {
    const h = harness(twoContainers);
    h.start('nginx-container');
    expect(
      runExec(h.sys, 'nginx-container', ['curl', '-s', '-o', '/dev/null', 'localhost'], h.ctx()),
    ).toMatchObject({ exitCode: 0 });
    expect(containerLogs(h.sys, 'nginx-container').at(-1)).toMatch(/"GET \/ HTTP\/1.1" 403 /);
  });
});

describe('docs: Share Process Namespace between Containers in a Pod', () => {
  it('the shell container sees nginx, signals it with SIGHUP, and /pause is PID 1', () => {
    const h = harness({
      metadata: { name: 'nginx' },
      spec: {
        shareProcessNamespace: true,
        containers: [
          { name: 'nginx', image: 'nginx' },
          {
            name: 'shell',
            image: 'busybox:1.28',
            command: ['sleep', '3600'],
            securityContext: { capabilities: { add: ['SYS_PTRACE'] } },
            stdin: true,
            tty: true,
          },
        ],
      },
    });
    h.start('nginx');
    h.start('shell');
    const ps = runExec(h.sys, 'shell', ['ps', 'ax'], h.ctx());
    expect('output' in ps && ps.output.split('\n').slice(0, 2)).toEqual([
      'PID   USER     TIME  COMMAND',
      '    1 root      0:00 /pause',
    ]);
    const nginxPid = runtimeView(h.sys).containers[0]!.processes[0]!.pid;
    expect(runExec(h.sys, 'shell', ['kill', '-HUP', String(nginxPid)], h.ctx())).toMatchObject({
      exitCode: 0,
    });
    expect(containerLogs(h.sys, 'nginx').at(-1)).toMatch(
      /signal 1 \(SIGHUP\) received, reconfiguring/,
    );
  });
});
