import { useCallback, useMemo, useState, type RefObject } from 'react';
import { joinSentences } from '../format.ts';
import { useT } from '../../i18n/index.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';
import type { ContainerVM, PodVM } from '../anatomy/model.ts';
import { explainFault, faultUnavailable } from '../explain/explain.ts';
import { usePod } from '../hooks.ts';
import { Popover } from '../ui/Popover.tsx';
import { CONTAINER_FAULTS, EXIT_CODES, POD_FAULTS, toActions, type FaultDef } from './faults.ts';

const RECOVER: FaultDef = {
  id: 'recover',
  kind: 'probe-recover',
  label: 'fault.recover',
  key: 'v',
};

/** The open fault menu of `FaultMenu.tsx`: each fault with what the kubelet will do. */
export default function FaultListFor({
  anchor,
  podName,
  container,
  onClose,
}: {
  anchor: RefObject<HTMLButtonElement | null>;
  podName: string;
  container?: string;
  onClose: () => void;
}) {
  const pod = usePod(podName);
  if (!pod) return null;
  const c = container ? pod.containers.find((x) => x.name === container) : undefined;
  return <FaultList anchor={anchor} pod={pod} container={c} onClose={onClose} />;
}

function FaultList({
  anchor,
  pod,
  container,
  onClose,
}: {
  anchor: RefObject<HTMLButtonElement | null>;
  pod: PodVM;
  container?: ContainerVM;
  onClose: () => void;
}) {
  const t = useT();
  const dispatch = usePodscope((s) => s.dispatch);
  const [exitCode, setExitCode] = useState<number>(1);
  const defs = container ? CONTAINER_FAULTS : POD_FAULTS;
  const hasFaulted = !!container?.probes.some((p) => p.faulted);
  const all: FaultDef[] = useMemo(
    () => (hasFaulted ? [...defs, RECOVER] : [...defs]),
    [defs, hasFaulted],
  );

  const fire = useCallback(
    (def: FaultDef) => {
      for (const a of toActions(def, pod, container, exitCode)) dispatch(a);
      onClose();
      anchor.current?.focus();
    },
    [dispatch, pod, container, exitCode, onClose, anchor],
  );
  const onKey = useCallback(
    (e: KeyboardEvent) => {
      const def = all.find((d) => d.key === e.key.toLowerCase());
      if (!def || faultUnavailable(def.kind, { pod, container, probe: def.probe })) return false;
      fire(def);
      return true;
    },
    [all, fire, pod, container],
  );

  return (
    <Popover
      anchor={anchor}
      open
      onClose={onClose}
      label={t('fault.menu', { name: container?.name ?? pod.name })}
      className="podscope-fault-pop"
      onKey={onKey}
    >
      <ul className="podscope-fault-list">
        {all.map((def) => {
          const na = faultUnavailable(def.kind, { pod, container, probe: def.probe });
          const lines = na
            ? [na]
            : explainFault(def.kind, { pod, container, probe: def.probe, exitCode });
          const descId = `fx-${pod.name}-${container?.name ?? ''}-${def.id}`;
          return (
            <li key={def.id} className="podscope-fault-item">
              <div className="podscope-fault-row">
                <button
                  type="button"
                  className="podscope-fault-btn"
                  disabled={!!na}
                  aria-describedby={descId}
                  aria-keyshortcuts={def.key.toUpperCase()}
                  onClick={() => fire(def)}
                >
                  <span>
                    {def.id === 'crash' ? `${t(def.label)} (exit ${exitCode})` : t(def.label)}
                  </span>
                  <kbd aria-hidden="true">{def.key.toUpperCase()}</kbd>
                </button>
                {def.id === 'crash' && !na && (
                  <label className="podscope-exit-code">
                    <span>{t('fault.exitCode')}</span>
                    <select value={exitCode} onChange={(e) => setExitCode(Number(e.target.value))}>
                      {EXIT_CODES.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </div>
              <p id={descId} className="podscope-fault-why">
                {joinSentences(lines.map((m) => t(m.key, m.params)))}
              </p>
            </li>
          );
        })}
      </ul>
    </Popover>
  );
}
