/**
 * Pure helpers behind the manifest editor: YAML problems with their lines, the engine's field
 * errors mapped back to the lines they are about, and the import of a pasted object (YAML or
 * JSON, e.g. `kubectl get pod -o yaml`) cleaned of what only a server writes.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, stringify } from 'yaml';
import type { Document } from 'yaml';
import type { Pod } from 'kubernetes-types/core/v1';
import { validatePod } from '../../engine/index.ts';

export interface Problem {
  /** 1-based line and column. */
  line: number;
  col: number;
  /** Character offsets into the text (from < to). */
  from: number;
  to: number;
  /** Worded like the API server or kubectl. */
  message: string;
}

export const KINDS = ['Pod', 'ReplicaSet', 'Deployment'] as const;
export type Kind = (typeof KINDS)[number];

/** The pod spec's place in each kind's document. */
const POD_PATH: Record<Kind, (string | number)[]> = {
  Pod: [],
  ReplicaSet: ['spec', 'template'],
  Deployment: ['spec', 'template'],
};

/** Splits an API field path such as `spec.containers[1].name` into its segments. */
export function splitFieldPath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of field.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

function rangeOf(node: unknown): [number, number] | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/**
 * The text range a path points at: the key of the deepest existing map entry (so the mark sits
 * on `name:` rather than on the value), or the sequence item; an absent tail falls back to the
 * nearest existing ancestor.
 */
export function rangeForPath(doc: Document, path: readonly (string | number)[]): [number, number] {
  let node: unknown = doc.contents;
  let best: [number, number] = rangeOf(node) ?? [0, 0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
      if (!pair) break;
      const key = rangeOf(pair.key);
      if (key) best = key;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      const r = rangeOf(item);
      if (r) best = r;
      node = item;
    } else break;
  }
  return best;
}

function position(counter: LineCounter, offset: number) {
  return counter.linePos(offset);
}

function problemAt(counter: LineCounter, from: number, to: number, message: string): Problem {
  const { line, col } = position(counter, from);
  return { line, col, from, to: Math.max(to, from + 1), message };
}

/** kubectl's wording for a YAML syntax error: `error converting YAML to JSON: yaml: line N: …`. */
function yamlMessage(line: number, raw: string): string {
  const first = raw.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return `error converting YAML to JSON: yaml: line ${line}: ${first}`;
}

export interface Analysis {
  problems: Problem[];
  kind?: Kind;
  /** The pod (or pod template, as a Pod) when the text parsed. */
  pod?: Pod;
  name?: string;
}

/** Parses and validates editor text; returns every problem with its place. */
export function analyze(text: string): Analysis {
  const counter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: counter, prettyErrors: false });
  const problems: Problem[] = [];
  const list = Array.isArray(docs) ? docs : [docs];
  // Like kubectl, report the first syntax error only: later ones are often its echoes.
  const syntax = list.flatMap((d) => d.errors)[0];
  if (syntax) {
    const [from, to] = syntax.pos;
    const { line } = position(counter, from);
    problems.push(problemAt(counter, from, to, yamlMessage(line, syntax.message)));
  }
  if (problems.length > 0) return { problems };
  const doc = list.find((d) => d.contents !== null);
  if (!doc) {
    return { problems: [problemAt(counter, 0, text.length, 'error: no objects passed to apply')] };
  }
  const value = doc.toJS() as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return {
      problems: [
        problemAt(
          counter,
          0,
          text.length,
          'error: unable to decode: the document is not an object',
        ),
      ],
    };
  }
  const obj = value as Record<string, unknown>;
  const kind = obj.kind;
  if (kind === undefined) {
    const [from, to] = rangeForPath(doc, []);
    return { problems: [problemAt(counter, from, to, 'error validating data: kind not set')] };
  }
  if (!KINDS.includes(kind as Kind)) {
    const [from, to] = rangeForPath(doc, ['kind']);
    const version = typeof obj.apiVersion === 'string' ? obj.apiVersion : 'v1';
    return {
      problems: [
        problemAt(
          counter,
          from,
          to,
          `no matches for kind "${String(kind)}" in version "${version}" (Podscope runs Pod, ReplicaSet and Deployment)`,
        ),
      ],
    };
  }
  const k = kind as Kind;
  const prefix = POD_PATH[k];
  const pod = podOf(obj, k);
  const name = (obj.metadata as { name?: string } | undefined)?.name;
  for (const e of validatePod(pod)) {
    const segs = [...prefix, ...splitFieldPath(e.field)];
    const [from, to] = rangeForPath(doc, segs);
    const field = prefix.length ? `${prefix.join('.')}.${e.field}` : e.field;
    problems.push(problemAt(counter, from, to, `${field}: ${e.body}`));
  }
  return { problems, kind: k, pod, name };
}

/** The Pod itself, or the controller's pod template as a Pod (named after the controller). */
function podOf(obj: Record<string, unknown>, kind: Kind): Pod {
  if (kind === 'Pod') return obj as Pod;
  const spec = (obj.spec ?? {}) as {
    template?: { metadata?: Pod['metadata']; spec?: Pod['spec'] };
  };
  const meta = (obj.metadata ?? {}) as Pod['metadata'];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: meta?.name ?? 'template', ...spec.template?.metadata },
    spec: spec.template?.spec ?? { containers: [] },
  } as Pod;
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

