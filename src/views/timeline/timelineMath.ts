/**
 * Pure geometry of the timeline chart: a stable time domain, segment rectangles,
 * axis ticks, and the pointer/keyboard → time mapping. Times are simulated ms.
 */
import type { LaneSegment, LaneState } from '../../store/types.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
/** Domains the chart snaps to, so the scale only changes now and then while playing. */
const NICE_DOMAINS = [
  1 * M,
  2 * M,
  3 * M,
  5 * M,
  10 * M,
  15 * M,
  20 * M,
  30 * M,
  45 * M,
  1 * H,
  90 * M,
  2 * H,
  3 * H,
  6 * H,
  12 * H,
  24 * H,
];

/** The chart's time span: the smallest nice span with 10 % headroom past `endMs`. */
export function niceDomain(endMs: number): number {
  const want = Math.max(0, endMs) * 1.1;
  for (const d of NICE_DOMAINS) if (d >= want) return d;
  return Math.ceil(want / (24 * H)) * 24 * H;
}

export function xOf(ms: number, domainMs: number, width: number): number {
  if (domainMs <= 0 || width <= 0) return 0;
  return (Math.min(Math.max(ms, 0), domainMs) / domainMs) * width;
}

/** The instant under `x`, clamped to 0…maxMs and rounded to 100 ms. */
export function msAt(x: number, domainMs: number, width: number, maxMs = domainMs): number {
  if (width <= 0) return 0;
  const ms = (x / width) * domainMs;
  return Math.round(Math.min(Math.max(ms, 0), maxMs) / 100) * 100;
}

export interface SegmentRect {
  x: number;
  w: number;
  fromMs: number;
  toMs: number;
  state: LaneState;
  /** Text drawn in the segment when it fits (Kubernetes words, never translated). */
  label: string;
  reason?: string;
  exitCode?: number;
}

/** What a segment says: its reason, with the exit code of a terminated one. */
export function segmentLabel(seg: LaneSegment): string {
  if (seg.state === 'terminated' || seg.state === 'terminating') {
    const code = seg.exitCode !== undefined ? `exit ${seg.exitCode}` : '';
    if (seg.reason && code) return `${seg.reason} (${code})`;
    return seg.reason ?? code;
  }
  return seg.reason ?? (seg.state === 'running' ? 'Running' : '');
}

/** Rectangles for the closed segments of a lane (open ones are drawn to the horizon apart). */
export function closedRects(
  segments: readonly LaneSegment[],
  domainMs: number,
  width: number,
): SegmentRect[] {
  const out: SegmentRect[] = [];
  for (const seg of segments) {
    if (seg.toMs === undefined) continue;
    out.push(rectOf(seg, seg.toMs, domainMs, width));
  }
  return out;
}

export function rectOf(
  seg: LaneSegment,
  toMs: number,
  domainMs: number,
  width: number,
): SegmentRect {
  const x = xOf(seg.fromMs, domainMs, width);
  const x2 = xOf(Math.max(toMs, seg.fromMs), domainMs, width);
  return {
    x,
    w: Math.max(x2 - x, 0),
    fromMs: seg.fromMs,
    toMs,
    state: seg.state,
    label: segmentLabel(seg),
    reason: seg.reason,
    exitCode: seg.exitCode,
  };
}

/** The open segment (no `toMs`), if any: it runs to the horizon. */
export function openSegment(segments: readonly LaneSegment[]): LaneSegment | undefined {
  const last = segments[segments.length - 1];
  return last && last.toMs === undefined ? last : undefined;
}

/** Whether `label` fits in `w` px of 10 px text. */
export function labelFits(label: string, w: number): boolean {
  return label.length > 0 && w >= label.length * 6 + 8;
}

const TICK_STEPS = [
  5 * S,
  10 * S,
  15 * S,
  30 * S,
  1 * M,
  2 * M,
  5 * M,
  10 * M,
  15 * M,
  30 * M,
  1 * H,
  2 * H,
  3 * H,
  6 * H,
];

/** Axis ticks: multiples of the smallest nice step leaving `minSpacing` px between labels. */
export function ticks(domainMs: number, width: number, minSpacing = 64): number[] {
  if (domainMs <= 0 || width <= 0) return [0];
  const step =
    TICK_STEPS.find((s) => (s / domainMs) * width >= minSpacing) ??
    Math.ceil(domainMs / Math.max(1, Math.floor(width / minSpacing)) / H) * H;
  const out: number[] = [];
  for (let t = 0; t <= domainMs + 1e-6; t += step) out.push(t);
  return out;
}

/** The new time for a slider key, or undefined for keys the slider does not handle. */
export function keyStep(
  key: string,
  nowMs: number,
  maxMs: number,
  shiftKey = false,
): number | undefined {
  const small = shiftKey ? 10 * S : S;
  let next: number;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      next = nowMs + small;
      break;
    case 'ArrowLeft':
    case 'ArrowDown':
      next = nowMs - small;
      break;
    case 'PageUp':
      next = nowMs + 10 * S;
      break;
    case 'PageDown':
      next = nowMs - 10 * S;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = maxMs;
      break;
    default:
      return undefined;
  }
  return Math.min(Math.max(next, 0), Math.max(maxMs, 0));
}

/** Shortens `text` to `max` characters with a middle ellipsis (keeps the container name's end). */
export function ellipsize(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = Math.ceil((max - 1) / 2);
  return `${text.slice(0, max - 1 - tail)}…${text.slice(text.length - tail)}`;
}
