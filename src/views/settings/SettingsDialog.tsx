import { memo, Suspense, useCallback, useRef, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { lazyBody } from '../ui/lazy.ts';

/** The form, with the YAML editing code (and the `yaml` package), loads when first wanted. */
const { Body: SettingsForm, preload } = lazyBody(() => import('./SettingsForm.tsx'));

/** The pod's teaching settings, edited in place: each change rewrites the manifest and restarts the run. */
export const SettingsButton = memo(function SettingsButton({
  podName,
  disabled,
}: {
  podName: string;
  disabled?: boolean;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button
        ref={anchor}
        type="button"
        className="podscope-btn podscope-btn--small nodrag nopan"
        aria-haspopup="dialog"
        aria-expanded={open}
        disabled={disabled}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => setOpen((o) => !o)}
      >
        {t('settings.button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <SettingsForm anchor={anchor} podName={podName} onClose={close} />
        </Suspense>
      )}
    </>
  );
});
