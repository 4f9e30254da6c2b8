/**
 * Checks for what arrives from outside a Podscope instance (share links, host pages): the
 * shape of an engine `Action`, and a manifest as the API server would judge it, so a bad one is
 * refused before anything changes.
 */
import { parseDocument } from 'yaml';
import { validatePod } from '../engine/index.ts';
import { isObject } from './actionCheck.ts';

export { isObject, validateAction } from './actionCheck.ts';

/** A problem with a manifest: the field (API-server path, '' for the whole text) and the sentence. */
export interface ManifestError {
  field: string;
  message: string;
}

/** Parses YAML text and validates it as the API server would on create; [] when it is fine. */
export function validateManifestText(text: string): ManifestError[] {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0)
    return doc.errors.map((e) => ({ field: '', message: `error parsing YAML: ${e.message}` }));
  const obj: unknown = doc.toJS();
  if (!isObject(obj)) return [{ field: '', message: 'the manifest is not a YAML object' }];
  if (obj.kind !== 'Pod')
    return [
      {
        field: 'kind',
        message: `kind: Unsupported value: ${JSON.stringify(obj.kind ?? '')}: supported values: "Pod"`,
      },
    ];
  if (obj.apiVersion !== 'v1')
    return [
      {
        field: 'apiVersion',
        message: `apiVersion: Unsupported value: ${JSON.stringify(obj.apiVersion ?? '')}: supported values: "v1"`,
      },
    ];
  return validatePod(obj as Parameters<typeof validatePod>[0]).map((e) => ({
    field: e.field,
    message: e.message,
  }));
}
