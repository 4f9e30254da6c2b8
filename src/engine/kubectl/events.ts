/**
 * From the simulation's event occurrences to the Event objects a cluster would
 * hold, and to the rows `kubectl describe pod` prints for them.
 *
 * Recording (client-go `tools/record`, core/v1 — kubelet and controllers):
 *   1. aggregation: per source+object+type+reason, the 10th distinct message seen
 *      with no gap over 600 s and every later one fold into one Event whose message
 *      is `(combined from similar events): <latest>`;
 *   2. dedup: an occurrence identical in source, object (fieldPath included), type,
 *      reason and message bumps `count` and `lastTimestamp` of the same Event;
 *   3. spam filter: per source+object+type, a token bucket (burst 25, one token per
 *      300 s) drops the excess — the dedup cache has already counted them, so a
 *      later accepted update shows the jump.
 *   Timestamps have 1-second resolution.
 * The scheduler records through events.k8s.io (`tools/events`): the first
 * occurrence has only `eventTime`; repeats (message not compared) form a series
 * (`series.count`, `series.lastObservedTime`) that closes after 6 min without a
 * repeat. (The real series is written lazily; here it is visible at once.)
 *
 * Printing (kubectl describe, `DescribeEvents`): sorted by lastTimestamp
 * ascending, events without one first, ties in creation order; Age is
 * `<first>` or `<last> (x<count> over <first>)`; From is the source component or
 * the reporting controller; Message is trimmed and, since kubectl 1.35, prefixed
 * with `<fieldPath>: `.
 */
import { humanDuration } from '../kubelet/humanDuration.ts';
import { DEFAULT_EPOCH_MS, toSecond } from './time.ts';

/** One occurrence, as the simulation reports it (`SimEvent` plus optional source/object). */
export interface KubectlEventInput {
  /** Simulated ms since the manifest was applied. */
  atMs: number;
  type: string;
  reason: string;
  message: string;
  /** `involvedObject.fieldPath`, e.g. `spec.containers{app}`. */
  fieldPath?: string;
  /** `source.component` / reporting controller; inferred from the reason when absent. */
  source?: string;
  /** The involved object; the described pod when absent. */
  object?: { kind?: string; name?: string };
}

/** An Event object as the API would hold it. */
export interface RecordedEvent {
  /** Creation order (the API's list order for one object). */
  seq: number;
  type: string;
  reason: string;
  message: string;
  fieldPath?: string;
  source: string;
  objectKind: string;
  objectName: string;
  count: number;
  /** core/v1 timestamps (wall ms, whole seconds). Absent for events.k8s.io events. */
  firstMs?: number;
  lastMs?: number;
  /** events.k8s.io `eventTime` (wall ms) and series. */
  eventTimeMs?: number;
  series?: { count: number; lastObservedMs: number };
}

/** One row of the describe Events table (also the UI's Events table). */
export interface EventRow {
  /** Stable identity for list rendering. */
  key: string;
  type: string;
  reason: string;
  /** e.g. `45s (x3 over 3m15s)`. */
  age: string;
  from: string;
  /** As describe prints it (trimmed; `<fieldPath>: ` prefix when `fieldPathPrefix`). */
  message: string;
  /** The message without the fieldPath prefix. */
  text: string;
  fieldPath?: string;
  count: number;
  /** Wall ms of the last occurrence shown (for sorting and tests). */
  lastSeenMs: number;
}

export interface EventOptions {
  /** Wall-clock ms of simulated t = 0 (default: `DEFAULT_EPOCH_MS`). */
  epochMs?: number;
  /** Only events about this pod (events whose `object.name` differs are skipped). */
  podName?: string;
  /** kubectl ≥ 1.35 prefixes `<fieldPath>: ` (default true). */
  fieldPathPrefix?: boolean;
}

const SCHEDULER_REASONS = new Set(['Scheduled', 'FailedScheduling', 'Preempted']);

