import { lazy, Suspense } from 'react';
import { useT, withMessages } from '../../i18n/index.ts';

/** CodeMirror and the YAML tooling load only when the editor is first shown (own chunk). */
const EditorPanel = lazy(withMessages(['scenarios'], () => import('./EditorPanel.tsx')));

export interface ManifestEditorProps {
  /** Separates the autosaved text of several Podscope instances on one page. */
  storageKey?: string;
  /** Shows a Close button that calls this. */
  onClose?: () => void;
}

/** The YAML manifest editor with import/export, lazily loaded. */
export function ManifestEditor(props: ManifestEditorProps) {
  const t = useT();
  return (
    <Suspense
      fallback={
        <p className="podscope-editor-loading" role="status">
          {t('editor.loading')}
        </p>
      }
    >
      <EditorPanel {...props} />
    </Suspense>
  );
}
