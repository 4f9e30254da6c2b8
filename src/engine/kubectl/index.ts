/** kubectl's printers over the simulation's objects: describe, get -w, -o yaml, events. */
export { describePod, describeProbe, podQOS } from './describe.ts';
export type { DescribeOptions } from './describe.ts';
export {
  aggregateEvents,
  formatEventRows,
  recordEvents,
  eventAge,
  inferSource,
  sortForDescribe,
  eventsBlock,
} from './events.ts';
export type { EventOptions, EventRow, KubectlEventInput, RecordedEvent } from './events.ts';
export { getPodsWatchLines, appendRowChange, rowIdentity, WATCH_HEADER } from './watch.ts';
export type { RowChange, WatchRow } from './watch.ts';
export { podToYaml } from './yaml.ts';
export { applyPodDefaults } from './defaults.ts';
export { Tabwriter, tabwrite, DESCRIBE_TABWRITER, GET_TABWRITER } from './tabwriter.ts';
export { DEFAULT_EPOCH_MS, formatRFC1123Z } from './time.ts';