/** The component that records an event of this reason (`From`). */
export function inferSource(reason: string): string {
  if (SCHEDULER_REASONS.has(reason)) return 'default-scheduler';
  if (reason === 'NodeNotReady' || reason === 'NodeControllerEviction') return 'node-controller';
  if (reason === 'TaintManagerEviction') return 'taint-eviction-controller';
  if (/^(Successful|Failed)(Create|Delete)$/.test(reason)) return 'replicaset-controller';
  if (reason === 'ScalingReplicaSet' || reason === 'ReplicaSetCreateError')
    return 'deployment-controller';
  return 'kubelet';
}

const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;
const SERIES_ISOLATION_MS = 6 * 60_000;
const COMBINED_PREFIX = '(combined from similar events): ';

/**
 * Replays the recorders over `events` (in occurrence order) and returns the
 * Event objects that exist at the end, in creation order.
 */
export function recordEvents(
  events: readonly KubectlEventInput[],
  options: EventOptions = {},
): RecordedEvent[] {
  const epochMs = options.epochMs ?? DEFAULT_EPOCH_MS;
  const visible = new Map<string, RecordedEvent>();
  const order: RecordedEvent[] = [];
  const aggregates = new Map<string, { keys: string[]; lastMs: number }>();
  const cache = new Map<string, { count: number; firstMs: number; seq: number }>();
  const buckets = new Map<string, { tokens: number; lastMs: number }>();
  const seriesOpen = new Map<string, RecordedEvent>();
  let seq = 0;

  for (const ev of events) {
    if (options.podName && ev.object?.name && ev.object.name !== options.podName) continue;
    const wall = epochMs + ev.atMs;
    const source = ev.source ?? inferSource(ev.reason);
    const objectKind = ev.object?.kind ?? 'Pod';
    const objectName = ev.object?.name ?? options.podName ?? '';
    const object = `${objectKind}/${objectName}`;

    if (source === 'default-scheduler') {
      const key = [source, object, ev.type, ev.reason].join('\u0000');
      const open = seriesOpen.get(key);
      const lastSeen = open ? (open.series?.lastObservedMs ?? open.eventTimeMs!) : undefined;
      if (open && lastSeen !== undefined && wall - lastSeen <= SERIES_ISOLATION_MS) {
        open.series = { count: (open.series?.count ?? 1) + 1, lastObservedMs: wall };
        open.count = open.series.count;
        continue;
      }
      const rec: RecordedEvent = {
        seq: seq++,
        type: ev.type,
        reason: ev.reason,
        message: ev.message,
        fieldPath: ev.fieldPath,
        source,
        objectKind,
        objectName,
        count: 1,
        eventTimeMs: wall,
      };
      seriesOpen.set(key, rec);
      order.push(rec);
      continue;
    }

    // 1. aggregation
    const aggKey = [source, object, ev.type, ev.reason].join('\u0000');
    let agg = aggregates.get(aggKey);
    if (!agg || wall - agg.lastMs > AGGREGATE_INTERVAL_MS) agg = { keys: [], lastMs: wall };
    if (!agg.keys.includes(ev.message)) agg.keys.push(ev.message);
    agg.lastMs = wall;
    aggregates.set(aggKey, agg);
    let message = ev.message;
    let dedupKey = [aggKey, ev.fieldPath ?? '', ev.message].join('\u0000');
    if (agg.keys.length >= AGGREGATE_MAX_EVENTS) {
      agg.keys.shift(); // client-go pops an arbitrary key; the oldest keeps replays deterministic
      message = COMBINED_PREFIX + ev.message;
      dedupKey = aggKey;
    }

    // 2. dedup (the cache counts even what the spam filter then drops)
    const ts = toSecond(wall);
    const prior = cache.get(dedupKey);
    const entry = prior
      ? { count: prior.count + 1, firstMs: prior.firstMs, seq: prior.seq }
      : { count: 1, firstMs: ts, seq: -1 };
    cache.set(dedupKey, entry);

    // 3. spam filter
    const spamKey = [source, object, ev.type].join('\u0000');
    const bucket = buckets.get(spamKey) ?? { tokens: SPAM_BURST, lastMs: wall };
    bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + (wall - bucket.lastMs) / SPAM_REFILL_MS);
    bucket.lastMs = wall;
    buckets.set(spamKey, bucket);
    if (bucket.tokens < 1) continue;
    bucket.tokens -= 1;

    const existing = visible.get(dedupKey);
    if (existing) {
      existing.count = entry.count;
      existing.lastMs = ts;
      existing.message = message;
    } else {
      const rec: RecordedEvent = {
        seq: seq++,
        type: ev.type,
        reason: ev.reason,
        message,
        fieldPath: ev.fieldPath,
        source,
        objectKind,
        objectName,
        count: entry.count,
        firstMs: entry.firstMs,
        lastMs: ts,
      };
      visible.set(dedupKey, rec);
      order.push(rec);
    }
  }
  return order;
}

