/**
 * The Deployment controller's arithmetic (pkg/controller/deployment,
 * pkg/controller/deployment/util): maxSurge / maxUnavailable, the new
 * ReplicaSet's size at each rolling step, how far the old ones may shrink,
 * and the ScalingReplicaSet messages (v1.32+ wording).
 */

export type IntOrPercent = number | string | undefined | null;

/** `intstr.GetScaledValueFromIntOrPercent`. */
export function scaledValue(v: IntOrPercent, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v.trim());
  if (!m) {
    const n = Number(v);
    if (Number.isInteger(n)) return n;
    throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  }
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** `ResolveFenceposts`: surge rounds up, unavailability down; both 0 → 1 unavailable. */
export function resolveFenceposts(
  maxSurge: IntOrPercent,
  maxUnavailable: IntOrPercent,
  replicas: number,
): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge ?? '25%', replicas, true);
  let unavailable = scaledValue(maxUnavailable ?? '25%', replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** One ReplicaSet as the Deployment controller weighs it. */
export interface RSInfo {
  name: string;
  /** spec.replicas. */
  replicas: number;
  /** status.availableReplicas. */
  available: number;
  /** Creation order (older first). */
  createdAtMs: number;
}

export interface RollingInput {
  replicas: number;
  maxSurge?: IntOrPercent;
  maxUnavailable?: IntOrPercent;
  newRS: RSInfo;
  oldRSs: RSInfo[];
}

/** A change of one ReplicaSet's spec.replicas. */
export interface Scale {
  name: string;
  from: number;
  to: number;
}

/** `NewRSNewReplicas` for RollingUpdate. */
export function newRSReplicas(input: RollingInput): number {
  const { surge } = resolveFenceposts(input.maxSurge, input.maxUnavailable, input.replicas);
  const current = input.newRS.replicas + input.oldRSs.reduce((s, r) => s + r.replicas, 0);
  const maxTotal = input.replicas + surge;
  if (current >= maxTotal) return input.newRS.replicas;
  const up = Math.min(maxTotal - current, input.replicas - input.newRS.replicas);
  return input.newRS.replicas + Math.max(0, up);
}

/**
 * `reconcileOldReplicaSets`: first the old sets' unhealthy pods go (up to the
 * room `maxScaledDown` leaves), then old sets shrink while more than
 * `replicas − maxUnavailable` pods stay available. Oldest first.
 */
export function oldRSScaleDowns(input: RollingInput): Scale[] {
  const { unavailable } = resolveFenceposts(input.maxSurge, input.maxUnavailable, input.replicas);
  const olds = [...input.oldRSs]
    .sort((a, b) => a.createdAtMs - b.createdAtMs || (a.name < b.name ? -1 : 1))
    .map((r) => ({ ...r }));
  const oldCount = olds.reduce((s, r) => s + r.replicas, 0);
  if (oldCount === 0) return [];
  const all = oldCount + input.newRS.replicas;
  const minAvailable = input.replicas - unavailable;
  const newUnavailable = input.newRS.replicas - input.newRS.available;
  const maxScaledDown = all - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return [];
  const scales = new Map<string, Scale>();
  // cleanupUnhealthyReplicas
  let cleaned = 0;
  for (const r of olds) {
    if (cleaned >= maxScaledDown) break;
    if (r.replicas === 0 || r.replicas === r.available) continue;
    const n = Math.min(maxScaledDown - cleaned, r.replicas - r.available);
    scales.set(r.name, { name: r.name, from: r.replicas, to: r.replicas - n });
    r.replicas -= n;
    cleaned += n;
  }
  // scaleDownOldReplicaSetsForRollingUpdate
  const available = olds.reduce((s, r) => s + r.available, 0) + input.newRS.available;
  if (available > minAvailable) {
    const total = available - minAvailable;
    let done = 0;
    for (const r of olds) {
      if (done >= total) break;
      if (r.replicas === 0) continue;
      const n = Math.min(r.replicas, total - done);
      const prev = scales.get(r.name);
      scales.set(r.name, { name: r.name, from: prev?.from ?? r.replicas, to: r.replicas - n });
      r.replicas -= n;
      done += n;
    }
  }
  return [...scales.values()].filter((s) => s.from !== s.to);
}

/**
 * One step of `rolloutRolling`: scale the new set up if it may grow;
 * otherwise shrink old sets. Returns the scales to apply (possibly none).
 */
export function rollingStep(input: RollingInput): Scale[] {
  const want = newRSReplicas(input);
  if (want !== input.newRS.replicas)
    return [{ name: input.newRS.name, from: input.newRS.replicas, to: want }];
  return oldRSScaleDowns(input);
}

/**
 * One step of `rolloutRecreate`: old sets to 0 first; the new set grows to
 * `replicas` only once no old pod is left running (`oldPodsRunning`).
 */
export function recreateStep(
  input: Pick<RollingInput, 'replicas' | 'newRS' | 'oldRSs'>,
  oldPodsRunning: boolean,
): Scale[] {
  const downs = input.oldRSs
    .filter((r) => r.replicas > 0)
    .map((r) => ({ name: r.name, from: r.replicas, to: 0 }));
  if (downs.length > 0) return downs;
  if (oldPodsRunning) return [];
  if (input.newRS.replicas !== input.replicas)
    return [{ name: input.newRS.name, from: input.newRS.replicas, to: input.replicas }];
  return [];
}

/** `DeploymentComplete`-ish: the new set holds every replica and all are available, no old pods. */
export function rolloutComplete(input: RollingInput, oldPods: number): boolean {
  return (
    input.newRS.replicas === input.replicas &&
    input.newRS.available >= input.replicas &&
    input.oldRSs.every((r) => r.replicas === 0) &&
    oldPods === 0
  );
}

/** ScalingReplicaSet (v1.32+). */
export function scalingMessage(s: Scale): string {
  const dir = s.to > s.from ? 'up' : 'down';
  return `Scaled ${dir} replica set ${s.name} from ${s.from} to ${s.to}`;
}
