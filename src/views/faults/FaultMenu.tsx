import { memo, Suspense, useCallback, useRef, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { lazyBody } from '../ui/lazy.ts';

/** The menu itself loads when first wanted (pointer over a trigger, focus). */
const { Body: FaultListFor, preload } = lazyBody(() => import('./FaultList.tsx'));

/** The per-container (or per-pod) fault menu: each fault with its shortcut and what the kubelet will do. */
export const FaultMenu = memo(function FaultMenu({
  podName,
  container,
  gone,
}: {
  podName: string;
  container?: string;
  gone?: boolean;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const target = container ?? podName;
  return (
    <>
      <button
        ref={anchor}
        type="button"
        className="podscope-btn podscope-btn--small podscope-fault-trigger nodrag nopan"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={t('fault.menu', { name: target })}
        disabled={gone}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => setOpen((o) => !o)}
      >
        {t('fault.menuButton')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <FaultListFor anchor={anchor} podName={podName} container={container} onClose={close} />
        </Suspense>
      )}
    </>
  );
});
