/**
 * The engine's light public surface for the page's main thread: kubectl's printers of the first
 * screen (get -w, the Events table), loaded with the kubectl panels after first paint. Pure
 * functions over plain objects; nothing of the simulation and no YAML library, so the page loads
 * this without the engine, which runs in the worker. `describe` is `engine/describePrinter.ts`
 * and `-o yaml` is `engine/yamlPrinter.ts`, each loaded when its tab opens.
 */
export { formatEventRows, recordEvents, sortForDescribe } from './kubectl/events.ts';
export type { EventRow, KubectlEventInput } from './kubectl/events.ts';
export { appendRowChange, getPodsWatchLines } from './kubectl/watch.ts';
export type { RowChange } from './kubectl/watch.ts';
export { DEFAULT_EPOCH_MS } from './kubectl/time.ts';
