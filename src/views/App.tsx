import { useState, type ReactNode } from 'react';
import { I18nProvider, useT } from '../i18n/index.ts';
import { usePodscope } from '../store/StoreProvider.tsx';
import { LiveRegion } from './a11y/LiveRegion.tsx';
import { Anatomy } from './anatomy/Anatomy.tsx';
import { PlaybackControls } from './controls/PlaybackControls.tsx';
import { FaultBar } from './faults/FaultBar.tsx';
import { Motion } from './motion.tsx';
import { Header } from './shell/Header.tsx';
import { LayerContext } from './ui/layer.ts';

export interface AppSlots {
  /** The kubectl panels (get pods -w, describe, logs, YAML). */
  panels?: ReactNode;
  /** The timeline chart. */
  timeline?: ReactNode;
}

/**
 * The pod view: header, the anatomy as the hero, the kubectl column, and the playback bar with
 * faults and the timeline. Everything is scoped under `.podscope-root`; nothing touches
 * <html> or <body>.
 */
export function App({ panels, timeline }: AppSlots = {}) {
  const locale = usePodscope((s) => s.locale);
  const theme = usePodscope((s) => s.theme);
  const [layer, setLayer] = useState<HTMLElement | null>(null);
  return (
    <I18nProvider locale={locale}>
      <div className="podscope-root" data-theme={theme} lang={locale === 'pseudo' ? 'en' : locale}>
        <LayerContext.Provider value={layer}>
          <Motion>
            <Header />
            <ErrorBanner />
            <main className="podscope-main">
              <Anatomy />
              <aside className="podscope-side" aria-label="kubectl">
                {panels ?? <Slot textKey="app.panelsSlot" />}
              </aside>
            </main>
            <footer className="podscope-bottom">
              <PlaybackControls />
              <FaultBar />
              <div className="podscope-timeline-slot">
                {timeline ?? <Slot textKey="app.timelineSlot" />}
              </div>
            </footer>
            <LiveRegion />
          </Motion>
        </LayerContext.Provider>
        <div className="podscope-layer" ref={setLayer} />
      </div>
    </I18nProvider>
  );
}

/** A clearly marked place for a colleague's component until it lands. */
function Slot({ textKey }: { textKey: 'app.panelsSlot' | 'app.timelineSlot' }) {
  const t = useT();
  return <p className="podscope-slot">{t(textKey)}</p>;
}

function ErrorBanner() {
  const t = useT();
  const error = usePodscope((s) => s.error);
  const restart = usePodscope((s) => s.restart);
  const dismiss = usePodscope((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="podscope-error" role="alert">
      <span>{t('app.error', { message: error.message })}</span>
      {error.fatal ? (
        <button type="button" className="podscope-btn podscope-btn--small" onClick={restart}>
          {t('app.errorRestart')}
        </button>
      ) : (
        <button type="button" className="podscope-btn podscope-btn--small" onClick={dismiss}>
          {t('app.dismiss')}
        </button>
      )}
    </div>
  );
}
