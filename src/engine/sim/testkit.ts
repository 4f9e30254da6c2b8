/**
 * Test helpers: manifests and run drivers shared by the simulation's tests.
 */
import { createSimulation } from './simulation.ts';
import type { Action, SimEvent, Simulation } from './types.ts';

export function podYaml(spec: string, name = 'web'): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec
    .trim()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\n`;
}

export function sim(spec: string, seed = 1, images?: string[]): Simulation {
  return createSimulation({
    manifest: podYaml(spec),
    seed,
    cluster: images ? { images } : undefined,
  });
}

/** Events of one reason (and container, when given). */
export function eventsOf(s: Simulation, reason: string, container?: string): SimEvent[] {
  return s
    .events()
    .filter(
      (e) =>
        e.reason === reason && (container === undefined || e.fieldPath?.endsWith(`{${container}}`)),
    );
}

/** Runs a whole schedule of actions; returns the simulation at `untilMs`. */
export function runSchedule(
  manifest: string | object,
  seed: number,
  actions: Array<{ atMs: number; action: Action }>,
  untilMs: number,
): Simulation {
  const s = createSimulation({ manifest, seed });
  for (const { atMs, action } of [...actions].sort((a, b) => a.atMs - b.atMs)) {
    s.advanceTo(Math.max(s.nowMs, atMs));
    try {
      s.dispatch(action);
    } catch {
      // refused actions change nothing
    }
  }
  s.advanceTo(Math.max(s.nowMs, untilMs));
  return s;
}

export function statusOf(s: Simulation, container: string) {
  const st = s.pod().status;
  return [...(st?.initContainerStatuses ?? []), ...(st?.containerStatuses ?? [])].find(
    (c) => c.name === container,
  );
}
