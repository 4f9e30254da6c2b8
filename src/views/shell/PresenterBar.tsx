/** Loaded the first time presenter mode opens (see Presenter.tsx). */
import { useT } from '../../i18n/index.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';
import { formatClock } from '../format.ts';
import type { Presenter } from './Presenter.tsx';

/** The presenter's own strip: the large clock, high contrast and the way out. */
export function PresenterBar({ presenter }: { presenter: Presenter }) {
  const t = useT();
  const clock = usePodscope((s) => formatClock(s.frame?.nowMs ?? 0));
  return (
    <div className="podscope-presenter" role="toolbar" aria-label={t('present.toolbar')}>
      <output className="podscope-presenter-clock" aria-label={t('controls.clock')}>
        {clock}
      </output>
      <span className="podscope-presenter-keys podscope-keyhint">{t('present.keys')}</span>
      <button
        type="button"
        className="podscope-btn"
        aria-pressed={presenter.contrast}
        onClick={() => presenter.setContrast(!presenter.contrast)}
      >
        {t('present.contrast')}
      </button>
      <button type="button" className="podscope-btn" onClick={presenter.leave}>
        {t('present.leave')}
      </button>
      {presenter.blank && (
        <div className="podscope-blank" aria-label={t('present.blanked')} role="img" />
      )}
    </div>
  );
}
