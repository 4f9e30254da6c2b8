import { useRef, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/index.ts';
import { CompareView } from '../compare/CompareView.tsx';
import { ManifestEditor } from '../editor/ManifestEditor.tsx';
import { ScenarioPicker } from '../gallery/ScenarioPicker.tsx';
import '../../styles/lessons.css';
import { LessonPanel } from './LessonPanel.tsx';

type Panel = 'lessons' | 'editor' | 'compare';

export interface LearnBarProps {
  /** Separates the editor's autosaved text between instances on one page. */
  storageKey?: string;
  /** The panel open at first. */
  initial?: Panel;
  /** Shown at the end of the bar (the first-run hint). */
  hint?: ReactNode;
}

/**
 * One place for the learning tools: the scenario gallery, and toggles for the lessons, the YAML
 * editor and the side-by-side compare. Each panel (and its code) loads when first opened.
 */
export function LearnBar({ storageKey, initial, hint }: LearnBarProps) {
  const t = useT();
  const [open, setOpen] = useState<Panel | undefined>(initial);
  const toggle = (p: Panel) => setOpen((cur) => (cur === p ? undefined : p));
  const toggles = useRef<Partial<Record<Panel, HTMLButtonElement | null>>>({});
  const close = () => {
    const was = open;
    setOpen(undefined);
    // The panel leaves the page: give focus back to its toggle.
    if (was) requestAnimationFrame(() => toggles.current[was]?.focus());
  };
  const buttons: { id: Panel; label: string }[] = [
    { id: 'lessons', label: t('lessons.open') },
    { id: 'editor', label: t('editor.open') },
    { id: 'compare', label: t('compare.open') },
  ];
  return (
    <div className="podscope-learn">
      <div className="podscope-learn-bar">
        <ScenarioPicker />
        {buttons.map((b) => (
          <button
            key={b.id}
            ref={(el) => {
              toggles.current[b.id] = el;
            }}
            type="button"
            className="podscope-btn"
            aria-pressed={open === b.id}
            onClick={() => toggle(b.id)}
          >
            {b.label}
          </button>
        ))}
        {hint}
      </div>
      {open && (
        <div className="podscope-learn-panel">
          {open === 'lessons' && <LessonPanel onClose={close} />}
          {open === 'editor' && <ManifestEditor storageKey={storageKey} onClose={close} />}
          {open === 'compare' && <CompareView onClose={close} />}
        </div>
      )}
    </div>
  );
}
