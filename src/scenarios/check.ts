/**
 * Small readers and assertions for scenario outcomes. They read only the API objects,
 * events and logs that the engine's public surface returns.
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { normalizeActions, playRun } from '../engine/index.ts';
import type { ScenarioEvent, ScenarioSim } from './types.ts';

export class OutcomeError extends Error {
  override name = 'OutcomeError';
}

export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new OutcomeError(message);
}

/** A container's status (regular, init or sidecar) by name. */
export function statusOf(pod: Pod, container: string): ContainerStatus {
  const all = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  const found = all.find((s) => s.name === container);
  ensure(found, `no status for container ${container} in pod ${pod.metadata?.name ?? '?'}`);
  return found;
}

export function restarts(pod: Pod, container: string): number {
  return statusOf(pod, container).restartCount ?? 0;
}

export function waitingReason(pod: Pod, container: string): string | undefined {
  return statusOf(pod, container).state?.waiting?.reason;
}

export function isRunning(pod: Pod, container: string): boolean {
  return statusOf(pod, container).state?.running !== undefined;
}

export function terminated(pod: Pod, container: string) {
  return statusOf(pod, container).state?.terminated;
}

/** The termination of the current instance, or of the previous one while it waits to restart. */
export function lastExit(pod: Pod, container: string) {
  const s = statusOf(pod, container);
  return s.state?.terminated ?? s.lastState?.terminated;
}

export function condition(pod: Pod, type: string): string | undefined {
  return pod.status?.conditions?.find((c) => c.type === type)?.status;
}

function containerOfField(fieldPath: string | undefined): string | undefined {
  return fieldPath?.match(/\{([^}]+)\}/)?.[1];
}

/** Events with this reason, optionally only those about one container. */
export function eventsOf(sim: ScenarioSim, reason: string, container?: string): ScenarioEvent[] {
  return sim
    .events()
    .filter(
      (e) =>
        e.reason === reason &&
        (container === undefined || containerOfField(e.fieldPath) === container),
    );
}

/** When a container was first started (its first `Started` event), or undefined. */
export function firstStarted(sim: ScenarioSim, container: string): number | undefined {
  return eventsOf(sim, 'Started', container)[0]?.atMs;
}

export function logsContain(sim: ScenarioSim, container: string, pattern: RegExp): boolean {
  return sim.logs(container).some((line) => pattern.test(line));
}

/** The live (not deleted) pods. */
export function livePods(sim: ScenarioSim): Pod[] {
  return sim.pods().filter((p) => !p.metadata?.deletionTimestamp);
}

/**
 * Runs a scenario's actions and time through a simulation with the engine's
 * `playRun`; a scenario's script expects every action to apply.
 */
export function play(
  sim: ScenarioSim,
  actions: readonly { atMs: number; action: Parameters<ScenarioSim['dispatch']>[0] }[],
  untilMs: number,
): void {
  const { refused } = playRun(sim, { actions: normalizeActions(actions) }, untilMs);
  ensure(
    refused.length === 0,
    refused.map((r) => `${r.action.kind} at ${r.atMs} ms refused: ${r.message}`).join('; '),
  );
}
