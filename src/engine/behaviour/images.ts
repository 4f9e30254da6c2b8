/**
 * The image catalogue: what Podscope knows of well-known images — their
 * ENTRYPOINT/CMD, STOPSIGNAL, environment, files, which tools they ship, and
 * a realistic compressed size for the kubelet's `Pulled` message.
 *
 * Sizes are approximate linux/amd64 compressed sizes of recent tags (they
 * vary by tag; Podscope shows them as an illustration, not a measurement).
 * Any image that is not in the catalogue runs "until stopped", and the
 * returned info says so (`assumed`), so the view can tell the user.
 */

import { tagExists } from './tags.ts';

export interface ImageRef {
  /** As written in the manifest. */
  raw: string;
  /** Registry host, `docker.io` when none is written. */
  registry: string;
  /** Repository path inside the registry, `library/nginx` for Docker Hub's official images. */
  repository: string;
  /** The last path component (`nginx`). */
  name: string;
  /** The tag; `latest` when neither tag nor digest is written; '' with only a digest. */
  tag: string;
  /** `sha256:…` or ''. */
  digest: string;
  /** False when the reference does not follow the docker reference grammar. */
  valid: boolean;
}

const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const PATH_RE =
  /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

/** Parses `[registry[:port]/]path[:tag][@digest]` the way docker's reference grammar reads it. */
export function parseImageRef(raw: string): ImageRef {
  let rest = raw.trim();
  let digest = '';
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = '';
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry = 'docker.io';
  let path = rest;
  const firstSlash = rest.indexOf('/');
  if (firstSlash !== -1) {
    const first = rest.slice(0, firstSlash);
    if (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase()) {
      registry = first === 'index.docker.io' ? 'docker.io' : first;
      path = rest.slice(firstSlash + 1);
    }
  }
  if (registry === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  const valid =
    path.length > 0 &&
    PATH_RE.test(path) &&
    (tag === '' || TAG_RE.test(tag)) &&
    (digest === '' || DIGEST_RE.test(digest));
  if (tag === '' && digest === '') tag = 'latest';
  const name = path.split('/').pop() ?? path;
  return { raw, registry, repository: path, name, tag, digest, valid };
}

/** What a server program does (see programs in `process.ts`). */
export type ServerKind = 'nginx' | 'httpd' | 'redis' | 'postgres' | 'mysql';

/** Which flavour of userland the image has: error messages differ. */
export type Userland = 'busybox' | 'gnu';

export interface ImageSpec {
  /** Catalogue key. */
  id: string;
  entrypoint: string[];
  cmd: string[];
  /** Docker STOPSIGNAL; the runtime sends it instead of SIGTERM. */
  stopSignal: string;
  env: Record<string, string>;
  /** Files baked into the image (absolute path → content). */
  files: Record<string, string>;
  /** Commands the image does not ship (`sh: ps: not found`). */
  missing: string[];
  userland: Userland;
  sizeBytes: number;
  server?: ServerKind;
  /** Ports the image's program listens on (for the view). */
  ports: number[];
  /** Human description shown by the view. */
  summary: string;
}

export interface ResolvedImage extends ImageSpec {
  ref: ImageRef;
  /** True when Podscope does not know this image and assumes it runs until stopped. */
  assumed: boolean;
  /** Why the image was matched the way it was (shown as a notice when not exact). */
  matchNote?: string;
  /**
   * False when the registry does not have this reference: a catalogue image's
   * canonical repository with a tag its publisher never pushed (see `tags.ts`).
   */
  exists: boolean;
}

/** The repository a catalogue entry is published under (tags are known only there). */
const CANONICAL: Record<string, { registry: string; repository: string }> = {
  curl: { registry: 'docker.io', repository: 'curlimages/curl' },
  stress: { registry: 'docker.io', repository: 'polinux/stress' },
  pause: { registry: 'registry.k8s.io', repository: 'pause' },
};

const PATH_ENV = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** Commands a Debian-based image lacks unless installed (the docs' nginx task installs curl and procps). */
const DEBIAN_MISSING = ['ps', 'curl', 'wget', 'nslookup', 'nc', 'ping'];

const NGINX_INDEX = [
  '<!DOCTYPE html>',
  '<html>',
  '<head>',
  '<title>Welcome to nginx!</title>',
  '</head>',
  '<body>',
  '<h1>Welcome to nginx!</h1>',
  '<p>If you see this page, the nginx web server is successfully installed and working.</p>',
  '</body>',
  '</html>',
  '',
].join('\n');

const base = (
  id: string,
  over: Partial<ImageSpec> & Pick<ImageSpec, 'sizeBytes' | 'summary'>,
): ImageSpec => ({
  id,
  entrypoint: [],
  cmd: [],
  stopSignal: 'SIGTERM',
  env: { PATH: PATH_ENV },
  files: {},
  missing: [],
  userland: 'gnu',
  ports: [],
  ...over,
});

export const IMAGE_CATALOGUE: Record<string, ImageSpec> = {
  nginx: base('nginx', {
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    stopSignal: 'SIGQUIT',
    env: { PATH: PATH_ENV, NGINX_VERSION: '1.27.3' },
    files: {
      '/usr/share/nginx/html/index.html': NGINX_INDEX,
      '/usr/share/nginx/html/50x.html': '<html><body><h1>An error occurred.</h1></body></html>\n',
    },
    // The nginx image installs curl (its entrypoint needs it); ps and wget are absent.
    missing: DEBIAN_MISSING.filter((c) => c !== 'curl'),
    server: 'nginx',
    ports: [80],
    sizeBytes: 72_223_946,
    summary: 'nginx web server: serves HTTP on port 80, exits 0 on SIGQUIT/SIGTERM',
  }),
  httpd: base('httpd', {
    cmd: ['httpd-foreground'],
    stopSignal: 'SIGWINCH',
    env: { PATH: `/usr/local/apache2/bin:${PATH_ENV}`, HTTPD_VERSION: '2.4.62' },
    files: {
      '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n',
    },
    missing: DEBIAN_MISSING,
    server: 'httpd',
    ports: [80],
    sizeBytes: 58_123_512,
    summary: 'Apache httpd: serves HTTP on port 80, stops gracefully on SIGWINCH',
  }),
  redis: base('redis', {
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    env: { PATH: PATH_ENV, REDIS_VERSION: '7.4.1' },
    missing: DEBIAN_MISSING,
    server: 'redis',
    ports: [6379],
    sizeBytes: 45_716_022,
    summary: 'Redis: listens on 6379, saves and exits 0 on SIGTERM',
  }),
  postgres: base('postgres', {
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['postgres'],
    stopSignal: 'SIGINT',
    env: {
      PATH: `/usr/lib/postgresql/17/bin:${PATH_ENV}`,
      PG_MAJOR: '17',
      PGDATA: '/var/lib/postgresql/data',
    },
    missing: DEBIAN_MISSING,
    server: 'postgres',
    ports: [5432],
    sizeBytes: 153_480_114,
    summary:
      'PostgreSQL: needs POSTGRES_PASSWORD, initializes for a few seconds, then listens on 5432',
  }),
  mysql: base('mysql', {
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['mysqld'],
    env: { PATH: PATH_ENV, MYSQL_MAJOR: '8.4' },
    missing: DEBIAN_MISSING,
    server: 'mysql',
    ports: [3306],
    sizeBytes: 171_309_402,
    summary:
      'MySQL: needs a root password option, initializes for several seconds, then listens on 3306',
  }),
  busybox: base('busybox', {
    cmd: ['sh'],
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    userland: 'busybox',
    sizeBytes: 2_156_518,
    summary: 'BusyBox: default command `sh`, which exits 0 at once without a terminal',
  }),
  alpine: base('alpine', {
    cmd: ['/bin/sh'],
    userland: 'busybox',
    sizeBytes: 3_623_844,
    summary: 'Alpine Linux: default command `/bin/sh`, which exits 0 at once without a terminal',
  }),
  ubuntu: base('ubuntu', {
    cmd: ['/bin/bash'],
    missing: ['curl', 'wget', 'nslookup', 'nc', 'ping'],
    sizeBytes: 29_754_290,
    summary: 'Ubuntu: default command `/bin/bash`, which exits 0 at once without a terminal',
  }),
  debian: base('debian', {
    cmd: ['bash'],
    missing: DEBIAN_MISSING,
    sizeBytes: 48_490_781,
    summary: 'Debian: default command `bash`, which exits 0 at once without a terminal',
  }),
  curl: base('curl', {
    entrypoint: ['/entrypoint.sh'],
    cmd: ['curl'],
    userland: 'busybox',
    sizeBytes: 11_322_004,
    summary: 'curlimages/curl: runs `curl` with the given arguments, then exits',
  }),
  python: base('python', {
    cmd: ['python3'],
    missing: DEBIAN_MISSING,
    sizeBytes: 412_874_106,
    summary: 'Python: default command `python3`, which exits 0 at once without a terminal',
  }),
  // The docs' memory examples (Assign Memory Resources to Containers and Pods).
  stress: base('stress', {
    cmd: ['stress'],
    userland: 'busybox',
    sizeBytes: 4_036_220,
    summary:
      'polinux/stress: `stress` allocates what `--vm`/`--vm-bytes` ask for and holds it until stopped',
  }),
  agnhost: base('agnhost', {
    entrypoint: ['/agnhost'],
    env: {},
    sizeBytes: 21_174_327,
    ports: [8080],
    summary:
      'Kubernetes e2e agnhost: `liveness` serves /healthz on 8080, 200 for 10 s after it starts, then 500',
  }),
  goproxy: base('goproxy', {
    entrypoint: ['/goproxy'],
    env: {},
    sizeBytes: 2_931_122,
    ports: [8080],
    summary: "goproxy: an HTTP proxy listening on 8080 (the docs' TCP probe example)",
  }),
  // Kubernetes' etcd image (the docs' gRPC probe example): distroless, with
  // etcd, etcdctl and a static bash as /bin/sh.
  etcd: base('etcd', {
    cmd: ['/usr/local/bin/etcd'],
    sizeBytes: 23_212_504,
    ports: [2379, 2380],
    summary:
      'etcd: gRPC (with the gRPC health service) and HTTP on --listen-client-urls, by default localhost:2379 only',
  }),
  pause: base('pause', {
    entrypoint: ['/pause'],
    env: {},
    sizeBytes: 320_368,
    summary: 'The pause (infra) container: holds the pod namespaces, reaps zombies',
  }),
};

/** Repository names that mean a catalogue entry (mirrors and old names included). */
const ALIASES: Record<string, string> = {
  'pause-amd64': 'pause',
  'pause-arm64': 'pause',
  apache2: 'httpd',
};

const SIZE_VARIANTS: Array<{ test: (r: ImageRef) => boolean; size: number }> = [
  { test: (r) => r.name === 'busybox' && r.tag === '1.28', size: 727_869 },
  { test: (r) => r.name === 'nginx' && r.tag.includes('alpine'), size: 20_552_019 },
  { test: (r) => r.name === 'redis' && r.tag.includes('alpine'), size: 17_237_642 },
  { test: (r) => r.name === 'postgres' && r.tag.includes('alpine'), size: 104_532_511 },
  { test: (r) => r.name === 'python' && r.tag.includes('slim'), size: 45_221_367 },
  { test: (r) => r.name === 'python' && r.tag.includes('alpine'), size: 18_731_902 },
];

/** An unknown image's size: stable per reference, between 20 and 200 MB. */
function assumedSize(ref: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < ref.length; i++) h = Math.imul(h ^ ref.charCodeAt(i), 0x01000193) >>> 0;
  return 20_000_000 + (h % 180_000_000);
}

/** Looks an image up in the catalogue. Never throws. */
export function resolveImage(raw: string): ResolvedImage {
  const ref = parseImageRef(raw);
  const key = ALIASES[ref.name] ?? ref.name;
  const spec = IMAGE_CATALOGUE[key];
  if (!spec) {
    return {
      ...base(ref.name, {
        sizeBytes: assumedSize(raw),
        summary: `unknown image: assumed to run until stopped`,
      }),
      ref,
      assumed: true,
      exists: true,
    };
  }
  const official =
    (ref.registry === 'docker.io' && ref.repository === `library/${ref.name}`) ||
    key === 'pause' ||
    (key === 'stress' && ref.repository === 'polinux/stress') ||
    (ref.registry === 'registry.k8s.io' &&
      (key === 'agnhost' || key === 'goproxy' || key === 'etcd')) ||
    (key === 'etcd' &&
      ['quay.io/coreos/etcd', 'gcr.io/etcd-development/etcd'].includes(
        `${ref.registry}/${ref.repository}`,
      ));
  const alpine =
    ref.tag.includes('alpine') || key === 'alpine' || key === 'busybox' || key === 'curl';
  const size = SIZE_VARIANTS.find((v) => v.test(ref))?.size ?? spec.sizeBytes;
  const canon = CANONICAL[key] ?? { registry: 'docker.io', repository: `library/${key}` };
  const canonical = ref.registry === canon.registry && ref.repository === canon.repository;
  // BusyBox has wget, nc and nslookup but no curl; the nginx alpine image adds curl.
  const bbMissing = key === 'curl' || key === 'nginx' ? [] : ['curl'];
  return {
    ...spec,
    missing: alpine ? bbMissing : spec.missing,
    userland: alpine ? 'busybox' : spec.userland,
    sizeBytes: size,
    ref,
    assumed: false,
    exists: !canonical || tagExists(key, ref),
    matchNote: official
      ? undefined
      : `image ${raw} is not Docker Hub's official ${key}; Podscope models it as ${key}`,
  };
}

/** Is this reference the pod's infra (pause) image? */
export function isPauseImage(raw: string): boolean {
  const n = parseImageRef(raw).name;
  return (ALIASES[n] ?? n) === 'pause';
}
