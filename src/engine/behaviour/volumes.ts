/**
 * Volumes and the file system a container sees.
 *
 * - `emptyDir`: created empty when the pod lands on the node, shared by every
 *   container that mounts it (at any path), kept across container restarts
 *   and sandbox re-creation, deleted with the pod.
 * - `configMap` / `secret` / projected service-account token: read-only
 *   files from their source (via the injected cluster lookup).
 * - `hostPath`: a directory of the node; shown as such, outlives the pod.
 * - Anything written outside a mounted volume lands in the container's
 *   writable layer and is gone when the container restarts.
 */
import type { Volume } from 'kubernetes-types/core/v1';
import type {
  BehaviourCtx,
  ContainerInstance,
  FileEntry,
  Mount,
  PodSystem,
  VolumeState,
} from './types.ts';

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** Normalizes an absolute path: collapses `//`, `.` and `..`. */
export function normPath(path: string, cwd = '/'): string {
  const abs = path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`;
  const out: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

function describe(v: Volume): {
  kind: VolumeState['kind'];
  lifetime: VolumeState['lifetime'];
  description: string;
  readOnly: boolean;
} {
  if (v.emptyDir) {
    const medium = v.emptyDir.medium ? ` (medium: ${v.emptyDir.medium})` : '';
    return {
      kind: 'emptyDir',
      lifetime: 'pod',
      description: `emptyDir${medium}: lives as long as the pod on this node`,
      readOnly: false,
    };
  }
  if (v.configMap)
    return {
      kind: 'configMap',
      lifetime: 'source',
      description: `configMap ${v.configMap.name ?? ''} (read-only)`,
      readOnly: true,
    };
  if (v.secret)
    return {
      kind: 'secret',
      lifetime: 'source',
      description: `secret ${v.secret.secretName ?? ''} (read-only, tmpfs)`,
      readOnly: true,
    };
  if (v.hostPath) {
    const type = v.hostPath.type ? ` (${v.hostPath.type})` : '';
    return {
      kind: 'hostPath',
      lifetime: 'node',
      description: `hostPath ${v.hostPath.path}${type}: a directory of the node, outlives the pod`,
      readOnly: false,
    };
  }
  if (v.projected)
    return {
      kind: 'projected',
      lifetime: 'source',
      description: 'projected volume (read-only)',
      readOnly: true,
    };
  if (v.downwardAPI)
    return {
      kind: 'downwardAPI',
      lifetime: 'source',
      description: 'downwardAPI volume (read-only)',
      readOnly: true,
    };
  if (v.persistentVolumeClaim) {
    return {
      kind: 'persistentVolumeClaim',
      lifetime: 'cluster',
      description: `persistentVolumeClaim ${v.persistentVolumeClaim.claimName}: outlives the pod`,
      readOnly: v.persistentVolumeClaim.readOnly === true,
    };
  }
  return {
    kind: 'other',
    lifetime: 'cluster',
    description: 'volume type Podscope does not model (shown empty)',
    readOnly: false,
  };
}

/** Builds the pod's volumes from `spec.volumes` plus the service-account token volume. */
export function createVolumes(
  specVolumes: Volume[],
  sys: Pick<PodSystem, 'namespace' | 'podName' | 'notices'>,
  ctx: BehaviourCtx,
  automountToken: boolean,
): Record<string, VolumeState> {
  const out: Record<string, VolumeState> = {};
  for (const v of specVolumes) {
    const d = describe(v);
    const vol: VolumeState = { name: v.name, ...d, files: {}, dirs: [] };
    const fill = (
      data: Record<string, string> | undefined,
      items: Array<{ key: string; path: string }> | undefined,
    ) => {
      if (!data) return;
      const entries = items?.length
        ? items.map((it) => [it.path, data[it.key] ?? ''] as const)
        : Object.entries(data);
      for (const [p, content] of entries) vol.files[p] = { content, mtimeMs: 0, writer: null };
    };
    if (v.configMap) {
      const data = ctx.cluster?.configMap?.(v.configMap.name ?? '', sys.namespace);
      if (!data) {
        sys.notices.push(
          notice(
            ctx.nowMs,
            `ConfigMap ${v.configMap.name ?? ''}`,
            'its data is unknown to Podscope: the volume is shown empty',
          ),
        );
      }
      fill(data, v.configMap.items);
    } else if (v.secret) {
      const data = ctx.cluster?.secret?.(v.secret.secretName ?? '', sys.namespace);
      if (!data) {
        sys.notices.push(
          notice(
            ctx.nowMs,
            `Secret ${v.secret.secretName ?? ''}`,
            'its data is unknown to Podscope: the volume is shown empty',
          ),
        );
      }
      fill(data, v.secret.items);
    }
    out[v.name] = vol;
  }
  if (automountToken) {
    out['kube-api-access'] = {
      name: 'kube-api-access',
      kind: 'projected',
      readOnly: true,
      lifetime: 'source',
      description: 'projected service-account token, CA and namespace (read-only)',
      files: {
        namespace: { content: sys.namespace, mtimeMs: 0, writer: null },
        token: { content: 'eyJhbGciOiJSUzI1NiJ9.simulated.token', mtimeMs: 0, writer: null },
        'ca.crt': {
          content: '-----BEGIN CERTIFICATE-----\n(simulated)\n-----END CERTIFICATE-----\n',
          mtimeMs: 0,
          writer: null,
        },
      },
      dirs: [],
    };
  }
  return out;
}

function notice(atMs: number, subject: string, fallback: string): PodSystem['notices'][number] {
  return {
    atMs,
    container: null,
    code: 'assumed-behaviour',
    subject,
    fallback,
    message: `${subject}: ${fallback}`,
  };
}

export type Resolved =
  | { where: 'volume'; volume: string; rel: string; readOnly: boolean; mount: Mount }
  | { where: 'rootfs'; path: string }
  | { where: 'synthetic'; path: string };

const SYNTHETIC = new Set(['/etc/hostname', '/etc/hosts', '/etc/resolv.conf', '/dev/null']);

/** Which volume (longest mount path) or layer holds `path` in this container. */
export function resolvePath(inst: ContainerInstance, path: string): Resolved {
  const p = normPath(path);
  let best: Mount | undefined;
  for (const m of inst.mounts) {
    const mp = normPath(m.mountPath);
    if (p === mp || p.startsWith(mp === '/' ? '/' : `${mp}/`)) {
      if (!best || mp.length > normPath(best.mountPath).length) best = m;
    }
  }
  if (best) {
    const mp = normPath(best.mountPath);
    let rel = p.slice(mp.length).replace(/^\//, '');
    if (best.subPath) rel = rel ? `${best.subPath}/${rel}` : best.subPath;
    return { where: 'volume', volume: best.volume, rel, readOnly: best.readOnly, mount: best };
  }
  if (SYNTHETIC.has(p)) return { where: 'synthetic', path: p };
  return { where: 'rootfs', path: p };
}

function syntheticContent(sys: PodSystem, path: string): string {
  switch (path) {
    case '/etc/hostname':
      return `${sys.hostname}\n`;
    case '/etc/hosts': {
      const fqdn = sys.subdomain
        ? `${sys.hostname}.${sys.subdomain}.${sys.namespace}.svc.cluster.local\t`
        : '';
      return `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${sys.podIP}\t${fqdn}${sys.hostname}\n`;
    }
    case '/etc/resolv.conf':
      return `search ${sys.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`;
    default:
      return '';
  }
}

export type ReadResult = { ok: true; content: string } | { ok: false; error: 'ENOENT' | 'EISDIR' };

export function readFile(sys: PodSystem, inst: ContainerInstance, path: string): ReadResult {
  const r = resolvePath(inst, path);
  if (r.where === 'synthetic') return { ok: true, content: syntheticContent(sys, r.path) };
  if (r.where === 'volume') {
    const f = sys.volumes[r.volume]?.files[r.rel];
    if (f) return { ok: true, content: f.content };
    return isDir(sys, inst, path) ? { ok: false, error: 'EISDIR' } : { ok: false, error: 'ENOENT' };
  }
  const f = inst.rootfs[r.path];
  if (f) return { ok: true, content: f.content };
  if (!inst.deleted.includes(r.path) && r.path in inst.imageFiles)
    return { ok: true, content: inst.imageFiles[r.path]! };
  return isDir(sys, inst, path) ? { ok: false, error: 'EISDIR' } : { ok: false, error: 'ENOENT' };
}

export type WriteResult = { ok: true } | { ok: false; error: 'EROFS' | 'EISDIR' };

export function writeFile(
  sys: PodSystem,
  inst: ContainerInstance,
  path: string,
  content: string,
  append: boolean,
  nowMs: number,
): WriteResult {
  const r = resolvePath(inst, path);
  if (r.where === 'synthetic') {
    if (r.path === '/dev/null') return { ok: true };
    return { ok: false, error: 'EROFS' };
  }
  if (r.where === 'volume') {
    const vol = sys.volumes[r.volume];
    if (!vol || r.readOnly || vol.readOnly) return { ok: false, error: 'EROFS' };
    if (r.rel === '') return { ok: false, error: 'EISDIR' };
    const prev = vol.files[r.rel];
    const next = append && prev ? prev.content + content : content;
    vol.files[r.rel] = { content: next, mtimeMs: nowMs, writer: inst.name };
    sys.fileLog?.push({
      atMs: nowMs,
      volume: r.volume,
      path: r.rel,
      content: next,
      writer: inst.name,
    });
    return { ok: true };
  }
  const prev =
    inst.rootfs[r.path] ??
    (r.path in inst.imageFiles && !inst.deleted.includes(r.path)
      ? { content: inst.imageFiles[r.path]! }
      : undefined);
  inst.rootfs[r.path] = {
    content: append && prev ? prev.content + content : content,
    mtimeMs: nowMs,
    writer: inst.name,
  };
  inst.deleted = inst.deleted.filter((d) => d !== r.path);
  return { ok: true };
}

export function removeFile(
  sys: PodSystem,
  inst: ContainerInstance,
  path: string,
): 'ok' | 'ENOENT' | 'EROFS' {
  const r = resolvePath(inst, path);
  if (r.where === 'synthetic') return 'EROFS';
  if (r.where === 'volume') {
    const vol = sys.volumes[r.volume];
    if (!vol) return 'ENOENT';
    const keys = Object.keys(vol.files).filter((k) => k === r.rel || k.startsWith(`${r.rel}/`));
    if (keys.length === 0) return 'ENOENT';
    if (r.readOnly || vol.readOnly) return 'EROFS';
    for (const k of keys) {
      delete vol.files[k];
      sys.fileLog?.push({
        atMs: sys.nowMs,
        volume: r.volume,
        path: k,
        content: null,
        writer: inst.name,
      });
    }
    return 'ok';
  }
  let found = false;
  for (const k of Object.keys(inst.rootfs)) {
    if (k === r.path || k.startsWith(`${r.path}/`)) {
      delete inst.rootfs[k];
      found = true;
    }
  }
  for (const k of Object.keys(inst.imageFiles)) {
    if ((k === r.path || k.startsWith(`${r.path}/`)) && !inst.deleted.includes(k)) {
      inst.deleted.push(k);
      found = true;
    }
  }
  return found ? 'ok' : 'ENOENT';
}

export function makeDir(sys: PodSystem, inst: ContainerInstance, path: string): 'ok' | 'EROFS' {
  const r = resolvePath(inst, path);
  if (r.where === 'volume') {
    const vol = sys.volumes[r.volume];
    if (!vol || r.readOnly || vol.readOnly) return 'EROFS';
    if (r.rel && !vol.dirs.includes(r.rel)) vol.dirs.push(r.rel);
  }
  return 'ok';
}

const STANDARD_DIRS = new Set([
  '/',
  '/tmp',
  '/etc',
  '/var',
  '/usr',
  '/bin',
  '/sbin',
  '/root',
  '/home',
  '/dev',
  '/proc',
  '/run',
  '/opt',
  '/srv',
  '/mnt',
  '/lib',
  '/var/log',
  '/var/run',
  '/var/lib',
  '/usr/share',
  '/usr/local',
  '/usr/bin',
]);

export function isDir(sys: PodSystem, inst: ContainerInstance, path: string): boolean {
  const p = normPath(path);
  if (STANDARD_DIRS.has(p)) return true;
  if (
    inst.mounts.some(
      (m) => normPath(m.mountPath) === p || normPath(m.mountPath).startsWith(`${p}/`),
    )
  )
    return true;
  return listDir(sys, inst, p).length > 0;
}

/** Names directly inside directory `path` (files and subdirectories), sorted. */
export function listDir(sys: PodSystem, inst: ContainerInstance, path: string): string[] {
  const p = normPath(path);
  const names = new Set<string>();
  const addUnder = (full: string, base: string) => {
    const prefix = base === '/' ? '/' : `${base}/`;
    if (full.startsWith(prefix) && full !== base)
      names.add(full.slice(prefix.length).split('/')[0]!);
  };
  const r = resolvePath(inst, p);
  if (r.where === 'volume') {
    const vol = sys.volumes[r.volume];
    if (vol) {
      const rel = r.rel;
      for (const k of [...Object.keys(vol.files), ...vol.dirs]) {
        if (rel === '') names.add(k.split('/')[0]!);
        else if (k.startsWith(`${rel}/`)) names.add(k.slice(rel.length + 1).split('/')[0]!);
      }
    }
  } else {
    for (const k of Object.keys(inst.rootfs)) addUnder(k, p);
    for (const k of Object.keys(inst.imageFiles)) if (!inst.deleted.includes(k)) addUnder(k, p);
  }
  for (const m of inst.mounts) addUnder(normPath(m.mountPath), p);
  return [...names].filter((n) => n !== '').sort();
}

/** Writable-layer files of a new container instance start empty: the image is read fresh. */
export function freshRootfs(): Record<string, FileEntry> {
  return {};
}
