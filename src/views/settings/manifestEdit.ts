/**
 * Edits the teaching settings of a manifest in place with the `yaml` document API, so the
 * user's comments and layout survive. Pure: text in, text out.
 */
import { isMap, parseAllDocuments, stringify, type Document } from 'yaml';

export type SettingEdit =
  | { kind: 'restartPolicy'; value: 'Always' | 'OnFailure' | 'Never' }
  | { kind: 'shareProcessNamespace'; value: boolean }
  | { kind: 'terminationGracePeriodSeconds'; value: number }
  | { kind: 'imagePullPolicy'; container: string; value: 'Always' | 'IfNotPresent' | 'Never' };

/** The path of the pod spec inside a document: a Pod's `spec`, a controller's template's. */
function podSpecPath(doc: Document): (string | number)[] | undefined {
  const kind = doc.get('kind');
  if (kind === 'Pod') return ['spec'];
  if (isMap(doc.getIn(['spec', 'template', 'spec']))) return ['spec', 'template', 'spec'];
  if (isMap(doc.getIn(['spec', 'jobTemplate', 'spec', 'template', 'spec'])))
    return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  return undefined;
}

/** The pod spec settings as the manifest states them (absent = API default). */
export interface PodSettings {
  restartPolicy?: string;
  shareProcessNamespace?: boolean;
  terminationGracePeriodSeconds?: number;
  containers: { name: string; kind: 'init' | 'app'; image: string; imagePullPolicy?: string }[];
}

export function manifestText(manifest: string | Record<string, unknown>): string {
  return typeof manifest === 'string' ? manifest : stringify(manifest);
}

export function readSettings(manifest: string | Record<string, unknown>): PodSettings | undefined {
  for (const doc of parseAllDocuments(manifestText(manifest))) {
    if (!('contents' in doc)) continue;
    const path = podSpecPath(doc);
    if (!path) continue;
    const spec = doc.getIn(path, false);
    const js = (isMap(spec) ? spec.toJSON() : {}) as Record<string, unknown>;
    const list = (key: 'initContainers' | 'containers', kind: 'init' | 'app') =>
      ((js[key] as Record<string, unknown>[] | undefined) ?? []).map((c) => ({
        name: String(c.name ?? ''),
        kind,
        image: String(c.image ?? ''),
        imagePullPolicy: c.imagePullPolicy as string | undefined,
      }));
    return {
      restartPolicy: js.restartPolicy as string | undefined,
      shareProcessNamespace: js.shareProcessNamespace as boolean | undefined,
      terminationGracePeriodSeconds: js.terminationGracePeriodSeconds as number | undefined,
      containers: [...list('initContainers', 'init'), ...list('containers', 'app')],
    };
  }
  return undefined;
}

/** Applies one edit to the first document holding a pod spec; returns the new text. */
export function editManifest(
  manifest: string | Record<string, unknown>,
  edit: SettingEdit,
): string {
  const docs = parseAllDocuments(manifestText(manifest));
  for (const doc of docs) {
    if (!('contents' in doc)) continue;
    const path = podSpecPath(doc);
    if (!path) continue;
    if (edit.kind === 'imagePullPolicy') {
      for (const key of ['initContainers', 'containers']) {
        const items = doc.getIn([...path, key]);
        const n =
          items && typeof items === 'object' && 'items' in items
            ? (items.items as unknown[]).length
            : 0;
        for (let i = 0; i < n; i++) {
          if (doc.getIn([...path, key, i, 'name']) === edit.container) {
            doc.setIn([...path, key, i, 'imagePullPolicy'], edit.value);
          }
        }
      }
    } else {
      doc.setIn([...path, edit.kind], edit.value);
    }
    break;
  }
  return docs.map((d) => d.toString()).join('');
}
