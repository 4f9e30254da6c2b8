import { lazy, Suspense } from 'react';
import { useT, withMessages } from '../../i18n/index.ts';

/** The lessons' data and logic load when the panel is first shown. */
const LessonPanelImpl = lazy(
  withMessages(['lessons', 'scenarios'], () => import('./LessonPanelImpl.tsx')),
);

export interface LessonPanelProps {
  /** Shows a Close button that calls this. */
  onClose?: () => void;
  /** Opens this lesson (its first step not yet done) instead of the list. */
  lesson?: string;
  /** With `lesson`: open this step (0-based) instead. */
  step?: number;
}

/** Guided lessons following the article, with progress kept in this browser. */
export function LessonPanel(props: LessonPanelProps) {
  const t = useT();
  return (
    <Suspense fallback={<p role="status">{t('editor.loading')}</p>}>
      <LessonPanelImpl {...props} />
    </Suspense>
  );
}
