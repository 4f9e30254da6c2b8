import { lazy, Suspense } from 'react';
import { useT, withMessages } from '../../i18n/index.ts';

/** The compare view runs its own two simulations; it loads (engine included) only when shown. */
const ComparePanel = lazy(withMessages(['scenarios'], () => import('./ComparePanel.tsx')));

export interface CompareViewProps {
  /** Scenario ids to start with (default: the first pair of `comparisons`). */
  pair?: readonly [string, string];
  onClose?: () => void;
}

/** Two scenario variants side by side on one shared clock, lazily loaded. */
export function CompareView(props: CompareViewProps) {
  const t = useT();
  return (
    <Suspense fallback={<p role="status">{t('editor.loading')}</p>}>
      <ComparePanel {...props} />
    </Suspense>
  );
}
