/** Builders for container statuses used by the table tests (mirroring the kubelet tests' helpers). */
import type { ContainerStatus } from 'kubernetes-types/core/v1';
import type { KContainer, V1Pod } from './runtimeView.ts';

export const running = (name: string): ContainerStatus =>
  ({ name, state: { running: {} } }) as ContainerStatus;
export const started = (name: string): ContainerStatus =>
  ({ name, state: { running: {} }, started: true }) as ContainerStatus;
export const stopped = (name: string): ContainerStatus =>
  ({ name, state: { terminated: {} } }) as unknown as ContainerStatus;
export const succeeded = (name: string): ContainerStatus =>
  ({ name, state: { terminated: { exitCode: 0 } } }) as ContainerStatus;
export const failed = (name: string, exitCode = -1): ContainerStatus =>
  ({ name, state: { terminated: { exitCode } } }) as ContainerStatus;
export const waiting = (name: string, reason?: string): ContainerStatus =>
  ({ name, state: { waiting: reason ? { reason } : {} } }) as ContainerStatus;
export const waitingAfter = (name: string, exitCode = 0): ContainerStatus =>
  ({
    name,
    state: { waiting: {} },
    lastState: { terminated: { exitCode } },
  }) as ContainerStatus;
export const emptyState = (name: string): ContainerStatus =>
  ({ name, state: {} }) as ContainerStatus;

export interface PodShape {
  init?: (string | KContainer)[];
  containers?: (string | KContainer)[];
  restartPolicy?: string;
  initStatuses?: ContainerStatus[];
  statuses?: ContainerStatus[];
  phase?: string;
}

const toContainer = (c: string | KContainer): KContainer =>
  typeof c === 'string' ? ({ name: c } as KContainer) : c;

export const sidecar = (name: string, extra: Partial<KContainer> = {}): KContainer =>
  ({ name, restartPolicy: 'Always', ...extra }) as KContainer;

export function makePod(p: PodShape): V1Pod {
  const status: Record<string, unknown> = {};
  if (p.phase !== undefined) status.phase = p.phase;
  if (p.initStatuses !== undefined) status.initContainerStatuses = p.initStatuses;
  if (p.statuses !== undefined) status.containerStatuses = p.statuses;
  const spec: Record<string, unknown> = {
    containers: (p.containers ?? []).map(toContainer),
  };
  if (p.init) spec.initContainers = p.init.map(toContainer);
  if (p.restartPolicy !== undefined) spec.restartPolicy = p.restartPolicy;
  return { metadata: { name: 'p' }, spec, status } as unknown as V1Pod;
}
