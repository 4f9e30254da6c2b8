import { memo, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';
import { explainFault, type FaultKind } from '../explain/explain.ts';
import { anatomyOf, podOf, useStableSelect } from '../hooks.ts';
import { joinSentences } from '../format.ts';
import { useLayout } from '../shell/layoutMode.ts';
import { toActions, type FaultDef } from './faults.ts';

/** Pod-, sandbox-, node- and Service-level actions in one row, each explaining itself on focus. */
export const FaultBar = memo(function FaultBar() {
  const t = useT();
  const dispatch = usePodscope((s) => s.dispatch);
  const ready = usePodscope((s) => s.isReady);
  const target = useStableSelect((s) => {
    const vm = anatomyOf(s);
    const name = s.selectedPod;
    const all = vm.nodes.flatMap((n) => n.pods);
    return (name ? podOf(vm, name) : undefined) ?? all.find((p) => !p.gone) ?? all[0];
  });
  const nodeReady = useStableSelect((s) =>
    target ? (anatomyOf(s).nodes.find((n) => n.name === target.nodeName)?.ready ?? true) : true,
  );
  const serviceUp = usePodscope((s) => {
    let up = false;
    for (const a of s.frame?.actions ?? []) {
      if (a.atMs > (s.frame?.nowMs ?? 0)) break;
      if (a.action.kind === 'create-service') up = true;
      if (a.action.kind === 'delete-service') up = false;
    }
    return up;
  });
  const [hint, setHint] = useState<string>('');
  // In the compact layouts the row folds into one menu button beside the transport.
  const folded = useLayout().mode !== 'wide';
  const [open, setOpen] = useState(false);
  const listId = useId();
  const barRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!folded || !open) return;
    const doc = barRef.current?.ownerDocument;
    const away = (e: PointerEvent) => {
      if (!barRef.current?.contains(e.target as Node)) setOpen(false);
    };
    doc?.addEventListener('pointerdown', away);
    return () => doc?.removeEventListener('pointerdown', away);
  }, [folded, open]);
  if (!target) return null;

  const node = target.nodeName || 'node';
  const items: { def: FaultDef; label: string; disabled?: boolean }[] = [
    {
      def: { id: 'sandbox', kind: 'kill-sandbox', label: 'fault.sandbox', key: 'k' },
      label: t('fault.sandbox'),
    },
    {
      def: { id: 'delete', kind: 'delete-pod', label: 'fault.delete', key: 'd' },
      label: t('fault.delete'),
    },
    nodeReady
      ? {
          def: { id: 'node', kind: 'node-failure', label: 'fault.nodeFail', key: 'f' },
          label: t('fault.nodeFail', { node }),
        }
      : {
          def: { id: 'node', kind: 'node-recover', label: 'fault.nodeRecover', key: 'f' },
          label: t('fault.nodeRecover', { node }),
        },
    serviceUp
      ? {
          def: { id: 'svc', kind: 'delete-service', label: 'fault.serviceDelete', key: 'e' },
          label: t('fault.serviceDelete'),
        }
      : {
          def: { id: 'svc', kind: 'create-service', label: 'fault.serviceCreate', key: 'e' },
          label: t('fault.serviceCreate'),
        },
  ];
  const explain = (kind: FaultKind) =>
    joinSentences(
      explainFault(kind, { pod: target, nodeName: node }).map((m) => t(m.key, m.params)),
    );

  return (
    <div
      ref={barRef}
      className="podscope-faultbar"
      role="group"
      aria-label={t('fault.bar')}
      data-folded={folded || undefined}
      data-open={(folded && open) || undefined}
      onKeyDown={(e) => {
        if (folded && open && e.key === 'Escape') {
          e.stopPropagation();
          setOpen(false);
          barRef.current?.querySelector<HTMLButtonElement>('.podscope-faults-toggle')?.focus();
        }
      }}
    >
      {folded && (
        <button
          type="button"
          className="podscope-btn podscope-faults-toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">⚡ </span>
          {t('fault.barMenu')}
          <span aria-hidden="true">{open ? ' ▾' : ' ▴'}</span>
        </button>
      )}
      <div className="podscope-faultbar-buttons" id={listId}>
        {items.map(({ def, label }) => {
          const disabled =
            !ready ||
            (target.gone && def.kind !== 'node-recover' && def.kind !== 'node-failure') ||
            (target.deleting && def.kind === 'delete-pod');
          return (
            <button
              key={def.id}
              type="button"
              className={`podscope-btn podscope-btn--fault`}
              disabled={disabled}
              title={explain(def.kind)}
              onFocus={() => setHint(explain(def.kind))}
              onMouseEnter={() => setHint(explain(def.kind))}
              onClick={() => {
                for (const a of toActions(def, target)) dispatch(a);
                setOpen(false);
              }}
              data-shortcut={def.key}
              aria-keyshortcuts={def.key.toUpperCase()}
            >
              <span aria-hidden="true">⚡ </span>
              {label}
              <kbd className="podscope-kbd" aria-hidden="true">
                {def.key.toUpperCase()}
              </kbd>
            </button>
          );
        })}
      </div>
      <p className="podscope-faultbar-hint" aria-hidden="true">
        {hint}
      </p>
    </div>
  );
});