function since(nowMs: number, ms: number | undefined): string {
  if (ms === undefined) return '<unknown>';
  return humanDuration(nowMs - ms);
}

/** The Age cell of `kubectl describe`. */
export function eventAge(e: RecordedEvent, now: Date): string {
  const nowMs = now.getTime();
  const first = since(nowMs, e.eventTimeMs ?? e.firstMs);
  if (e.series)
    return `${since(nowMs, e.series.lastObservedMs)} (x${e.series.count} over ${first})`;
  if (e.count > 1) return `${since(nowMs, e.lastMs)} (x${e.count} over ${first})`;
  return first;
}

/** Sorts as `sort.Sort(event.SortableEvents)`: by lastTimestamp, none first, ties in list order. */
export function sortForDescribe(events: readonly RecordedEvent[]): RecordedEvent[] {
  return [...events].sort((a, b) => {
    const la = a.lastMs ?? Number.NEGATIVE_INFINITY;
    const lb = b.lastMs ?? Number.NEGATIVE_INFINITY;
    return la === lb ? a.seq - b.seq : la - lb;
  });
}

/**
 * The rows of the describe Events table at `now`: recorded, sorted and formatted.
 * Occurrences after `now` are ignored.
 */
export function aggregateEvents(
  events: readonly KubectlEventInput[],
  now: Date,
  options: EventOptions = {},
): EventRow[] {
  const epochMs = options.epochMs ?? DEFAULT_EPOCH_MS;
  const cutoff = now.getTime() - epochMs;
  const upToNow = events.filter((e) => e.atMs <= cutoff);
  return formatEventRows(sortForDescribe(recordEvents(upToNow, options)), now, options);
}

/**
 * Formats recorded, sorted events as describe rows at `now` (only the ages depend on
 * `now`: a view can record once per change of the event list and format every second).
 */
export function formatEventRows(
  sorted: readonly RecordedEvent[],
  now: Date,
  options: Pick<EventOptions, 'fieldPathPrefix'> = {},
): EventRow[] {
  const prefix = options.fieldPathPrefix ?? true;
  return sorted.map((e) => {
    const text = e.message.trim();
    return {
      key: `${e.objectName}.${e.seq}`,
      type: e.type,
      reason: e.reason,
      age: eventAge(e, now),
      from: e.source,
      message: prefix && e.fieldPath ? `${e.fieldPath}: ${text}` : text,
      text,
      fieldPath: e.fieldPath,
      count: e.count,
      lastSeenMs: e.series?.lastObservedMs ?? e.lastMs ?? e.eventTimeMs ?? 0,
    };
  });
}

/** The Events block's tab-separated text (to be laid out by the describe tabwriter). */
export function eventsBlock(rows: readonly EventRow[]): string {
  if (rows.length === 0) return 'Events:\t<none>\n';
  let s = 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n';
  for (const r of rows) s += `  ${r.type}\t${r.reason}\t${r.age}\t${r.from}\t${r.message}\n`;
  return s;
}
