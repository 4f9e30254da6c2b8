/**
 * Reproductions from the engine fuzzer (issue 22): a shell loop that never
 * sleeps used to be read for an hour of simulated time (millions of commands:
 * the worker froze). It is now read for BUSY_READ_MS, then the container is
 * taken as running, busy, with a notice; its logs repeat at the burst rate.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation.ts';

const pod = (script: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'a', image: 'busybox:1.36', command: ['sh', '-c', script] }] },
});

describe('CPU-bound loops stay bounded and keep running', () => {
  it.each([
    ['while true; do true; done', 0],
    ['while :; do :; done', 0],
    ['while true; do (true); done', 0],
    ['while true; do sleep 0; done', 0],
    ['while true; do wait; done', 0],
    ["trap 'echo t' TERM; while true; do :; done", 0],
    ['while true; do echo hi; done', 1000],
    ['while true; do echo hi | cat; done', 1000],
  ])('%s', (script, minLines) => {
    const s = createSimulation({ manifest: pod(script), seed: 1 });
    s.advanceTo(60_000);
    s.runtime();
    s.advanceTo(2_000_000);
    const c = s.runtime().containers[0]!;
    expect(c.state).toBe('running');
    expect(c.restartCount).toBe(0);
    expect(c.note).toContain('assumed CPU-bound loop');
    expect(s.logs('a').length).toBeGreaterThanOrEqual(minLines);
    expect(s.logs('a').length).toBeLessThanOrEqual(3000);
  });
});
