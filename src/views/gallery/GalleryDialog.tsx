import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { pendingReason, scenarios, type Scenario, type Topic } from '../../scenarios/index.ts';
import '../../styles/lessons.css';
import { plain, RichText } from './RichText.tsx';

const TOPICS: Topic[] = [
  'pod',
  'pause',
  'namespaces',
  'volumes',
  'init',
  'sidecar',
  'restart-policy',
  'image-pull',
  'probes',
  'termination',
  'controllers',
];

export default function Gallery({
  onPick,
  onClose,
}: {
  onPick: (s: Scenario) => void;
  onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [topic, setTopic] = useState<Topic | ''>('');
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
    return () => d?.close?.();
  }, []);
  const shown = useMemo(
    () => (topic ? scenarios.filter((s) => s.tags.includes(topic)) : scenarios),
    [topic],
  );
  return (
    <dialog
      ref={ref}
      role="dialog"
      className="podscope-dialog podscope-gallery"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="podscope-dialog-head">
        <h2 id={`${id}-title`}>{t('gallery.title')}</h2>
        <label className="podscope-gallery-filter">
          {t('gallery.filter')}{' '}
          <select value={topic} onChange={(e) => setTopic(e.target.value as Topic | '')}>
            <option value="">{t('gallery.all')}</option>
            {TOPICS.map((tp) => (
              <option key={tp} value={tp}>
                {plain(t(`topic.${tp}`))}
              </option>
            ))}
          </select>
        </label>
        <span className="podscope-gallery-count">
          {t('gallery.count', { count: shown.length })}
        </span>
        <button type="button" className="podscope-btn" onClick={onClose}>
          {t('gallery.close')}
        </button>
      </header>
      <ul className="podscope-gallery-list">
        {shown.map((s) => {
          const title = plain(t(s.titleKey as MessageKey));
          return (
            <li key={s.id} className="podscope-gallery-card">
              <h3>{title}</h3>
              <p>
                <RichText text={t(s.pointKey as MessageKey)} />
              </p>
              {pendingReason(s) && (
                <p className="podscope-gallery-pending">{t('gallery.pending')}</p>
              )}
              <p className="podscope-gallery-tags">
                {s.tags.map((tg) => (
                  <span key={tg} className="podscope-tag">
                    <RichText text={t(`topic.${tg}`)} />
                  </span>
                ))}
              </p>
              <button
                type="button"
                className="podscope-btn podscope-btn--primary podscope-btn--small"
                aria-label={t('gallery.load', { title })}
                onClick={() => onPick(s)}
              >
                {t('gallery.loadShort')}
              </button>
            </li>
          );
        })}
      </ul>
    </dialog>
  );
}
