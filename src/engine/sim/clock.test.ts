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

describe('SimClock with data jobs', () => {
  type J = { kind: string; n: number };

  it('hands data jobs to the runner in (time, scheduling) order', () => {
    const clock = new SimClock<J>();
    clock.schedule(20, { kind: 'b', n: 2 });
    clock.schedule(10, { kind: 'a', n: 1 });
    clock.schedule(20, { kind: 'c', n: 3 });
    const seen: string[] = [];
    clock.advanceTo(30, (job) => seen.push(`${job.kind}@${clock.nowMs}`));
    expect(seen).toEqual(['a@10', 'b@20', 'c@20']);
    expect(clock.nowMs).toBe(30);
  });

  it('snapshot → new SimClock(state) continues exactly, cancellations included', () => {
    const a = new SimClock<J>();
    const ids = [5, 50, 7, 70, 7].map((t, n) => a.schedule(t, { kind: 'x', n }));
    a.cancel(ids[3]);
    a.advanceTo(6, () => {});
    const state = JSON.parse(JSON.stringify(a.snapshot())) as ReturnType<typeof a.snapshot>;
    const b = new SimClock<J>(state);
    const runA: number[] = [];
    const runB: number[] = [];
    a.schedule(60, { kind: 'y', n: 9 });
    b.schedule(60, { kind: 'y', n: 9 });
    a.advanceTo(100, (j) => runA.push(j.n));
    b.advanceTo(100, (j) => runB.push(j.n));
    expect(runB).toEqual(runA);
    expect(runA).toEqual([2, 4, 1, 9]);
  });

  it('popDue and nextDueMs skip cancelled jobs', () => {
    const clock = new SimClock<J>();
    const id = clock.schedule(1, { kind: 'gone', n: 0 });
    clock.schedule(2, { kind: 'kept', n: 1 });
    clock.cancel(id);
    expect(clock.nextDueMs()).toBe(2);
    expect(clock.size).toBe(1);
    expect(clock.popDue(1)).toBeUndefined();
    expect(clock.popDue(2)?.job.kind).toBe('kept');
  });

  it('property: a snapshot taken at any point replays the same job order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 100 }),
        fc.integer({ min: 0, max: 1000 }),
        (times, cut) => {
          const a = new SimClock<J>();
          times.forEach((t, n) => a.schedule(t, { kind: 'j', n }));
          a.advanceTo(cut, () => {});
          const b = new SimClock<J>(JSON.parse(JSON.stringify(a.snapshot())));
          const ra: number[] = [];
          const rb: number[] = [];
          a.advanceTo(1000, (j) => ra.push(j.n));
          b.advanceTo(1000, (j) => rb.push(j.n));
          expect(rb).toEqual(ra);
        },
      ),
    );
  });
});
