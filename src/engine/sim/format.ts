/**
 * Formatting shared by the simulation: API timestamps and Go durations.
 */

/** Simulated t = 0 on the wall clock of the API objects (fixed, so runs replay). */
export const EPOCH_MS = Date.UTC(2025, 0, 1, 0, 0, 0);

/** RFC 3339 with whole seconds, as metav1.Time serializes (`2025-01-01T00:00:05Z`). */
export function isoAt(ms: number): string {
  const whole = Math.floor(ms / 1000) * 1000;
  return new Date(EPOCH_MS + whole).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The wall-clock Date of a simulated instant (for kubectl's printer). */
export function dateAt(ms: number): Date {
  return new Date(EPOCH_MS + ms);
}

/**
 * Go's `time.Duration.String()` for a whole number of milliseconds:
 * `806ms`, `3.874s`, `1m2.5s`, `5m0s`, `1h0m0s`, `0s`.
 */
export function goDuration(ms: number): string {
  ms = Math.round(ms);
  if (ms === 0) return '0s';
  const neg = ms < 0;
  if (neg) ms = -ms;
  let out: string;
  if (ms < 1000) {
    out = `${ms}ms`;
  } else {
    const h = Math.floor(ms / 3_600_000);
    const m = Math.floor((ms % 3_600_000) / 60_000);
    const sMs = ms % 60_000;
    const whole = Math.floor(sMs / 1000);
    const frac = sMs % 1000;
    const secs = frac ? `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}` : `${whole}`;
    out = h ? `${h}h${m}m${secs}s` : m ? `${m}m${secs}s` : `${secs}s`;
  }
  return neg ? `-${out}` : out;
}
