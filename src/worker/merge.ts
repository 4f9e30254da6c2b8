/**
 * How a consumer applies frames: the merged view of the simulation, always
 * complete (no nulls). Pure; unchanged parts keep their identity, so selectors
 * over them do not re-render.
 */
import type {
  ContainerLogs,
  Frame,
  Lane,
  PodFrame,
  PodRow,
  SimEvent,
  TimedAction,
  V1Node,
  WatchLine,
} from './protocol.ts';

export interface SimView {
  nowMs: number;
  playing: boolean;
  speed: number;
  horizonMs: number;
  nextEventAtMs: number | null;
  crashed: boolean;
  pods: PodFrame[];
  nodes: V1Node[];
  rows: PodRow[];
  /** Every event up to nowMs, oldest first. */
  events: SimEvent[];
  /**
   * Bumped whenever `events` was replaced rather than appended to (load, reset,
   * seek back): a consumer streaming new events restarts from the list then.
   */
  eventsEpoch: number;
  /** By `${pod}/${container}`. */
  logs: Record<string, ContainerLogs>;
  actions: TimedAction[];
  /** One per (pod, container), in first-seen order; segments cover 0…horizonMs. */
  lanes: Lane[];
  /** `get pods -w` lines over 0…horizonMs, oldest first; print those with atMs ≤ nowMs. */
  watch: WatchLine[];
  /** The watch's header line, padded as printed with the first rows ('' before any). */
  watchHeader: string;
}

export function emptyView(): SimView {
  return {
    nowMs: 0,
    playing: false,
    speed: 1,
    horizonMs: 0,
    nextEventAtMs: null,
    crashed: false,
    pods: [],
    nodes: [],
    rows: [],
    events: [],
    eventsEpoch: 0,
    logs: {},
    actions: [],
    lanes: [],
    watch: [],
    watchHeader: '',
  };
}

export function mergeFrame(view: SimView, f: Frame): SimView {
  const events = f.events.reset
    ? f.events.items
    : f.events.items.length
      ? view.events.concat(f.events.items)
      : view.events;
  let logs = view.logs;
  if (f.logs) {
    logs = f.logs.reset ? {} : { ...logs };
    for (const l of f.logs.items) logs[`${l.pod}/${l.container}`] = l;
  }
  let lanes = view.lanes;
  if (f.lanes) {
    lanes = f.lanes.reset ? [] : lanes.slice();
    for (const d of f.lanes.items) {
      const i = lanes.findIndex((l) => l.pod === d.pod && l.container === d.container);
      const old = i >= 0 ? lanes[i]! : undefined;
      const lane: Lane = {
        pod: d.pod,
        container: d.container,
        kind: d.kind,
        segments: (old?.segments ?? []).slice(0, d.from).concat(d.segments),
        restarts: (old?.restarts ?? []).slice(0, d.restartsFrom).concat(d.restarts),
      };
      if (i >= 0) lanes[i] = lane;
      else lanes.push(lane);
    }
  }
  const watch = !f.watch
    ? view.watch
    : f.watch.reset
      ? f.watch.items
      : f.watch.items.length
        ? view.watch.concat(f.watch.items)
        : view.watch;
  return {
    nowMs: f.nowMs,
    playing: f.playing,
    speed: f.speed,
    horizonMs: f.horizonMs,
    nextEventAtMs: f.nextEventAtMs,
    crashed: f.crashed,
    pods: f.pods ?? view.pods,
    nodes: f.nodes ?? view.nodes,
    rows: f.rows ?? view.rows,
    events,
    eventsEpoch: f.events.reset ? view.eventsEpoch + 1 : view.eventsEpoch,
    logs,
    actions: f.actions ?? view.actions,
    lanes,
    watch,
    watchHeader: f.watch ? f.watch.header : view.watchHeader,
  };
}
