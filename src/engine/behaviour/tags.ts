/**
 * Which tags a registry has for the catalogue's images.
 *
 * The rule (see `src/engine/README.md`, "Image references"):
 *
 * - An image the catalogue knows (by repository: Docker Hub's official
 *   images, `curlimages/curl`, `registry.k8s.io/pause`, …) has the tag
 *   families its publisher really pushes: version numbers of its own release
 *   line (`1.27`, `1.27.3`, `1.28.0-alpine`), and named tags (`latest`,
 *   `stable`, `alpine`, `bookworm` …). Any other tag is unknown to the
 *   registry, and the pull fails with containerd's `not found`.
 * - A digest (`@sha256:…`) is taken as present (Podscope cannot check it).
 * - An image the catalogue does not know, in any registry, is assumed to
 *   exist with every tag (Podscope cannot know a private registry): it is
 *   pulled and runs until stopped, with a notice saying so.
 */
import type { ImageRef } from './images.ts';

/** A family of tags: the version-number part and the suffixes it is published with. */
interface TagFamily {
  /** Major versions published (the first number of the tag). */
  majors: number[];
  /** How many dot-separated numbers a tag may have (1 = `7`, 3 = `7.4.1`). */
  maxParts: number;
  /** Variant suffixes after the version, `-alpine` …; '' = the plain version. */
  suffixes: string[];
  /** Tags without a version (`latest`, `stable`, `alpine` …). */
  named: string[];
  /** Highest minor version per major, when the release line is finite. */
  maxMinor?: Record<number, number>;
}

const DEBIAN_SUITES = ['bookworm', 'trixie', 'bullseye'];
const withSuites = (prefixes: string[]) => [
  ...prefixes,
  ...prefixes.flatMap((p) => DEBIAN_SUITES.map((s) => `${p}-${s}`)),
];

const TAGS: Record<string, TagFamily> = {
  nginx: {
    majors: [1],
    maxParts: 3,
    maxMinor: { 1: 29 },
    suffixes: ['', '-alpine', '-alpine-slim', '-alpine-perl', '-perl', '-bookworm', '-otel'],
    named: ['latest', 'stable', 'mainline', 'alpine', 'alpine-slim', 'perl', 'bookworm'].flatMap(
      (n) => (n === 'latest' ? [n] : [n, `stable-${n}`, `mainline-${n}`]),
    ),
  },
  httpd: {
    majors: [2],
    maxParts: 3,
    maxMinor: { 2: 4 },
    suffixes: ['', '-alpine', '-bookworm'],
    named: ['latest', 'alpine', 'bookworm'],
  },
  redis: {
    majors: [5, 6, 7, 8],
    maxParts: 3,
    suffixes: ['', '-alpine', '-bookworm'],
    named: ['latest', 'alpine', 'bookworm'],
  },
  postgres: {
    majors: [9, 10, 11, 12, 13, 14, 15, 16, 17, 18],
    maxParts: 2,
    suffixes: ['', '-alpine', ...DEBIAN_SUITES.map((s) => `-${s}`)],
    named: ['latest', 'alpine', ...DEBIAN_SUITES],
  },
  mysql: {
    majors: [5, 8, 9],
    maxParts: 3,
    suffixes: ['', '-oracle', '-oraclelinux9', '-debian'],
    named: ['latest', 'lts', 'innovation', 'oracle', 'debian'],
  },
  busybox: {
    majors: [1],
    maxParts: 3,
    maxMinor: { 1: 37 },
    suffixes: ['', '-glibc', '-musl', '-uclibc'],
    named: ['latest', 'stable', 'glibc', 'musl', 'uclibc', 'unstable'],
  },
  alpine: {
    majors: [3],
    maxParts: 3,
    maxMinor: { 3: 22 },
    suffixes: [''],
    named: ['latest', 'edge'],
  },
  ubuntu: {
    majors: [14, 16, 18, 20, 22, 24, 25],
    maxParts: 2,
    suffixes: [''],
    named: ['latest', 'rolling', 'devel', 'jammy', 'noble', 'focal', 'plucky', 'oracular'],
  },
  debian: {
    majors: [9, 10, 11, 12, 13],
    maxParts: 2,
    suffixes: ['', '-slim'],
    named: [
      'latest',
      'stable',
      'testing',
      'unstable',
      'sid',
      ...withSuites(DEBIAN_SUITES).flatMap((s) => [s, `${s}-slim`]),
      'stable-slim',
    ],
  },
  curl: {
    majors: [7, 8],
    maxParts: 3,
    suffixes: [''],
    named: ['latest'],
  },
  python: {
    majors: [2, 3],
    maxParts: 3,
    suffixes: [
      '',
      '-slim',
      '-alpine',
      ...withSuites(['-slim']).slice(1),
      ...DEBIAN_SUITES.map((s) => `-${s}`),
    ],
    named: ['latest', 'slim', 'alpine', ...DEBIAN_SUITES],
  },
  stress: {
    majors: [1],
    maxParts: 3,
    maxMinor: { 1: 0 },
    suffixes: [''],
    named: ['latest'],
  },
  pause: {
    majors: [3],
    maxParts: 2,
    suffixes: [''],
    named: ['latest'],
  },
};

const VERSION_RE = /^(\d+)((?:\.\d+)*)(.*)$/;

/**
 * Does the registry have this tag of this catalogue image (`key`)? Unknown
 * keys (images outside the catalogue) are assumed to have every tag.
 */
export function tagExists(key: string, ref: ImageRef): boolean {
  if (ref.digest) return true;
  const fam = TAGS[key];
  if (!fam) return true;
  const tag = ref.tag;
  if (fam.named.includes(tag)) return true;
  const m = VERSION_RE.exec(tag);
  if (!m) return false;
  const major = Number(m[1]);
  const rest = m[2] ? m[2].slice(1).split('.').map(Number) : [];
  if (!fam.majors.includes(major)) return false;
  if (1 + rest.length > fam.maxParts) return false;
  const maxMinor = fam.maxMinor?.[major];
  if (maxMinor !== undefined && rest[0] !== undefined && rest[0] > maxMinor) return false;
  // Patch numbers of a release line stay small (nginx 1.27.5, redis 7.4.2).
  if (rest[1] !== undefined && rest[1] > 40) return false;
  return fam.suffixes.includes(m[3] ?? '');
}

/** The catalogue keys whose tags are modelled (for the README and tests). */
export const TAGGED_IMAGES = Object.keys(TAGS);
