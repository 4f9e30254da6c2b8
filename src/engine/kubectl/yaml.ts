/**
 * `kubectl get pod -o yaml`: the API object (defaults applied) through
 * sigs.k8s.io/yaml, which goes JSON → YAML with go-yaml v2: map keys sorted,
 * sequences not indented under their key, empty maps as `{}`, a string that
 * needs quoting for its characters in single quotes, and a string that would
 * otherwise read back as a bool, number, null or timestamp in double quotes
 * (`status: "True"`, `creationTimestamp: "2025-01-01T00:00:05Z"`).
 */
import { Document, Scalar, visit } from 'yaml';
import type { Pod } from 'kubernetes-types/core/v1';
import { applyPodDefaults } from './defaults.ts';

const BOOL_OR_NULL =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|)$/;
const NUMBER =
  /^(?:[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const TIMESTAMP =
  /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?$/;

/** Whether go-yaml would resolve this plain scalar to something other than a string. */
export function readsAsNonString(s: string): boolean {
  return BOOL_OR_NULL.test(s) || NUMBER.test(s) || TIMESTAMP.test(s);
}

export function podToYaml(pod: Pod, options: { applyDefaults?: boolean } = {}): string {
  const full = options.applyDefaults === false ? pod : applyPodDefaults(pod);
  // JSON first: `undefined` fields vanish as they do in the API's JSON.
  const json = JSON.parse(JSON.stringify(full)) as unknown;
  const doc = new Document(json, { sortMapEntries: true });
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string' && readsAsNonString(node.value))
        node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ indentSeq: false, singleQuote: true, lineWidth: 80 });
}
