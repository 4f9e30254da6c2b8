import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimClock } from './clock.ts';

describe('SimClock', () => {
  it('starts at 0 and advances without running anything early', () => {
    const clock = new SimClock();
    const seen: number[] = [];
    clock.schedule(1000, () => seen.push(clock.nowMs));
    clock.advanceTo(999);
    expect(seen).toEqual([]);
    expect(clock.nowMs).toBe(999);
    clock.advanceTo(1000);
    expect(seen).toEqual([1000]);
  });

  it('runs jobs due at the same instant in scheduling order, including jobs they schedule', () => {
    const clock = new SimClock();
    const order: string[] = [];
    clock.schedule(5, () => {
      order.push('a');
      clock.after(0, () => order.push('c'));
    });
    clock.schedule(5, () => order.push('b'));
    clock.advanceTo(5);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('cancels jobs and refuses to go back in time', () => {
    const clock = new SimClock();
    let ran = false;
    const id = clock.after(10, () => (ran = true));
    clock.cancel(id);
    clock.advanceTo(20);
    expect(ran).toBe(false);
    expect(() => clock.advanceTo(10)).toThrow(/cannot go back/);
  });

  it('step() stops at the next due instant', () => {
    const clock = new SimClock();
    clock.schedule(300, () => {});
    clock.schedule(700, () => {});
    expect(clock.step()).toBe(300);
    expect(clock.nowMs).toBe(300);
    expect(clock.step()).toBe(700);
    expect(clock.step()).toBeUndefined();
  });

  it('property: jobs run in non-decreasing time order, each exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 200 }), (times) => {
        const clock = new SimClock();
        const ran: number[] = [];
        times.forEach((t) => clock.schedule(t, () => ran.push(clock.nowMs)));
        clock.advanceTo(10_000);
        expect(ran).toHaveLength(times.length);
        expect(ran).toEqual([...times].sort((a, b) => a - b));
      }),
    );
  });
});