const SERVER_METADATA = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'managedFields',
  'generation',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'ownerReferences',
  'generateName',
] as const;

const SERVER_ANNOTATIONS = [
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
];

const SERVER_POD_SPEC = ['nodeName'] as const;

export interface Imported {
  kind: Kind;
  /** Clean YAML for the editor. */
  yaml: string;
  /** Paths of the fields dropped for the simulation, e.g. `status`, `metadata.uid`. */
  dropped: string[];
  /** The text as pasted, for a static snapshot. */
  original: string;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

function parseAny(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') throw new ImportError('nothing to import');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      // Not JSON after all: YAML (a superset) may still read it, with a better message.
    }
  }
  const docs = parseAllDocuments(trimmed);
  const list = Array.isArray(docs) ? docs : [docs];
  for (const d of list) {
    const err = d.errors[0];
    if (err) throw new ImportError(err.message.split('\n')[0]!);
  }
  const values = list.map((d) => d.toJS() as unknown).filter((v) => v != null);
  return values[0];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** The object a paste stands for: a `List` (kubectl's several-object output) gives its first item. */
function pick(value: unknown): Record<string, unknown> {
  if (isRecord(value) && value.kind === 'List' && Array.isArray(value.items)) {
    const first = value.items.find((i) => isRecord(i) && KINDS.includes(i.kind as Kind));
    if (isRecord(first)) return first;
  }
  if (Array.isArray(value)) {
    const first = value.find((i) => isRecord(i) && KINDS.includes(i.kind as Kind));
    if (isRecord(first)) return first;
  }
  if (!isRecord(value)) throw new ImportError('expected a Pod, ReplicaSet or Deployment object');
  return value;
}

function dropKeys(
  obj: Record<string, unknown> | undefined,
  keys: readonly string[],
  at: string,
  dropped: string[],
) {
  if (!obj) return;
  for (const k of keys) {
    if (k in obj) {
      delete obj[k];
      dropped.push(`${at}${k}`);
    }
  }
}

function cleanMetadata(meta: unknown, at: string, dropped: string[]) {
  if (!isRecord(meta)) return;
  dropKeys(meta, SERVER_METADATA, at, dropped);
  if (isRecord(meta.annotations)) {
    const ann = meta.annotations;
    for (const a of SERVER_ANNOTATIONS) {
      if (a in ann) {
        delete ann[a];
        dropped.push(`${at}annotations[${a}]`);
      }
    }
    if (Object.keys(ann).length === 0) delete meta.annotations;
  }
}

/** Drops what admission added to a pod spec: the service-account token volume and its mounts. */
function cleanPodSpec(spec: unknown, at: string, dropped: string[]) {
  if (!isRecord(spec)) return;
  dropKeys(spec, SERVER_POD_SPEC, at, dropped);
  if (Array.isArray(spec.volumes)) {
    const tokens = new Set(
      spec.volumes
        .filter(
          (v) => isRecord(v) && typeof v.name === 'string' && v.name.startsWith('kube-api-access-'),
        )
        .map((v) => (v as { name: string }).name),
    );
    if (tokens.size > 0) {
      spec.volumes = spec.volumes.filter((v) => !tokens.has((v as { name: string }).name));
      if ((spec.volumes as unknown[]).length === 0) delete spec.volumes;
      dropped.push(`${at}volumes[kube-api-access-*]`);
      for (const list of ['containers', 'initContainers'] as const) {
        for (const c of (spec[list] as unknown[] | undefined) ?? []) {
          if (!isRecord(c) || !Array.isArray(c.volumeMounts)) continue;
          c.volumeMounts = c.volumeMounts.filter(
            (m) => !(isRecord(m) && tokens.has(m.name as string)),
          );
          if ((c.volumeMounts as unknown[]).length === 0) delete c.volumeMounts;
        }
      }
    }
  }
}

/**
 * Reads a pasted Pod, ReplicaSet or Deployment (YAML or JSON, a `List` too) and returns clean
 * YAML for the simulation: status and server-written fields dropped, and named in `dropped`.
 */
export function importManifest(text: string): Imported {
  const obj = structuredCloneJson(pick(parseAny(text)));
  const kind = obj.kind;
  if (typeof kind !== 'string') throw new ImportError('the object has no kind');
  if (!KINDS.includes(kind as Kind))
    throw new ImportError(`kind "${kind}" is not supported: paste a Pod, ReplicaSet or Deployment`);
  const dropped: string[] = [];
  dropKeys(obj, ['status'], '', dropped);
  cleanMetadata(obj.metadata, 'metadata.', dropped);
  if (kind === 'Pod') cleanPodSpec(obj.spec, 'spec.', dropped);
  else if (isRecord(obj.spec) && isRecord(obj.spec.template)) {
    const tpl = obj.spec.template;
    if (isRecord(tpl.metadata)) {
      if (tpl.metadata.creationTimestamp === null) delete tpl.metadata.creationTimestamp;
      cleanMetadata(tpl.metadata, 'spec.template.metadata.', dropped);
    }
    cleanPodSpec(tpl.spec, 'spec.template.spec.', dropped);
  }
  return { kind: kind as Kind, yaml: stringify(obj, { lineWidth: 0 }), dropped, original: text };
}

function structuredCloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
