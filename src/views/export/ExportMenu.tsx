import { useRef, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import type { ExportFormat } from './exportView.ts';

function download(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.click();
}

/** The stage's Export menu: the current view as PNG or SVG (for slides). */
export function ExportMenu({ stage }: { stage: HTMLElement | null }) {
  const t = useT();
  const details = useRef<HTMLDetailsElement>(null);
  const [error, setError] = useState('');
  const run = async (format: ExportFormat) => {
    setError('');
    try {
      const { exportView } = await import('./exportView.ts');
      const url = await exportView(stage, format);
      download(url, `podscope.${format}`);
      details.current?.removeAttribute('open');
    } catch (e) {
      setError(t('stage.exportFailed', { reason: (e as Error).message }));
    }
  };
  return (
    <details className="podscope-export" ref={details}>
      <summary className="podscope-btn podscope-btn--small" aria-label={t('stage.exportLabel')}>
        {t('stage.export')}
      </summary>
      <div className="podscope-export-menu">
        <button type="button" className="podscope-btn" onClick={() => void run('png')}>
          {t('stage.exportPng')}
        </button>
        <button type="button" className="podscope-btn" onClick={() => void run('svg')}>
          {t('stage.exportSvg')}
        </button>
        {error && (
          <p role="alert" className="podscope-export-error">
            {error}
          </p>
        )}
      </div>
    </details>
  );
}
