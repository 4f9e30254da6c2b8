/**
 * Resource quantities (`500m`, `1`, `128Mi`, `1G`, `1e3`) as the API server
 * reads them (k8s.io/apimachinery/pkg/api/resource), reduced to what the
 * scheduler compares: CPU in millicores, everything else in base units,
 * rounded up as `MilliValue()` / `Value()` do.
 */

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;

/** The value of a quantity in base units (cores, bytes, pods), or NaN when it does not parse. */
export function parseQuantity(q: string | number | undefined | null): number {
  if (q === undefined || q === null || q === '') return 0;
  if (typeof q === 'number') return q;
  const m = QUANTITY.exec(q.trim());
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  if (m[3] !== undefined) return n * 10 ** Number(m[3]);
  const suffix = m[2] ?? '';
  return n * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1);
}

/** `MilliValue()`: CPU in millicores, rounded up. */
export function milliValue(q: string | number | undefined | null): number {
  const v = parseQuantity(q);
  return Number.isFinite(v) ? Math.ceil(Math.round(v * 1e6) / 1e3) : 0;
}

/** `Value()`: bytes (or a count), rounded up. */
export function value(q: string | number | undefined | null): number {
  const v = parseQuantity(q);
  return Number.isFinite(v) ? Math.ceil(Math.round(v * 1e3) / 1e3) : 0;
}

/** Bytes as the API prints a BinarySI quantity: `512Mi`, `86052Ki`, `1000` . */
export function formatBytes(bytes: number): string {
  const b = Math.round(bytes);
  if (b === 0) return '0';
  for (const s of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki'] as const) {
    const f = BINARY[s]!;
    if (b % f === 0) return `${b / f}${s}`;
  }
  return String(b);
}

/** Millicores as the API prints them: `500m`, `2`. */
export function formatMilli(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}
