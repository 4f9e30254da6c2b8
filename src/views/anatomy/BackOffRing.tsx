import { memo } from 'react';
import { useT } from '../../i18n/index.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';

const R = 15;
const C = 2 * Math.PI * R;

/**
 * A ring counting down the cluster-time seconds to the next restart. It re-renders once per
 * simulated second, whatever the playback speed.
 */
export const BackOffRing = memo(function BackOffRing({
  untilMs,
  totalMs,
}: {
  untilMs: number;
  totalMs?: number;
}) {
  const t = useT();
  const left = usePodscope((s) => Math.max(0, Math.ceil((untilMs - (s.frame?.nowMs ?? 0)) / 1000)));
  if (left <= 0) return null;
  const total = Math.max(left, Math.round((totalMs ?? 0) / 1000), 10);
  const frac = left / total;
  return (
    <span
      className="podscope-ring"
      role="timer"
      aria-label={t('anatomy.backoff', { seconds: left })}
    >
      <svg viewBox="0 0 36 36" width="38" height="38" aria-hidden="true">
        <circle className="podscope-ring-track" cx="18" cy="18" r={R} />
        <circle
          className="podscope-ring-arc"
          cx="18"
          cy="18"
          r={R}
          strokeDasharray={C}
          strokeDashoffset={C * (1 - frac)}
          transform="rotate(-90 18 18)"
        />
      </svg>
      <span className="podscope-ring-text" aria-hidden="true">
        {t('anatomy.backoffShort', { seconds: left })}
      </span>
    </span>
  );
});
