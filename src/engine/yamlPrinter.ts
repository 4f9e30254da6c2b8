/**
 * `kubectl get pod -o yaml` on its own (it carries the `yaml` library): the page imports this
 * on demand, when the YAML tab or the editor opens.
 */
export { podToYaml } from './kubectl/yaml.ts';
