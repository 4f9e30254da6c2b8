import { memo, useCallback, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useLocale, useT } from '../../i18n/index.ts';
import { docUrl, explainStatus, type StatusColumn } from '../explain/explain.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';
import { anatomyOf, podOf, usePod, useStableSelect } from '../hooks.ts';
import { Popover } from '../ui/Popover.tsx';
import { ProbeTable } from './ProbeTable.tsx';

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
        onClick={() => setOpen((o) => !o)}
      >
        {children ?? value}
      </button>
      {open && (
        <WhyPopover
          anchor={anchor}
          column={column}
          value={value}
          podName={podName}
          containerKind={containerKind}
          onClose={close}
        />
      )}
    </>
  );
});

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

function WhyPopover({
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
