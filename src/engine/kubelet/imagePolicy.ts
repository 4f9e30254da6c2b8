/**
 * The API server's default for `imagePullPolicy`
 * (pkg/apis/core/v1/defaults.go SetDefaults_Container) and the image-name
 * parsing it relies on (pkg/util/parsers/parsers.go ParseImageName, which
 * uses the docker reference grammar of github.com/distribution/reference).
 *
 * The rule: parse the image; no tag and no digest means tag `latest`.
 * Tag `latest` → `Always`, anything else → `IfNotPresent`. A reference that
 * does not parse yields an empty tag, hence `IfNotPresent`.
 */
export type PullPolicy = 'Always' | 'IfNotPresent';

export interface ParsedImageName {
  /** Fully qualified repository, e.g. `docker.io/library/nginx`, `host:5000/app`. */
  repository: string;
  /** The tag, `latest` when neither tag nor digest is given, '' when only a digest is given. */
  tag: string;
  /** The digest (`sha256:…`) or ''. */
  digest: string;
}

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN = `(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(
  `^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`,
);
const ANCHORED_HEX_ID = /^[a-f0-9]{64}$/;
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** Splits off the registry the way docker does: a first component with `.` or `:`, `localhost`, or uppercase is a host. */
function splitDomain(name: string): { domain: string; remainder: string } {
  const i = name.indexOf('/');
  const first = i === -1 ? '' : name.slice(0, i);
  if (i === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    return { domain: 'docker.io', remainder: name.includes('/') ? name : `library/${name}` };
  }
  let domain = first;
  let remainder = name.slice(i + 1);
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  return { domain, remainder };
}

/** ParseImageName: repository, tag (default `latest`) and digest, or `undefined` if the reference is invalid. */
export function parseImageName(image: string): ParsedImageName | undefined {
  if (ANCHORED_HEX_ID.test(image)) return undefined; // a bare image ID is not a name
  const m = REFERENCE.exec(image);
  if (!m) return undefined;
  const name = m[1]!;
  const tag = m[2] ?? '';
  const digest = m[3] ?? '';
  if (name.length > 255) return undefined;
  if (digest !== '') {
    const [algorithm, hex] = digest.split(':') as [string, string];
    const want = DIGEST_HEX_LENGTH[algorithm];
    if (want === undefined || hex.length !== want) return undefined;
  }
  const { domain, remainder } = splitDomain(name);
  if (remainder.toLowerCase() !== remainder) return undefined;
  const repository = `${domain}/${remainder}`;
  return { repository, tag: tag === '' && digest === '' ? 'latest' : tag, digest };
}

export function defaultImagePullPolicy(image: string): PullPolicy {
  return parseImageName(image)?.tag === 'latest' ? 'Always' : 'IfNotPresent';
}
