/**
 * Timeline lanes: what each container was doing over time, sampled after every
 * instant the engine handles. State only changes at scheduled instants, so
 * sampling after each one is exact. Changes leave as deltas (see LaneDelta).
 */
import type { Container, ContainerStatus } from 'kubernetes-types/core/v1';
import { eventsSince, type SimLike } from './engine.ts';
import type {
  ContainerKind,
  Lane,
  LaneDelta,
  LaneSegment,
  LaneState,
  PodRuntimeView,
} from './protocol.ts';

interface Tracked extends Lane {
  /** Lowest segment index changed since the last delta (Infinity: none). */
  dirtyFrom: number;
  restartsDirtyFrom: number;
  lastRestartCount: number;
  /** Last pull event seen for this container: Pulling until Pulled/Failed. */
  pulling: boolean;
}

type Sample = Pick<LaneSegment, 'state' | 'reason' | 'exitCode'>;

const key = (pod: string, container: string) => `${pod}\u0000${container}`;

export class LaneTracker {
  private lanes = new Map<string, Tracked>();
  private resetPending = true;
  private eventsSeen = 0;

  /** Forget everything (load/reset). */
  reset(): void {
    this.lanes.clear();
    this.resetPending = true;
    this.eventsSeen = 0;
  }

  /**
   * Records the state of every container now. Only events not seen yet are
   * scanned. The runtime view (costly: it models what runs inside) is read only
   * when a container may be pulling or terminating: the engine sets those with a
   * `Pulling` / `Killing` event, and they end while the lane shows them.
   */
  sample(sim: SimLike): void {
    const atMs = sim.nowMs;
    const fresh = eventsSince(sim, this.eventsSeen);
    this.eventsSeen += fresh.length;
    for (const pod of sim.pods()) {
      const podName = pod.metadata?.name ?? '';
      const statuses = (list: ContainerStatus[] | undefined, name: string) =>
        list?.find((s) => s.name === name);
      const entries: [Container, ContainerKind, ContainerStatus | undefined][] = [
        ...(pod.spec?.initContainers ?? []).map(
          (c): [Container, ContainerKind, ContainerStatus | undefined] => [
            c,
            (c as { restartPolicy?: string }).restartPolicy === 'Always' ? 'sidecar' : 'init',
            statuses(pod.status?.initContainerStatuses, c.name),
          ],
        ),
        ...(pod.spec?.containers ?? []).map(
          (c): [Container, ContainerKind, ContainerStatus | undefined] => [
            c,
            'app',
            statuses(pod.status?.containerStatuses, c.name),
          ],
        ),
      ];
      const mine = fresh.filter((e) => {
        const forPod = (e as { pod?: string }).pod;
        return forPod === undefined || forPod === podName;
      });
      let needView = mine.some((e) => e.reason === 'Pulling' || e.reason === 'Killing');
      for (const [c, kind] of entries) {
        const state = this.lane(podName, c.name, kind).segments.at(-1)?.state;
        if (state === 'pulling' || state === 'terminating') needView = true;
      }
      const view = needView ? sim.runtime(podName) : undefined;
      const deleting = !!pod.metadata?.deletionTimestamp;
      for (const [c, kind, st] of entries) {
        const lane = this.lane(podName, c.name, kind);
        for (const e of mine) {
          if (!e.fieldPath?.endsWith(`{${c.name}}`)) continue;
          if (e.reason === 'Pulling') lane.pulling = true;
          else if (PULL_ENDS.has(e.reason)) lane.pulling = false;
        }
        const activity = view ? runtimeActivity(view, c.name) : undefined;
        const pulling = view
          ? activity !== undefined
            ? activity === 'pulling'
            : lane.pulling
          : false;
        this.put(lane, atMs, classify(st, deleting || activity === 'terminating', pulling));
        const count = st?.restartCount ?? 0;
        if (count > lane.lastRestartCount) {
          lane.restartsDirtyFrom = Math.min(lane.restartsDirtyFrom, lane.restarts.length);
          lane.restarts.push({ atMs, restartCount: count });
        }
        lane.lastRestartCount = count;
      }
    }
  }

