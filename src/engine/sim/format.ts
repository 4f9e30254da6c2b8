/**
 * Formatting shared by the simulation: API timestamps and Go durations.
 */

/** Simulated t = 0 on the wall clock of the API objects (fixed, so runs replay). */
export const EPOCH_MS = Date.UTC(2025, 0, 1, 0, 0, 0);

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** RFC 3339 with whole seconds, as metav1.Time serializes (`2025-01-01T00:00:05Z`). */
export function isoAt(ms: number): string {
  // Calendar arithmetic by hand (days → civil date): this runs on every status update.
  const total = Math.floor((EPOCH_MS + ms) / 1000);
  const days = Math.floor(total / 86_400);
  const secs = total - days * 86_400;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const hh = Math.floor(secs / 3600);
  const mm = Math.floor((secs % 3600) / 60);
  const ss = secs % 60;
  return `${y}-${pad2(m)}-${pad2(d)}T${pad2(hh)}:${pad2(mm)}:${pad2(ss)}Z`;
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
