/**
 * playRun: actions at their instants, refused ones change nothing and are
 * reported, the same run played in one go or in pieces lands on the same state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/simulation.ts';
import type { Action } from '../sim/types.ts';
import { normalizeActions, playRun, type TimedAction } from './run.ts';

const manifest = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: app
      image: nginx:1.27
`;

describe('playRun', () => {
  it('applies each action at its instant and reports the refused ones', () => {
    const sim = createSimulation({ manifest, seed: 1 });
    const actions: TimedAction[] = [
      { atMs: 5_000, action: { kind: 'crash', container: 'nope', exitCode: 1 } as Action },
      { atMs: 8_000, action: { kind: 'delete-pod' } },
    ];
    const r = playRun(sim, { actions }, 20_000);
    expect(sim.nowMs).toBe(20_000);
    expect(r.next).toBe(2);
    expect(r.refused).toHaveLength(1);
    expect(r.refused[0]).toMatchObject({ atMs: 5_000 });
    expect(r.refused[0]!.message).toMatch(/nope/);
    const killing = sim.events().find((e) => e.reason === 'Killing');
    expect(killing?.atMs).toBe(8_000);
  });

  it('stops at untilMs and continues from next', () => {
    const sim = createSimulation({ manifest, seed: 1 });
    const actions: TimedAction[] = [{ atMs: 8_000, action: { kind: 'delete-pod' } }];
    const first = playRun(sim, { actions }, 4_000);
    expect(first.next).toBe(0);
    expect(sim.nowMs).toBe(4_000);
    expect(playRun(sim, { actions }, 9_000, first.next).next).toBe(1);
  });

  it('in one go or in pieces, the same state', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60_000 }), { maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 60_000 }), { minLength: 1, maxLength: 5 }),
        (times, cuts) => {
          const actions = normalizeActions(
            times.map((atMs, i) => ({
              atMs,
              action:
                i % 2
                  ? ({ kind: 'crash', container: 'app', exitCode: 1 } as Action)
                  : ({ kind: 'kill-sandbox' } as Action),
            })),
          );
          const whole = createSimulation({ manifest, seed: 3 });
          playRun(whole, { actions }, 60_000);
          const pieces = createSimulation({ manifest, seed: 3 });
          let next = 0;
          for (const c of [...cuts].sort((a, b) => a - b))
            next = playRun(pieces, { actions }, c, next).next;
          playRun(pieces, { actions }, 60_000, next);
          expect(JSON.stringify(pieces.pods())).toBe(JSON.stringify(whole.pods()));
          expect(pieces.events()).toEqual(whole.events());
        },
      ),
      { numRuns: 25, seed: 15 },
    );
  });
});
