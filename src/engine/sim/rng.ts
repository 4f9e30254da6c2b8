/**
 * The engine's only source of randomness: a small seeded PRNG (mulberry32).
 * Its whole state is one 32-bit integer, so it snapshots as plain data and a
 * restored simulation draws exactly the numbers the original would have.
 */
export interface RngState {
  s: number;
}

export function createRng(seed: number): RngState {
  // Mix the seed so that nearby seeds give unrelated streams.
  let s = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  s = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0;
  s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0;
  return { s: (s ^ (s >>> 16)) >>> 0 };
}

/** A float in [0, 1). Advances the state. */
export function nextFloat(r: RngState): number {
  r.s = (r.s + 0x6d2b79f5) >>> 0;
  let t = r.s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** An integer in [min, max] (both inclusive). */
export function nextInt(r: RngState, min: number, max: number): number {
  return min + Math.floor(nextFloat(r) * (max - min + 1));
}

/** `n` lowercase hex digits. */
export function nextHex(r: RngState, n: number): string {
  let out = '';
  while (out.length < n)
    out += Math.floor(nextFloat(r) * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return out.slice(0, n);
}

/** A version-4 UUID drawn from the stream. */
export function nextUuid(r: RngState): string {
  const h = nextHex(r, 32).split('');
  h[12] = '4';
  h[16] = '89ab'[parseInt(h[16]!, 16) & 3]!;
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** A stable 32-bit hash of a string (FNV-1a), for values that must not depend on draw order. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
