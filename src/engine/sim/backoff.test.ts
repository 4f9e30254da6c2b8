import { describe, expect, it } from 'vitest';
import {
  CRASH_LOOP_BACKOFF as CRASH,
  IMAGE_PULL_BACKOFF as IMAGE,
  isInBackOffSince,
  isInBackOffSinceUpdate,
  nextBackoff,
} from './backoff.ts';
import type { BackoffEntry } from './backoff.ts';

describe('crash-loop back-off (doBackOff with the kubelet’s 600 s expiry)', () => {
  it.each<[string, BackoffEntry | undefined, number, number, boolean]>([
    ['no entry: the first restart is immediate', undefined, 5_000, 5_000, false],
    [
      'inside the window since the exit',
      { backoffMs: 10_000, lastUpdateMs: 0 },
      5_000,
      14_999,
      true,
    ],
    ['the window has elapsed', { backoffMs: 10_000, lastUpdateMs: 0 }, 5_000, 15_000, false],
    [
      'ran > 600 s since the restart: expired',
      { backoffMs: 300_000, lastUpdateMs: 0 },
      600_001,
      600_002,
      false,
    ],
    [
      'ran exactly 600 s: still counted',
      { backoffMs: 300_000, lastUpdateMs: 0 },
      600_000,
      600_002,
      true,
    ],
  ])('%s', (_name, entry, exitAt, now, expected) => {
    expect(isInBackOffSince(CRASH, entry, exitAt, now)).toBe(expected);
  });

  it('Next: 10 s, then doubling to the 300 s cap', () => {
    let e: BackoffEntry | undefined;
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) {
      e = nextBackoff(CRASH, e, i * 1000, i * 1000);
      seen.push(e.backoffMs / 1000);
    }
    expect(seen).toEqual([10, 20, 40, 80, 160, 300, 300, 300]);
  });

  it('Next after a long run starts over at 10 s', () => {
    const e = nextBackoff(CRASH, { backoffMs: 300_000, lastUpdateMs: 0 }, 700_000, 700_000);
    expect(e).toEqual({ backoffMs: 10_000, lastUpdateMs: 700_000 });
  });
});

describe('image pull back-off (IsInBackOffSinceUpdate, generic 2×max expiry)', () => {
  it.each<[string, BackoffEntry | undefined, number, boolean]>([
    ['no entry', undefined, 1_000, false],
    ['just failed', { backoffMs: 10_000, lastUpdateMs: 0 }, 1_000, true],
    ['window over', { backoffMs: 10_000, lastUpdateMs: 0 }, 10_000, false],
    ['long window', { backoffMs: 300_000, lastUpdateMs: 0 }, 299_999, true],
    ['expired after 600 s', { backoffMs: 300_000, lastUpdateMs: 0 }, 600_001, false],
  ])('%s', (_name, entry, now, expected) => {
    expect(isInBackOffSinceUpdate(IMAGE, entry, now)).toBe(expected);
  });

  it('the unit-test sequence shape: ErrImagePull, ErrImagePull, BackOff … with 1 s steps and a 1 s → 60 s back-off', () => {
    const policy = {
      ...IMAGE,
      initialMs: 1_000,
      maxMs: 60_000,
      expired: (a: number, b: number) => a - b > 120_000,
    };
    let e: BackoffEntry | undefined;
    const out: string[] = [];
    for (let t = 1_000; t <= 6_000; t += 1_000) {
      if (isInBackOffSinceUpdate(policy, e, t)) {
        out.push('ImagePullBackOff');
      } else {
        out.push('ErrImagePull');
        e = nextBackoff(policy, e, t, t);
      }
    }
    expect(out).toEqual([
      'ErrImagePull',
      'ErrImagePull',
      'ImagePullBackOff',
      'ErrImagePull',
      'ImagePullBackOff',
      'ImagePullBackOff',
    ]);
  });
});
