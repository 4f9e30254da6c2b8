/**
 * Builds compact frames: heavy parts only when they changed, events and lanes as
 * deltas. Change detection is cheap: pods, nodes and logs are re-read only when
 * the engine handled something since the last frame; rows are compared as text.
 */
import { eventsSince, type SimLike } from './engine.ts';
import type { LaneTracker } from './lanes.ts';
import { toPodRows, type WatchTracker } from './watch.ts';
import {
  LOG_LINE_CAP,
  type ContainerLogs,
  type Frame,
  type PodFrame,
  type TimedAction,
  type V1Pod,
} from './protocol.ts';

/** While playing, time-dependent parts are re-read at least every this many frames. */
const REFRESH_FRAMES = 4;

export interface FrameSource {
  sim: SimLike;
  horizonMs: number;
  actions: TimedAction[];
  touched: boolean;
  rewound: boolean;
  /** The next engine job or recorded action. */
  nextInstant(): number | undefined;
}

export class FrameBuilder {
  private eventsSent = 0;
  private eventsReset = true;
  private logSigs = new Map<string, string>();
  private logsReset = true;
  private rowsSig = '';
  private actionsDirty = true;
  private first = true;
  private framesSinceRefresh = 0;
  private refreshedAtMs = -1;
  private apiPods: V1Pod[] | undefined;
  private podsCache: PodFrame[] = [];
  private podsSig = '';
  private nodesSig = '';

  constructor(
    private readonly lanes: LaneTracker,
    private readonly watch: WatchTracker,
  ) {}

  /** The run's actions changed (load, dispatch, fork). */
  actionsChanged(): void {
    this.actionsDirty = true;
  }

  build(src: FrameSource, live: { playing: boolean; speed: number; crashed: boolean }): Frame {
    const sim = src.sim;
    if (src.rewound) {
      this.eventsSent = 0;
      this.eventsReset = true;
      this.logsReset = true;
      this.logSigs.clear();
      src.rewound = false;
    }
    const touched = src.touched || this.first;
    src.touched = false;
    this.first = false;

    const items = eventsSince(sim, this.eventsSent).slice();
    this.eventsSent += items.length;
    const events = { reset: this.eventsReset, items };
    this.eventsReset = false;

    // The API objects change only when the engine handles something; the runtime
    // view (what runs inside, elapsed times), node heartbeats and looping logs also
    // move with time. While playing those are re-read every few frames; at rest
    // (after a command) always. Anything unchanged is left out.
    this.framesSinceRefresh++;
    const moved = sim.nowMs !== this.refreshedAtMs;
    const refresh =
      touched ||
      this.logsReset ||
      (moved && (!live.playing || this.framesSinceRefresh >= REFRESH_FRAMES));
    let pods: PodFrame[] | null = null;
    let logs: Frame['logs'] = null;
    let nodes: Frame['nodes'] = null;
    if (refresh) {
      if (touched || !this.apiPods) this.apiPods = sim.pods();
      const next = this.apiPods.map((pod) => {
        const name = pod.metadata?.name ?? '';
        return { name, pod, runtime: sim.runtime(name) };
      });
      const podsSig = JSON.stringify(next);
      if (podsSig !== this.podsSig) pods = next;
      this.podsSig = podsSig;
      this.podsCache = next;
      const nodesNow = sim.nodes();
      const nodesSig = JSON.stringify(nodesNow);
      if (nodesSig !== this.nodesSig) nodes = nodesNow;
      this.nodesSig = nodesSig;
      logs = this.logsDelta(sim, this.podsCache);
      this.framesSinceRefresh = 0;
      this.refreshedAtMs = sim.nowMs;
    }

    const rowsNow = toPodRows(sim.printRows());
    const sig = JSON.stringify(rowsNow);
    const rows = sig === this.rowsSig ? null : rowsNow;
    this.rowsSig = sig;

    const actions = this.actionsDirty ? src.actions : null;
    this.actionsDirty = false;
    const next = src.nextInstant();
    return {
      nowMs: sim.nowMs,
      playing: live.playing,
      speed: live.speed,
      horizonMs: src.horizonMs,
      nextEventAtMs: next ?? null,
      crashed: live.crashed,
      pods,
      nodes,
      rows,
      events,
      logs,
      actions,
      lanes: this.lanes.takeDelta(),
      watch: this.watch.takeDelta(),
    };
  }

  private logsDelta(sim: SimLike, pods: PodFrame[]): Frame['logs'] {
    const items: ContainerLogs[] = [];
    for (const { name, pod } of pods) {
      const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
      for (const c of containers) {
        const current = readLogs(sim, c.name, name, false);
        const previous = readLogs(sim, c.name, name, true);
        const sig = `${signature(current)}\u0001${signature(previous)}`;
        const key = `${name}/${c.name}`;
        if (this.logSigs.get(key) === sig && !this.logsReset) continue;
        this.logSigs.set(key, sig);
        const truncated = current.length > LOG_LINE_CAP || previous.length > LOG_LINE_CAP;
        items.push({
          pod: name,
          container: c.name,
          current: current.slice(-LOG_LINE_CAP),
          previous: previous.slice(-LOG_LINE_CAP),
          truncated,
        });
      }
    }
    const reset = this.logsReset;
    this.logsReset = false;
    return items.length || reset ? { reset, items } : null;
  }
}

function readLogs(sim: SimLike, container: string, pod: string, previous: boolean): string[] {
  try {
    return sim.logs(container, { pod, previous });
  } catch {
    return []; // kubectl: "previous terminated container … not found"
  }
}

function signature(lines: string[]): string {
  return `${lines.length}:${lines[0] ?? ''}:${lines.at(-1) ?? ''}`;
}
