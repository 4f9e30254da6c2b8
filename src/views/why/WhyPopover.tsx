import { useId, type RefObject } from 'react';
import { useLocale, useT } from '../../i18n/index.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';
import { docUrl, explainStatus, type StatusColumn } from '../explain/explain.ts';
import { anatomyOf, podOf, usePod, useStableSelect } from '../hooks.ts';
import { Popover } from '../ui/Popover.tsx';
import { ProbeTable } from './ProbeTable.tsx';

/** For a back-off: the container waiting, its restarts, and the cluster seconds to its next try. */
function NextTry({ podName }: { podName: string }) {
  const t = useT();
  const waiting = useStableSelect((s) => {
    const c = podOf(anatomyOf(s), podName)?.containers.find(
      (x) => x.backOffUntilMs !== undefined && x.state !== 'running',
    );
    return c ? { name: c.name, until: c.backOffUntilMs ?? 0, restarts: c.restartCount } : undefined;
  });
  const left = usePodscope((s) =>
    waiting ? Math.max(0, Math.ceil((waiting.until - (s.frame?.nowMs ?? 0)) / 1000)) : 0,
  );
  if (!waiting || left <= 0) return null;
  return (
    <p className="podscope-why-next">
      {t('why.nextTry', { name: waiting.name, count: waiting.restarts, seconds: left })}
    </p>
  );
}

/** The open “Why …?” of `WhyStatus.tsx`. */
export default function WhyPopover({
  anchor,
  column,
  value,
  podName,
  containerKind,
  onClose,
}: {
  anchor: RefObject<HTMLButtonElement | null>;
  column: StatusColumn;
  value: string;
  podName?: string;
  containerKind?: 'init' | 'sidecar' | 'app';
  onClose: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const pod = usePod(podName ?? '');
  const ex = explainStatus(column, value, pod, containerKind);
  const id = useId();
  return (
    <Popover
      anchor={anchor}
      open
      onClose={onClose}
      label={t('why.title', { value })}
      className="podscope-why-pop"
    >
      <h2 className="podscope-pop-title" id={id}>
        {t('why.title', { value })}
      </h2>
      {ex.body.map((m) => (
        <p key={m.key}>{t(m.key, m.params)}</p>
      ))}
      {/BackOff/.test(value) && pod && <NextTry podName={pod.name} />}
      {pod && <ProbeTable podName={pod.name} />}
      <p className="podscope-why-concept">
        {t('why.concept', { concept: t(ex.concept.key, ex.concept.params) })} ·{' '}
        <a href={docUrl(ex.doc, locale)} target="_blank" rel="noreferrer">
          {t('why.learnMore')}
        </a>
      </p>
      {ex.gotchas.length > 0 && (
        <div className="podscope-gotchas">
          <h3>{t('why.gotchas')}</h3>
          <ul>
            {ex.gotchas.map((m) => (
              <li key={m.key}>{t(m.key, m.params)}</li>
            ))}
          </ul>
        </div>
      )}
      <button
        type="button"
        className="podscope-btn podscope-btn--small"
        onClick={() => {
          onClose();
          anchor.current?.focus();
        }}
      >
        {t('why.close')}
      </button>
    </Popover>
  );
}
