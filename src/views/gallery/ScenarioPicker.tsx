import { lazy, Suspense, useRef, useState } from 'react';
import { useT, type MessageKey, withMessages } from '../../i18n/index.ts';
import type { Scenario } from '../../scenarios/index.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';
import '../../styles/lessons.css';
import { plain } from './RichText.tsx';

/** The gallery and the scenario data load when the picker is first opened. */
const GalleryDialog = lazy(withMessages(['scenarios'], () => import('./GalleryDialog.tsx')));

export interface ScenarioPickerProps {
  /** Called after a scenario was loaded into the store. */
  onLoaded?: (scenario: Scenario) => void;
}

/** A "Scenarios" button opening the gallery; picking one loads its run into this instance. */
export function ScenarioPicker({ onLoaded }: ScenarioPickerProps) {
  const t = useT();
  const load = usePodscope((s) => s.load);
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Scenario>();
  const trigger = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    // The dialog leaves the page: give focus back to what opened it.
    requestAnimationFrame(() => trigger.current?.focus());
  };
  const pick = (s: Scenario) => {
    load(s.run);
    setLoaded(s);
    close();
    onLoaded?.(s);
  };
  return (
    <div className="podscope-picker">
      <button
        ref={trigger}
        type="button"
        className="podscope-btn"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        {t('gallery.open')}
      </button>
      <span className="podscope-sr-only" role="status">
        {loaded ? t('gallery.loaded', { title: plain(t(loaded.titleKey as MessageKey)) }) : ''}
      </span>
      {open && (
        <Suspense fallback={<span role="status">{t('editor.loading')}</span>}>
          <GalleryDialog onPick={pick} onClose={close} />
        </Suspense>
      )}
    </div>
  );
}
