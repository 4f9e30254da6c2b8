import { describe, expect, it } from 'vitest';
import type { Container } from 'kubernetes-types/core/v1';
import {
  combineCommand,
  containerLogs,
  parseImageRef,
  resolveImage,
  runtimeView,
  signalContainer,
  stopSignalOf,
  probeTcp,
} from './index.ts';
import { harness } from './testkit.ts';

function one(c: Partial<Container> & { image: string }) {
  const h = harness({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', ...c }] } });
  const start = h.start('c');
  return { h, start, logs: () => containerLogs(h.sys, 'c'), exit: () => h.exits('c')[0] };
}

describe('image references', () => {
  it.each([
    [
      'nginx',
      {
        registry: 'docker.io',
        repository: 'library/nginx',
        name: 'nginx',
        tag: 'latest',
        digest: '',
      },
    ],
    ['nginx:1.27-alpine', { repository: 'library/nginx', tag: '1.27-alpine' }],
    [
      'registry.k8s.io/pause:3.10',
      { registry: 'registry.k8s.io', repository: 'pause', tag: '3.10' },
    ],
    [
      'localhost:5000/team/app',
      { registry: 'localhost:5000', repository: 'team/app', name: 'app', tag: 'latest' },
    ],
    ['bitnami/redis:7.2', { registry: 'docker.io', repository: 'bitnami/redis', tag: '7.2' }],
    [`busybox@sha256:${'a'.repeat(64)}`, { tag: '', digest: `sha256:${'a'.repeat(64)}` }],
    [`nginx:1.25@sha256:${'b'.repeat(64)}`, { tag: '1.25', digest: `sha256:${'b'.repeat(64)}` }],
  ])('%s', (raw, want) => {
    expect(parseImageRef(raw)).toMatchObject({ ...want, valid: true });
  });

  it('flags invalid references', () => {
    expect(parseImageRef('Nginx:UPPER case').valid).toBe(false);
    expect(parseImageRef('nginx@sha256:xyz').valid).toBe(false);
  });

  it('has realistic sizes and knows mirrors, but says when it matched by name', () => {
    expect(resolveImage('busybox:1.28').sizeBytes).toBe(727_869);
    expect(resolveImage('nginx').sizeBytes).toBeGreaterThan(50_000_000);
    expect(
      resolveImage('registry.cn-hangzhou.aliyuncs.com/google-containers/pause-amd64:3.0'),
    ).toMatchObject({ id: 'pause', assumed: false });
    expect(resolveImage('bitnami/redis').matchNote).toMatch(/not Docker Hub's official redis/);
    const unknown = resolveImage('ghcr.io/acme/app:1.0');
    expect(unknown.assumed).toBe(true);
    expect(resolveImage('ghcr.io/acme/app:1.0').sizeBytes).toBe(unknown.sizeBytes);
  });
});

describe('command and args (the documented rules)', () => {
  const img = { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] };
  it('neither: ENTRYPOINT + CMD', () =>
    expect(combineCommand({}, img)).toEqual([
      '/docker-entrypoint.sh',
      'nginx',
      '-g',
      'daemon off;',
    ]));
  it('command only: command, image CMD ignored', () =>
    expect(combineCommand({ command: ['sh'] }, img)).toEqual(['sh']));
  it('args only: ENTRYPOINT + args', () =>
    expect(combineCommand({ args: ['nginx-debug'] }, img)).toEqual([
      '/docker-entrypoint.sh',
      'nginx-debug',
    ]));
  it('both: command + args', () =>
    expect(combineCommand({ command: ['sh'], args: ['-c', 'x'] }, img)).toEqual(['sh', '-c', 'x']));
});

describe('known images', () => {
  it('nginx serves on 80 and exits 0 promptly on its stop signal (SIGQUIT)', () => {
    const r = one({ image: 'nginx:1.27' });
    expect(probeTcp(r.h.sys, 80)).toBe(true);
    expect(stopSignalOf(r.h.sys, 'c')).toBe('SIGQUIT');
    r.h.occ.push(...signalContainer(r.h.sys, 'c', undefined, r.h.ctx()));
    r.h.run(100);
    expect(r.exit()).toMatchObject({ exitCode: 0, atMs: 100, reason: 'Completed' });
    expect(
      r
        .logs()
        .slice(-3)
        .map((l) => l.replace(/^\S+ \S+ /, '')),
    ).toEqual([
      '[notice] 1#1: signal 3 (SIGQUIT) received, shutting down',
      '[notice] 1#1: gracefully shutting down',
      '[notice] 1#1: exit',
    ]);
  });

  it('nginx also exits 0 on SIGTERM; lifecycle.stopSignal overrides the image', () => {
    const r = one({
      image: 'nginx',
      lifecycle: { stopSignal: 'SIGTERM' } as Container['lifecycle'],
    });
    expect(stopSignalOf(r.h.sys, 'c')).toBe('SIGTERM');
    signalContainer(r.h.sys, 'c', undefined, r.h.ctx());
    r.h.run(50);
    expect(r.exit()?.exitCode).toBe(0);
  });

  it('`command: [nginx]` without `daemon off;` daemonizes and the container exits 0 at once', () => {
    const r = one({ image: 'nginx', command: ['nginx'] });
    expect(r.exit()).toMatchObject({ exitCode: 0, atMs: 0 });
  });

  it('nginx reads `listen` from a mounted conf.d/default.conf', () => {
    const h = harness({
      metadata: { name: 'p' },
      spec: {
        volumes: [{ name: 'conf', configMap: { name: 'nginx-conf' } }],
        containers: [
          {
            name: 'c',
            image: 'nginx',
            volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }],
          },
        ],
      },
    });
    // configMap data supplied by the cluster lookup at pod creation
    expect(h.sys.volumes.conf!.files).toEqual({});
    h.sys.volumes.conf!.files['default.conf'] = {
      content: 'server {\n  listen 8080;\n}\n',
      mtimeMs: 0,
      writer: null,
    };
    h.start('c');
    expect(probeTcp(h.sys, 8080)).toBe(true);
    expect(probeTcp(h.sys, 80)).toBe(false);
  });

  it('httpd serves on 80 and stops gracefully on SIGWINCH', () => {
    const r = one({ image: 'httpd:2.4' });
    expect(probeTcp(r.h.sys, 80)).toBe(true);
    expect(stopSignalOf(r.h.sys, 'c')).toBe('SIGWINCH');
    signalContainer(r.h.sys, 'c', undefined, r.h.ctx());
    r.h.run(100);
    expect(r.exit()?.exitCode).toBe(0);
    expect(
      r
        .logs()
        .some((l) =>
          l.includes('AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations'),
        ),
    ).toBe(true);
  });

  it('redis listens on 6379 and saves then exits 0 on SIGTERM', () => {
    const r = one({ image: 'redis:7' });
    expect(probeTcp(r.h.sys, 6379)).toBe(true);
    expect(r.logs().at(-1)).toMatch(/Ready to accept connections tcp$/);
    signalContainer(r.h.sys, 'c', undefined, r.h.ctx());
    r.h.run(30);
    expect(r.exit()?.exitCode).toBe(0);
    expect(r.logs().at(-1)).toMatch(/Redis is now ready to exit, bye bye\.\.\.$/);
  });

  it('postgres without POSTGRES_PASSWORD exits 1 with the entrypoint error', () => {
    const r = one({ image: 'postgres:17' });
    expect(r.exit()).toMatchObject({ exitCode: 1, atMs: 0 });
    expect(r.logs()[0]).toBe(
      'Error: Database is uninitialized and superuser password is not specified.',
    );
  });

  it('postgres initializes for a few seconds before it listens on 5432; a kept data dir starts faster', () => {
    const h = harness({
      metadata: { name: 'db' },
      spec: {
        volumes: [{ name: 'data', emptyDir: {} }],
        containers: [
          {
            name: 'pg',
            image: 'postgres',
            env: [{ name: 'POSTGRES_PASSWORD', value: 's3cret' }],
            volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
          },
        ],
      },
    });
    h.start('pg');
    h.run(3999);
    expect(probeTcp(h.sys, 5432)).toBe(false);
    h.run(1);
    expect(probeTcp(h.sys, 5432)).toBe(true);
    expect(containerLogs(h.sys, 'pg').at(-1)).toMatch(
      /database system is ready to accept connections$/,
    );
    expect(stopSignalOf(h.sys, 'pg')).toBe('SIGINT');
    signalContainer(h.sys, 'pg', undefined, h.ctx());
    h.run(200);
    expect(h.exits('pg')[0]?.exitCode).toBe(0);
    // Restart: the emptyDir kept PG_VERSION, initialization is skipped.
    h.start('pg');
    h.run(1000);
    expect(probeTcp(h.sys, 5432)).toBe(true);
  });

  it('mysql needs a root password option, then takes several seconds to be ready on 3306', () => {
    expect(one({ image: 'mysql:8.4' }).exit()?.exitCode).toBe(1);
    const r = one({ image: 'mysql:8.4', env: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'x' }] });
    r.h.run(8000);
    expect(probeTcp(r.h.sys, 3306)).toBe(false);
    r.h.run(1000);
    expect(probeTcp(r.h.sys, 3306)).toBe(true);
  });

  it.each(['busybox', 'alpine:3.20', 'ubuntu:24.04', 'debian:12', 'python:3.12'])(
    '%s: the default command is a shell/REPL that exits 0 at once without a TTY (CrashLoopBackOff surprise)',
    (image) => {
      const r = one({ image });
      expect(r.exit()).toMatchObject({ exitCode: 0, atMs: 0, reason: 'Completed' });
    },
  );

  it('with stdin and tty the default shell waits for input', () => {
    const r = one({ image: 'busybox', stdin: true, tty: true });
    r.h.run(60_000);
    expect(r.exit()).toBeUndefined();
  });

  it('an unknown image runs until stopped, and Podscope says it assumed so', () => {
    const r = one({ image: 'ghcr.io/acme/api:2.1' });
    r.h.run(3_600_000);
    expect(r.exit()).toBeUndefined();
    expect(runtimeView(r.h.sys).containers[0]).toMatchObject({ assumedImage: true });
    expect(r.h.sys.notices.map((n) => n.code)).toContain('assumed-image');
    r.h.occ.push(...signalContainer(r.h.sys, 'c', undefined, r.h.ctx()));
    expect(r.exit()?.exitCode).toBe(143);
  });

  it('a program the image does not have fails to start (StartError), as runc reports it', () => {
    // (Was: assumed to run until stopped. busybox has no /app/server: runc cannot exec it.)
    const r = one({ image: 'busybox', command: ['/app/server', '--port', '8080'] });
    expect(r.start).toMatchObject({ ok: false, reason: 'StartError', exitCode: 128 });
    if (!r.start.ok)
      expect(r.start.message).toBe(
        'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/server": stat /app/server: no such file or directory',
      );
  });

  it('an image Podscope does not know is assumed to have the program', () => {
    const r = one({ image: 'ghcr.io/acme/api:2.1', command: ['/app/server'] });
    r.h.run(10_000);
    expect(r.exit()).toBeUndefined();
  });

  it('a command the image lacks fails to start (StartError, exit 128)', () => {
    const r = one({ image: 'debian', command: ['curl', 'example.com'] });
    expect(r.start).toMatchObject({ ok: false, reason: 'StartError', exitCode: 128 });
    if (!r.start.ok)
      expect(r.start.message).toContain('exec: "curl": executable file not found in $PATH');
  });

  it('a missing ConfigMap key reference is a CreateContainerConfigError', () => {
    const r = one({
      image: 'busybox',
      command: ['env'],
      env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'missing', key: 'k' } } }],
    });
    r.h.cluster.configMap = () => undefined;
    const h2 = harness({
      metadata: { name: 'p' },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'busybox',
            env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }],
          },
        ],
      },
    });
    h2.cluster.configMap = () => undefined;
    expect(h2.start('c')).toMatchObject({
      ok: false,
      reason: 'CreateContainerConfigError',
      message: 'configmap "cfg" not found',
    });
  });

  it('the pause image runs /pause', () => {
    const r = one({ image: 'registry.k8s.io/pause:3.10' });
    expect(runtimeView(r.h.sys).containers[0]!.processes[0]!.command).toBe('/pause');
  });
});
