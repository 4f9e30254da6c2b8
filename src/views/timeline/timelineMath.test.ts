import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  closedRects,
  ellipsize,
  keyStep,
  labelFits,
  msAt,
  niceDomain,
  openSegment,
  rectOf,
  segmentLabel,
  ticks,
  xOf,
} from './timelineMath.ts';
import type { LaneSegment } from '../../store/types.ts';

describe('niceDomain', () => {
  it.each([
    [0, 60_000],
    [30_000, 60_000],
    [55_000, 120_000],
    [100_000, 120_000],
    [200_000, 300_000],
    [3_500_000, 5_400_000],
  ])('%i ms → %i ms', (end, domain) => {
    expect(niceDomain(end)).toBe(domain);
  });

  it('always leaves headroom and changes rarely (monotone)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 24 * 3_600_000 }), fc.nat(100_000), (a, d) => {
        expect(niceDomain(a)).toBeGreaterThanOrEqual(a * 1.1);
        expect(niceDomain(a + d)).toBeGreaterThanOrEqual(niceDomain(a));
      }),
    );
  });
});

describe('x ↔ ms', () => {
  it('msAt inverts xOf to 100 ms', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600_000 }),
        fc.integer({ min: 100, max: 3000 }),
        (ms, width) => {
          const back = msAt(xOf(ms, 600_000, width), 600_000, width);
          expect(Math.abs(back - ms)).toBeLessThanOrEqual(600_000 / width + 50);
        },
      ),
    );
  });

  it('clamps to 0…max', () => {
    expect(msAt(-5, 60_000, 600)).toBe(0);
    expect(msAt(900, 60_000, 600)).toBe(60_000);
    expect(msAt(500, 60_000, 600, 30_000)).toBe(30_000);
  });
});

describe('segments', () => {
  const segs: LaneSegment[] = [
    { fromMs: 0, toMs: 2000, state: 'pulling', reason: 'ContainerCreating' },
    { fromMs: 2000, toMs: 10_000, state: 'running' },
    { fromMs: 10_000, toMs: 10_000, state: 'terminated', reason: 'Error', exitCode: 1 },
    { fromMs: 10_000, state: 'backoff', reason: 'CrashLoopBackOff' },
  ];

  it('draws closed segments in place and leaves the open one out', () => {
    const rects = closedRects(segs, 60_000, 600);
    expect(rects.map((r) => [r.x, r.w, r.state])).toEqual([
      [0, 20, 'pulling'],
      [20, 80, 'running'],
      [100, 0, 'terminated'],
    ]);
    expect(openSegment(segs)?.state).toBe('backoff');
    expect(rectOf(openSegment(segs)!, 30_000, 60_000, 600)).toMatchObject({ x: 100, w: 200 });
  });

  it.each<[LaneSegment, string]>([
    [{ fromMs: 0, state: 'running' }, 'Running'],
    [{ fromMs: 0, state: 'terminated', reason: 'Error', exitCode: 1 }, 'Error (exit 1)'],
    [{ fromMs: 0, state: 'terminated', exitCode: 137 }, 'exit 137'],
    [{ fromMs: 0, state: 'backoff', reason: 'CrashLoopBackOff' }, 'CrashLoopBackOff'],
    [{ fromMs: 0, state: 'waiting' }, ''],
  ])('label of %o is %j', (seg, label) => {
    expect(segmentLabel(seg)).toBe(label);
  });

  it('a label is drawn only where it fits', () => {
    expect(labelFits('Running', 40)).toBe(false);
    expect(labelFits('Running', 60)).toBe(true);
    expect(labelFits('', 500)).toBe(false);
  });
});

describe('ticks', () => {
  it('spaces labels at least minSpacing apart on nice steps', () => {
    expect(ticks(60_000, 600)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
    expect(ticks(300_000, 600)).toEqual([0, 60_000, 120_000, 180_000, 240_000, 300_000]);
  });
});

describe('keyStep', () => {
  it.each([
    ['ArrowRight', false, 6000],
    ['ArrowLeft', false, 4000],
    ['ArrowRight', true, 15_000],
    ['PageUp', false, 15_000],
    ['PageDown', false, 0],
    ['Home', false, 0],
    ['End', false, 20_000],
    ['Enter', false, undefined],
  ])('%s (shift %s) from 5 s → %s', (key, shift, expected) => {
    expect(keyStep(key, 5000, 20_000, shift)).toBe(expected);
  });
});

describe('ellipsize', () => {
  it.each([
    ['web', 5, 'web'],
    ['web-7c9d8b6f5-x2x9k/app', 17, 'web-7c9d…2x9k/app'],
  ])('%s (max %i) → %s', (text, max, out) => {
    expect(ellipsize(text, max)).toBe(out);
    expect(ellipsize(text, max).length).toBeLessThanOrEqual(max);
  });
});
