import { memo, Suspense, useCallback, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/index.ts';
import type { StatusColumn } from '../explain/explain.ts';
import { lazyBody } from '../ui/lazy.ts';

/** The explanation (and the probe table) loads when first wanted (pointer over, focus). */
const { Body: WhyPopover, preload } = lazyBody(() => import('./WhyPopover.tsx'));

export interface WhyStatusProps {
  /** Which column the value comes from: kubectl's STATUS, READY, RESTARTS, or a container's state. */
  column: StatusColumn;
  /** The value as printed, e.g. `Init:CrashLoopBackOff`, `1/2`, `3 (15s ago)`. */
  value: string;
  /** The pod it belongs to, for context (restartPolicy, sidecars, grace period). */
  podName?: string;
  /** For a container's state: which kind of container it is. */
  containerKind?: 'init' | 'sidecar' | 'app';
  className?: string;
  /** What the button shows; defaults to `value`. */
  children?: ReactNode;
}

/**
 * A status that explains itself: a button showing the value; clicking it opens “Why …?”,
 * the rule that produced it in plain words, the Kubernetes concept and the gotchas.
 * Usable anywhere inside a Podscope instance (the anatomy, kubectl tables).
 */
export const WhyStatus = memo(function WhyStatus({
  column,
  value,
  podName,
  containerKind,
  className,
  children,
}: WhyStatusProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button
        ref={anchor}
        type="button"
        className={`podscope-why nodrag nopan ${className ?? ''}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        title={t('why.button', { value })}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => setOpen((o) => !o)}
      >
        {children ?? value}
      </button>
      {open && (
        <Suspense fallback={null}>
          <WhyPopover
            anchor={anchor}
            column={column}
            value={value}
            podName={podName}
            containerKind={containerKind}
            onClose={close}
          />
        </Suspense>
      )}
    </>
  );
});
