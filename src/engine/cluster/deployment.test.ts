import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  newRSReplicas,
  oldRSScaleDowns,
  recreateStep,
  resolveFenceposts,
  rollingStep,
  scalingMessage,
} from './deployment.ts';
import type { RSInfo, RollingInput } from './deployment.ts';

describe('resolveFenceposts', () => {
  it.each<[unknown, unknown, number, { surge: number; unavailable: number }]>([
    [undefined, undefined, 2, { surge: 1, unavailable: 0 }],
    [undefined, undefined, 4, { surge: 1, unavailable: 1 }],
    [undefined, undefined, 10, { surge: 3, unavailable: 2 }],
    [0, 0, 3, { surge: 0, unavailable: 1 }],
    ['50%', '0%', 3, { surge: 2, unavailable: 0 }],
    [2, 1, 3, { surge: 2, unavailable: 1 }],
    [undefined, undefined, 1, { surge: 1, unavailable: 0 }],
  ])('surge %j unavailable %j of %d', (s, u, n, out) => {
    expect(resolveFenceposts(s as never, u as never, n)).toEqual(out);
  });
});

const rs = (name: string, replicas: number, available: number, createdAtMs = 0): RSInfo => ({
  name,
  replicas,
  available,
  createdAtMs,
});

describe('rolling update of 2 replicas (25%/25% → surge 1, unavailable 0)', () => {
  it('walks new up one at a time and old down as new pods become available', () => {
    const input = (n: RSInfo, o: RSInfo): RollingInput => ({ replicas: 2, newRS: n, oldRSs: [o] });
    // new RS just created.
    expect(newRSReplicas(input(rs('new', 0, 0, 5), rs('old', 2, 2)))).toBe(1);
    // new pod not yet available: old cannot shrink.
    expect(rollingStep(input(rs('new', 1, 0, 5), rs('old', 2, 2)))).toEqual([]);
    // new pod available: one old goes.
    expect(rollingStep(input(rs('new', 1, 1, 5), rs('old', 2, 2)))).toEqual([
      { name: 'old', from: 2, to: 1 },
    ]);
    // room again: new grows.
    expect(rollingStep(input(rs('new', 1, 1, 5), rs('old', 1, 1)))).toEqual([
      { name: 'new', from: 1, to: 2 },
    ]);
    expect(rollingStep(input(rs('new', 2, 1, 5), rs('old', 1, 1)))).toEqual([]);
    expect(rollingStep(input(rs('new', 2, 2, 5), rs('old', 1, 1)))).toEqual([
      { name: 'old', from: 1, to: 0 },
    ]);
    expect(rollingStep(input(rs('new', 2, 2, 5), rs('old', 0, 0)))).toEqual([]);
  });
  it('unhealthy old pods are cleaned up first', () => {
    expect(
      oldRSScaleDowns({ replicas: 4, newRS: rs('new', 1, 0, 5), oldRSs: [rs('old', 4, 2)] }),
    ).toEqual([{ name: 'old', from: 4, to: 3 }]);
  });
  it('several old sets shrink oldest first', () => {
    expect(
      oldRSScaleDowns({
        replicas: 4,
        newRS: rs('new', 2, 2, 9),
        oldRSs: [rs('b', 2, 2, 5), rs('a', 1, 1, 1)],
      }),
    ).toEqual([
      { name: 'a', from: 1, to: 0 },
      { name: 'b', from: 2, to: 1 },
    ]);
  });
});

describe('recreate', () => {
  it('old to zero, wait for old pods, then new to replicas', () => {
    const base = { replicas: 3, newRS: rs('new', 0, 0) };
    expect(recreateStep({ ...base, oldRSs: [rs('old', 3, 3)] }, true)).toEqual([
      { name: 'old', from: 3, to: 0 },
    ]);
    expect(recreateStep({ ...base, oldRSs: [rs('old', 0, 0)] }, true)).toEqual([]);
    expect(recreateStep({ ...base, oldRSs: [rs('old', 0, 0)] }, false)).toEqual([
      { name: 'new', from: 0, to: 3 },
    ]);
  });
});

describe('messages', () => {
  it.each([
    [{ name: 'web-5d8c7b9f4', from: 0, to: 2 }, 'Scaled up replica set web-5d8c7b9f4 from 0 to 2'],
    [
      { name: 'web-5d8c7b9f4', from: 2, to: 1 },
      'Scaled down replica set web-5d8c7b9f4 from 2 to 1',
    ],
  ])('%j', (s, m) => {
    expect(scalingMessage(s)).toBe(m);
  });
});

describe('property: a rolling update ends with every replica in the new set and never breaks its bounds', () => {
  it('simulating availability instantly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<unknown>(undefined, 0, 1, 2, '25%', '50%', '100%'),
        fc.constantFrom<unknown>(undefined, 0, 1, '25%', '50%'),
        (replicas, maxSurge, maxUnavailable) => {
          const { surge, unavailable } = resolveFenceposts(
            maxSurge as never,
            maxUnavailable as never,
            replicas,
          );
          let n = rs('new', 0, 0, 5);
          let o = rs('old', replicas, replicas, 0);
          for (let i = 0; i < 200; i++) {
            const input = {
              replicas,
              maxSurge: maxSurge as never,
              maxUnavailable: maxUnavailable as never,
              newRS: n,
              oldRSs: [o],
            };
            const scales = rollingStep(input);
            for (const s of scales) {
              if (s.name === 'new') n = { ...n, replicas: s.to };
              else o = { ...o, replicas: s.to, available: Math.min(o.available, s.to) };
            }
            if (n.replicas + o.replicas > replicas + surge) return false;
            if (n.available + o.available < replicas - unavailable) return false;
            // pods become available between syncs
            n = { ...n, available: n.replicas };
            if (scales.length === 0 && n.replicas === replicas && o.replicas === 0) return true;
          }
          return false;
        },
      ),
    );
  });
});
