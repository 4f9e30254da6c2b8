/**
 * The probe tick table: for each probe of each container run, the prober
 * worker's ticks second by second — whether it probed, what the program
 * answered, the consecutive failure/success counts, the published result and
 * what the kubelet did about it. It is the table people draw by hand to
 * explain `startupProbe` gating liveness and readiness.
 */
import type { PodState } from '../state.ts';
import type { PodRuntimeView, ProbeKind, ProbeTick } from '../types.ts';

/** Ticks kept per pod (oldest dropped first): ten minutes of three 1 s probes. */
export const MAX_PROBE_TICKS = 600;

/** Appends one tick to the pod's bounded log (the simulation's prober calls this). */
export function recordTick(p: PodState, t: ProbeTick): void {
  const log = (p.probeTicks ??= []);
  const clean: ProbeTick = { ...t };
  if (clean.acted === undefined) delete clean.acted;
  log.push(clean);
  if (log.length > MAX_PROBE_TICKS) log.splice(0, log.length - MAX_PROBE_TICKS);
}

/** One probe of one container run: its ticks, oldest first. */
export interface ProbeScheduleRow {
  container: string;
  run: number;
  probe: ProbeKind;
  ticks: ProbeTick[];
  /** The first tick the kubelet acted on (`restart`, `started`, `ready`, `not-ready`), if any. */
  actedAtMs?: number;
}

const ORDER: Record<ProbeKind, number> = { startup: 0, liveness: 1, readiness: 2 };

/**
 * The tick table of `pod` (a `Simulation.runtime()` view), one row per
 * (container, run, probe), in container order then run then startup →
 * liveness → readiness. With `run`, only that run of each container (its
 * restartCount at start). Never throws; a view without ticks gives [].
 */
export function probeSchedule(pod: PodRuntimeView, run?: number): ProbeScheduleRow[] {
  const ticks = Array.isArray(pod?.probeTicks) ? pod.probeTicks : [];
  const order = new Map((pod?.containers ?? []).map((c, i) => [c.name, i]));
  const rows = new Map<string, ProbeScheduleRow>();
  for (const t of ticks) {
    if (run !== undefined && t.run !== run) continue;
    const key = `${t.container}\u0000${t.run}\u0000${t.probe}`;
    let row = rows.get(key);
    if (!row) {
      row = { container: t.container, run: t.run, probe: t.probe, ticks: [] };
      rows.set(key, row);
    }
    row.ticks.push(t);
    if (t.acted && row.actedAtMs === undefined) row.actedAtMs = t.atMs;
  }
  return [...rows.values()].sort(
    (a, b) =>
      (order.get(a.container) ?? 1e9) - (order.get(b.container) ?? 1e9) ||
      a.container.localeCompare(b.container) ||
      a.run - b.run ||
      ORDER[a.probe] - ORDER[b.probe],
  );
}
