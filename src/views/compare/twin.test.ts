import { describe, expect, it } from 'vitest';
import { getScenario } from '../../scenarios/index.ts';
import { createTwin } from './twin.ts';

describe('createTwin', () => {
  it('moves both variants on one clock and applies each one’s scripted actions', () => {
    const a = getScenario('restart-policy-always')!;
    const b = getScenario('restart-policy-never')!;
    const twin = createTwin([a, b]);
    for (let ms = 1000; ms <= 20_000; ms += 1000) twin.advanceTo(ms);
    expect(twin.nowMs).toBe(20_000);
    expect(twin.sims.map((s) => s.nowMs)).toEqual([20_000, 20_000]);
    const restarts = twin.sims.map((s) =>
      (s.pod().status?.containerStatuses ?? []).map((c) => c.restartCount),
    );
    expect(restarts[0]).toEqual([1, 1]);
    expect(restarts[1]).toEqual([0, 0]);
    expect(twin.sims[1]!.pod().status?.phase).toBe('Failed');
  });

  it('never goes back in time', () => {
    const twin = createTwin([getScenario('one-container')!]);
    twin.advanceTo(5000);
    twin.advanceTo(1000);
    expect(twin.nowMs).toBe(5000);
  });
});