  /** A fork at `atMs`: the future after it is gone; the state at `atMs` stays open. */
  truncateAfter(atMs: number): void {
    // Image pulls are re-derived from all events up to now at the next sample.
    this.eventsSeen = 0;
    for (const lane of this.lanes.values()) {
      lane.pulling = false;
      let n = lane.segments.length;
      while (n > 1 && lane.segments[n - 1]!.fromMs > atMs) n--;
      if (n < lane.segments.length || lane.segments[n - 1]?.toMs !== undefined) {
        lane.segments.length = n;
        const last = lane.segments[n - 1];
        if (last && last.fromMs <= atMs) delete last.toMs;
        lane.dirtyFrom = Math.min(lane.dirtyFrom, Math.max(0, n - 1));
      }
      let r = lane.restarts.length;
      while (r > 0 && lane.restarts[r - 1]!.atMs > atMs) r--;
      if (r < lane.restarts.length) {
        lane.restarts.length = r;
        lane.restartsDirtyFrom = Math.min(lane.restartsDirtyFrom, r);
        lane.lastRestartCount = lane.restarts[r - 1]?.restartCount ?? 0;
      }
    }
  }

  /** The changes since the last call, or null when there are none. */
  takeDelta(): { reset: boolean; items: LaneDelta[] } | null {
    const items: LaneDelta[] = [];
    for (const lane of this.lanes.values()) {
      if (lane.dirtyFrom === Infinity && lane.restartsDirtyFrom === Infinity) continue;
      const from = Math.min(lane.dirtyFrom, lane.segments.length);
      const restartsFrom = Math.min(lane.restartsDirtyFrom, lane.restarts.length);
      items.push({
        pod: lane.pod,
        container: lane.container,
        kind: lane.kind,
        from,
        segments: lane.segments.slice(from).map((s) => ({ ...s })),
        restartsFrom,
        restarts: lane.restarts.slice(restartsFrom),
      });
      lane.dirtyFrom = Infinity;
      lane.restartsDirtyFrom = Infinity;
    }
    const reset = this.resetPending;
    this.resetPending = false;
    return items.length || reset ? { reset, items } : null;
  }

  /** The full lanes (for tests). */
  all(): Lane[] {
    return [...this.lanes.values()].map((l) => ({
      pod: l.pod,
      container: l.container,
      kind: l.kind,
      segments: l.segments.map((s) => ({ ...s })),
      restarts: [...l.restarts],
    }));
  }

  private lane(pod: string, container: string, kind: ContainerKind): Tracked {
    const k = key(pod, container);
    let lane = this.lanes.get(k);
    if (!lane) {
      lane = {
        pod,
        container,
        kind,
        segments: [],
        restarts: [],
        dirtyFrom: 0,
        restartsDirtyFrom: 0,
        lastRestartCount: 0,
        pulling: false,
      };
      this.lanes.set(k, lane);
    }
    return lane;
  }

  private put(lane: Tracked, atMs: number, s: Sample): void {
    const segs = lane.segments;
    const last = segs[segs.length - 1];
    if (last && same(last, s)) return;
    if (last && last.fromMs >= atMs) {
      // Several changes within one instant: only the last one is visible.
      segs.pop();
      const prev = segs[segs.length - 1];
      if (prev && same(prev, s)) {
        delete prev.toMs;
        lane.dirtyFrom = Math.min(lane.dirtyFrom, segs.length - 1);
        return;
      }
    } else if (last) {
      last.toMs = atMs;
      lane.dirtyFrom = Math.min(lane.dirtyFrom, segs.length - 1);
    }
    lane.dirtyFrom = Math.min(lane.dirtyFrom, segs.length);
    const seg: LaneSegment = { fromMs: atMs, state: s.state };
    if (s.reason !== undefined) seg.reason = s.reason;
    if (s.exitCode !== undefined) seg.exitCode = s.exitCode;
    segs.push(seg);
  }
}

/** Events after which an image pull is over (for engines whose runtime view has no activity). */
const PULL_ENDS = new Set(['Pulled', 'Failed', 'ErrImageNeverPull', 'BackOff']);

const same = (a: Sample, b: Sample) =>
  a.state === b.state && a.reason === b.reason && a.exitCode === b.exitCode;

const BACKOFF_REASONS = new Set(['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull']);

/** The lane state of one container from its API status (and what the runtime does). */
export function classify(
  st: ContainerStatus | undefined,
  terminating: boolean,
  pulling: boolean,
): Sample {
  const state = st?.state;
  if (state?.running) return { state: terminating ? 'terminating' : 'running' };
  if (state?.terminated) {
    const out: Sample = { state: 'terminated', exitCode: state.terminated.exitCode };
    if (state.terminated.reason) out.reason = state.terminated.reason;
    return out;
  }
  const reason = state?.waiting?.reason;
  let s: LaneState = 'waiting';
  if (reason && BACKOFF_REASONS.has(reason)) s = 'backoff';
  else if (pulling) s = 'pulling';
  return reason ? { state: s, reason } : { state: s };
}

/** What the runtime view says the container is doing (undefined: not reported). */
function runtimeActivity(view: PodRuntimeView | undefined, container: string): string | undefined {
  return view?.containers?.find((c) => c.name === container)?.activity;
}
