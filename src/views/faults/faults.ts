/**
 * The fault registry: every injectable action as data (label, shortcut, how to build the
 * engine action), so menus, bars and tests share one list.
 */
import type { MessageKey } from '../../i18n/index.ts';
import type { Action } from '../../store/types.ts';
import type { ContainerVM, PodVM } from '../anatomy/model.ts';
import type { FaultKind, ProbeType } from '../explain/explain.ts';

export interface FaultDef {
  id: string;
  kind: FaultKind;
  label: MessageKey;
  /** Single-letter shortcut while the menu is open. */
  key: string;
  probe?: ProbeType;
}

export const CONTAINER_FAULTS: readonly FaultDef[] = [
  { id: 'crash', kind: 'crash', label: 'fault.crash', key: 'c' },
  { id: 'oom', kind: 'oom-kill', label: 'fault.oom', key: 'o' },
  { id: 'liveness', kind: 'probe-failure', probe: 'liveness', label: 'fault.liveness', key: 'l' },
  {
    id: 'readiness',
    kind: 'probe-failure',
    probe: 'readiness',
    label: 'fault.readiness',
    key: 'r',
  },
  { id: 'startup', kind: 'probe-failure', probe: 'startup', label: 'fault.startup', key: 's' },
  { id: 'pull', kind: 'image-pull-error', label: 'fault.pull', key: 'i' },
];

export const POD_FAULTS: readonly FaultDef[] = [
  { id: 'sandbox', kind: 'kill-sandbox', label: 'fault.sandbox', key: 'k' },
  { id: 'delete', kind: 'delete-pod', label: 'fault.delete', key: 'd' },
];

export const EXIT_CODES = [1, 0, 2, 137, 143] as const;

/** The engine action for a fault on a pod (and container). */
export function toActions(
  def: FaultDef,
  pod: PodVM,
  container?: ContainerVM,
  exitCode?: number,
): Action[] {
  const p = pod.name;
  switch (def.kind) {
    case 'crash':
      return container
        ? [{ kind: 'crash', pod: p, container: container.name, exitCode: exitCode ?? 1 }]
        : [];
    case 'oom-kill':
      return container ? [{ kind: 'oom-kill', pod: p, container: container.name }] : [];
    case 'probe-failure':
      return container && def.probe
        ? [{ kind: 'probe-failure', pod: p, container: container.name, probe: def.probe }]
        : [];
    case 'probe-recover':
      return container
        ? container.probes
            .filter((pr) => pr.faulted)
            .map(
              (pr) =>
                ({
                  kind: 'probe-recover',
                  pod: p,
                  container: container.name,
                  probe: pr.kind,
                }) as Action,
            )
        : [];
    case 'image-pull-error':
      return [
        { kind: 'image-pull-error', pod: p, ...(container ? { image: container.image } : {}) },
      ];
    case 'kill-sandbox':
      return [{ kind: 'kill-sandbox', pod: p }];
    case 'delete-pod':
      return [{ kind: 'delete-pod', pod: p }];
    case 'node-failure':
      return [{ kind: 'node-failure', node: pod.nodeName }];
    case 'node-recover':
      return [{ kind: 'node-recover', node: pod.nodeName }];
    case 'create-service':
      return [{ kind: 'create-service', name: pod.name.replace(/-[a-z0-9]{5}$/, '') }];
    case 'delete-service':
      return [{ kind: 'delete-service', name: pod.name.replace(/-[a-z0-9]{5}$/, '') }];
  }
}
