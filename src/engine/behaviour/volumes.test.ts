import { describe, expect, it } from 'vitest';
import {
  containerLogs,
  killContainer,
  runExec,
  runtimeView,
  startSandbox,
  stopSandbox,
} from './index.ts';
import { harness } from './testkit.ts';

describe('volumes', () => {
  const shared = () =>
    harness({
      metadata: { name: 'vol' },
      spec: {
        volumes: [
          { name: 'cache', emptyDir: {} },
          { name: 'cfg', configMap: { name: 'app-config' } },
          { name: 'creds', secret: { secretName: 'db' } },
          { name: 'logs', hostPath: { path: '/var/log/app', type: 'DirectoryOrCreate' } },
        ],
        containers: [
          {
            name: 'writer',
            image: 'busybox',
            command: [
              'sh',
              '-c',
              'echo v1 > /cache/data.txt; echo local > /tmp/own.txt; sleep 3600',
            ],
            volumeMounts: [
              { name: 'cache', mountPath: '/cache' },
              { name: 'cfg', mountPath: '/etc/app' },
              { name: 'creds', mountPath: '/etc/creds' },
              { name: 'logs', mountPath: '/logs' },
            ],
          },
          {
            name: 'reader',
            image: 'alpine',
            command: ['sh', '-c', 'sleep 1; cat /shared/data.txt; echo nope > /shared/x'],
            volumeMounts: [{ name: 'cache', mountPath: '/shared', readOnly: true }],
          },
        ],
      },
    });

  it('an emptyDir is shared by the containers that mount it, at their own paths; readOnly mounts cannot write', () => {
    const h = shared();
    h.cluster.configMap = () => ({ 'app.properties': 'mode=demo\n' });
    h.start('writer');
    h.start('reader');
    h.run(1000);
    expect(containerLogs(h.sys, 'reader')).toEqual([
      'v1',
      "sh: can't create /shared/x: Read-only file system",
    ]);
    expect(h.exits('reader')[0]?.exitCode).toBe(1);
  });

  it('an emptyDir survives a container restart; the writable layer does not', () => {
    const h = shared();
    h.start('writer');
    expect(runExec(h.sys, 'writer', ['cat', '/tmp/own.txt'], h.ctx())).toMatchObject({
      exitCode: 0,
      output: 'local\n',
    });
    h.run(10);
    // SIGKILL (e.g. a liveness failure at the end of the grace period).
    h.occ.push(...killContainer(h.sys, 'writer', h.ctx()));
    expect(h.exits('writer')[0]?.exitCode).toBe(137);
    // The restarted instance: a fresh writable layer, the same emptyDir.
    h.sys.defs[0]!.command = ['sleep', '3600'];
    h.start('writer');
    expect(runExec(h.sys, 'writer', ['cat', '/cache/data.txt'], h.ctx())).toMatchObject({
      exitCode: 0,
      output: 'v1\n',
    });
    expect(runExec(h.sys, 'writer', ['cat', '/tmp/own.txt'], h.ctx())).toMatchObject({
      exitCode: 1,
    });
  });

  it('an emptyDir survives the sandbox being re-created (it lives as long as the pod on the node)', () => {
    const h = shared();
    h.start('writer');
    stopSandbox(h.sys, h.ctx());
    startSandbox(h.sys, 1, '10.244.1.8', h.ctx());
    expect(h.sys.volumes.cache!.files['data.txt']?.content).toBe('v1\n');
  });

  it('configMap and secret volumes are read-only and show their source data', () => {
    const h = harness({
      metadata: { name: 'vol' },
      spec: {
        volumes: [
          {
            name: 'cfg',
            configMap: { name: 'app-config', items: [{ key: 'k', path: 'renamed.conf' }] },
          },
          { name: 'creds', secret: { secretName: 'db' } },
        ],
        containers: [
          {
            name: 'c',
            image: 'busybox',
            command: [
              'sh',
              '-c',
              'cat /etc/app/renamed.conf /etc/creds/password; echo x > /etc/app/new; rm /etc/creds/password',
            ],
            volumeMounts: [
              { name: 'cfg', mountPath: '/etc/app' },
              { name: 'creds', mountPath: '/etc/creds' },
            ],
          },
        ],
      },
    });
    // The lookup is consulted when the pod system is built; rebuild with data.
    expect(h.sys.notices.map((n) => n.subject)).toEqual(['ConfigMap app-config', 'Secret db']);
    h.sys.volumes.cfg!.files = { 'renamed.conf': { content: 'a=1\n', mtimeMs: 0, writer: null } };
    h.sys.volumes.creds!.files = { password: { content: 'hunter2', mtimeMs: 0, writer: null } };
    h.start('c');
    expect(containerLogs(h.sys, 'c')).toEqual([
      'a=1',
      'hunter2',
      "sh: can't create /etc/app/new: Read-only file system",
      "rm: can't remove '/etc/creds/password': Read-only file system",
    ]);
  });

  it('hostPath is shown for what it is: a node directory that outlives the pod', () => {
    const v = runtimeView(shared().sys).volumes.find((x) => x.name === 'logs')!;
    expect(v).toMatchObject({ kind: 'hostPath', lifetime: 'node', readOnly: false });
    expect(v.description).toBe(
      'hostPath /var/log/app (DirectoryOrCreate): a directory of the node, outlives the pod',
    );
  });

  it('the view lists each volume, who mounts it where, and its files', () => {
    const h = shared();
    h.start('writer');
    const view = runtimeView(h.sys);
    const cache = view.volumes.find((v) => v.name === 'cache')!;
    expect(cache).toMatchObject({ kind: 'emptyDir', lifetime: 'pod' });
    expect(cache.mountedBy).toEqual([
      { container: 'writer', mountPath: '/cache', readOnly: false },
      { container: 'reader', mountPath: '/shared', readOnly: true },
    ]);
    expect(cache.files).toEqual([
      { path: 'data.txt', size: 3, preview: 'v1\n', writer: 'writer', mtimeMs: 0 },
    ]);
    expect(view.containers[0]!.layerFiles.map((f) => f.path)).toEqual(['/tmp/own.txt']);
    const token = view.volumes.find((v) => v.name === 'kube-api-access')!;
    expect(token.files.map((f) => f.path)).toEqual(['ca.crt', 'namespace', 'token']);
  });

  it('subPath mounts a single entry of the volume', () => {
    const h = harness({
      metadata: { name: 'sp' },
      spec: {
        volumes: [{ name: 'data', emptyDir: {} }],
        containers: [
          {
            name: 'a',
            image: 'busybox',
            command: ['sh', '-c', 'echo hi > /mnt/f'],
            volumeMounts: [{ name: 'data', mountPath: '/mnt', subPath: 'sub' }],
          },
        ],
      },
    });
    h.start('a');
    expect(Object.keys(h.sys.volumes.data!.files)).toEqual(['sub/f']);
  });
});

describe('logs per instance', () => {
  it('logs(container, { previous }) shows the last terminated instance', () => {
    const h = harness({
      metadata: { name: 'l' },
      spec: {
        volumes: [{ name: 'd', emptyDir: {} }],
        containers: [
          {
            name: 'c',
            image: 'busybox',
            command: ['sh', '-c', 'echo run >> /d/runs; echo runs=$(cat /d/runs | wc -l); exit 1'],
            volumeMounts: [{ name: 'd', mountPath: '/d' }],
          },
        ],
      },
    });
    expect(() => containerLogs(h.sys, 'c', { previous: true })).toThrow(
      'previous terminated container "c" in pod "l" not found',
    );
    h.start('c');
    h.run(10_000);
    h.start('c');
    // The emptyDir kept the first run's line: the restarted instance counts two.
    expect(containerLogs(h.sys, 'c')).toEqual(['runs=2']);
    expect(containerLogs(h.sys, 'c', { previous: true })).toEqual(['runs=1']);
    expect(containerLogs(h.sys, 'c', { timestamps: true })).toEqual([
      '2025-01-01T00:00:10.000000000Z runs=2',
    ]);
  });
});
