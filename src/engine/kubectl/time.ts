/**
 * Time helpers for kubectl's printers. Simulated time is integer milliseconds
 * since the manifest was applied; API timestamps are RFC 3339 strings on the
 * wall clock of the simulation (t = 0 is `DEFAULT_EPOCH_MS`).
 */

/** The simulation's t = 0 on the API objects' wall clock (2025-01-01T00:00:00Z). */
export const DEFAULT_EPOCH_MS = Date.UTC(2025, 0, 1, 0, 0, 0);

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Go's `time.RFC1123Z` layout in UTC: `Wed, 01 Jan 2025 00:00:05 +0000`. */
export function formatRFC1123Z(ms: number): string {
  const d = new Date(ms);
  return (
    `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
  );
}

/** Parses an RFC 3339 timestamp; `undefined` (Go's zero time) when absent or invalid. */
export function parseTimestamp(ts: string | undefined | null): number | undefined {
  if (!ts) return undefined;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : ms;
}

/** metav1.Time has 1-second resolution: drops the milliseconds. */
export function toSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
