/**
 * The kubelet's two back-offs, as client-go's flowcontrol.Backoff computes
 * them (no jitter): an entry per key holds the current window and when it
 * was last advanced.
 *
 *  - Crash-loop back-off (pkg/kubelet/kubelet.go): 10 s doubling to 300 s;
 *    `HasExpiredFunc` = the container ran more than 600 s between its
 *    restart (the entry's update) and its exit → start over.
 *  - Image pull back-off (pkg/kubelet/images): 10 s doubling to 300 s;
 *    the generic expiry (2 × max = 600 s since the last update).
 */
export interface BackoffEntry {
  backoffMs: number;
  lastUpdateMs: number;
}

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  /** hasExpired(eventTime, lastUpdate). */
  expired(eventTimeMs: number, lastUpdateMs: number): boolean;
}

export const CRASH_LOOP_BACKOFF: BackoffPolicy = {
  initialMs: 10_000,
  maxMs: 300_000,
  expired: (eventTimeMs, lastUpdateMs) => eventTimeMs - lastUpdateMs > 600_000,
};

export const IMAGE_PULL_BACKOFF: BackoffPolicy = {
  initialMs: 10_000,
  maxMs: 300_000,
  expired: (eventTimeMs, lastUpdateMs) => eventTimeMs - lastUpdateMs > 2 * 300_000,
};

/** IsInBackOffSince: `now − eventTime` is inside the current window (eventTime = the exit). */
export function isInBackOffSince(
  policy: BackoffPolicy,
  e: BackoffEntry | undefined,
  eventTimeMs: number,
  nowMs: number,
): boolean {
  if (!e || policy.expired(eventTimeMs, e.lastUpdateMs)) return false;
  return nowMs - eventTimeMs < e.backoffMs;
}

/** IsInBackOffSinceUpdate: `eventTime − lastUpdate` is inside the current window. */
export function isInBackOffSinceUpdate(
  policy: BackoffPolicy,
  e: BackoffEntry | undefined,
  eventTimeMs: number,
): boolean {
  if (!e || policy.expired(eventTimeMs, e.lastUpdateMs)) return false;
  return eventTimeMs - e.lastUpdateMs < e.backoffMs;
}

/** Next: start at the initial window (new or expired entry), else double up to the max; stamp now. */
export function nextBackoff(
  policy: BackoffPolicy,
  e: BackoffEntry | undefined,
  eventTimeMs: number,
  nowMs: number,
): BackoffEntry {
  if (!e || policy.expired(eventTimeMs, e.lastUpdateMs)) {
    return { backoffMs: policy.initialMs, lastUpdateMs: nowMs };
  }
  return { backoffMs: Math.min(e.backoffMs * 2, policy.maxMs), lastUpdateMs: nowMs };
}

/**
 * The crash-loop wait before the restart that follows a container's next exit, given its
 * restart count so far (no reset in between): the first restart is immediate, then the
 * window doubles from the initial 10 s up to the 300 s cap.
 */
export function crashLoopWaitMs(restartCount: number): number {
  if (restartCount <= 0) return 0;
  const p = CRASH_LOOP_BACKOFF;
  return Math.min(p.maxMs, p.initialMs * 2 ** (restartCount - 1));
}
