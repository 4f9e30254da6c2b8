/**
 * The manifest editor (lazy chunk): CodeMirror 6 with YAML mode, API-server-worded problems at
 * their lines, Apply (restarts the run with the text), autosave, import and export.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { yaml } from '@codemirror/lang-yaml';
import { tags } from '@lezer/highlight';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorView, basicSetup } from 'codemirror';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { parseAllDocuments, stringify } from 'yaml';
import { podToYaml } from '../../engine/index.ts';
import { useT } from '../../i18n/index.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';
import '../../styles/editor.css';
import { analyze, importManifest, ImportError, type Imported, type Problem } from './manifest.ts';
import type { ManifestEditorProps } from './ManifestEditor.tsx';
import { manifestKey, readStored, writeStored } from './storage.ts';

/** YAML colours from the theme's text colours, readable in light and dark themes alike. */
const themeHighlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--ps-accent-text)' },
  { tag: [tags.string, tags.special(tags.string), tags.content], color: 'var(--ps-ok-text)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--ps-warn-text)' },
  {
    tag: [tags.keyword, tags.typeName, tags.labelName, tags.meta],
    color: 'var(--ps-progress-text)',
  },
  {
    tag: [tags.comment, tags.lineComment, tags.blockComment],
    color: 'var(--ps-muted)',
    fontStyle: 'italic',
  },
  {
    tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace],
    color: 'var(--ps-fg)',
  },
  { tag: tags.invalid, color: 'var(--ps-bad-text)' },
]);

function runText(manifest: string | Record<string, unknown>): string {
  return typeof manifest === 'string' ? manifest : stringify(manifest);
}

function toDiagnostics(problems: readonly Problem[], length: number): Diagnostic[] {
  return problems.map((p) => ({
    from: Math.min(p.from, length),
    to: Math.min(Math.max(p.to, p.from), length),
    severity: 'error',
    message: p.message,
  }));
}

export default function EditorPanel({ storageKey = 'default', onClose }: ManifestEditorProps) {
  const t = useT();
  const run = usePodscope((s) => s.run);
  const load = usePodscope((s) => s.load);
  const refused = usePodscope((s) => (s.error?.code === 'manifest' ? s.error.message : undefined));
  const key = manifestKey(storageKey);
  const [text, setText] = useState(() => readStored(key) ?? runText(run.manifest));
  const [notice, setNotice] = useState<string>();
  const [saved, setSaved] = useState(false);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const labelId = useId();
  const problems = useMemo(() => analyze(text).problems, [text]);

  // Create the editor once; it reports every change back as `text`.
  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      doc: text,
      extensions: [
        basicSetup,
        yaml(),
        syntaxHighlighting(themeHighlight),
        lintGutter(),
        linter(
          (ev) => toDiagnostics(analyze(ev.state.doc.toString()).problems, ev.state.doc.length),
          {
            delay: 250,
          },
        ),
        EditorView.contentAttributes.of({ 'aria-labelledby': labelId }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) setText(u.state.doc.toString());
        }),
      ],
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The initial text only: later changes flow from the editor to React.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Autosave every change: the text survives errors and reloads.
  useEffect(() => {
    setSaved(writeStored(key, text));
  }, [key, text]);

  const replaceText = (next: string) => {
    const v = view.current;
    if (v) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: next } });
    else setText(next);
  };

  const apply = () => {
    if (problems.length > 0) return;
    // Pasted straight from a cluster? Run it without the server's fields (the text stays as is).
    let manifest = text;
    let dropped: string[] = [];
    try {
      const docs = parseAllDocuments(text);
      const single = !Array.isArray(docs) || docs.filter((d) => d.contents !== null).length === 1;
      const cleaned = single ? importManifest(text) : undefined;
      if (!cleaned) throw new Error('several documents');
      if (cleaned.dropped.length > 0) ({ yaml: manifest, dropped } = cleaned);
    } catch {
      // Several documents, or not one importable object: apply the text itself.
    }
    load({ manifest, seed: run.seed, actions: [] });
    setNotice(
      dropped.length > 0
        ? t('editor.appliedDropped', { fields: dropped.join(', ') })
        : t('editor.applied'),
    );
  };

  return (
    <section className="podscope-editor" aria-labelledby={`${labelId}-h`}>
      <header className="podscope-editor-head">
        <h2 id={`${labelId}-h`} className="podscope-editor-title">
          {t('editor.title')}
        </h2>
        <span id={labelId} className="podscope-sr-only">
          {t('editor.label')}
        </span>
        <span className="podscope-editor-spacer" />
        <button
          type="button"
          className="podscope-btn podscope-btn--primary"
          disabled={problems.length > 0}
          onClick={apply}
          title={t('editor.applyHint')}
        >
          {t('editor.apply')}
        </button>
        <button
          type="button"
          className="podscope-btn"
          onClick={() => replaceText(runText(run.manifest))}
        >
          {t('editor.revert')}
        </button>
        {onClose && (
          <button type="button" className="podscope-btn" onClick={onClose}>
            {t('editor.close')}
          </button>
        )}
      </header>
      <div ref={host} className="podscope-editor-cm" />
      <div className="podscope-editor-status" role="status" aria-live="polite">
        {problems.length === 0 ? (
          <p className="podscope-editor-ok">{t('editor.valid')}</p>
        ) : (
          <>
            <p className="podscope-editor-bad">
              {t('editor.problems', { count: problems.length })}
            </p>
            <ul className="podscope-editor-problems">
              {problems.map((p, i) => (
                <li key={i}>
                  <button
                    type="button"
                    className="podscope-linklike"
                    onClick={() => {
                      const v = view.current;
                      if (!v) return;
                      const at = Math.min(p.from, v.state.doc.length);
                      v.dispatch({ selection: { anchor: at }, scrollIntoView: true });
                      v.focus();
                    }}
                  >
                    {t('editor.problemAt', { line: p.line, message: p.message })}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {refused ? (
          <p className="podscope-editor-bad">{t('editor.rejected', { message: refused })}</p>
        ) : (
          notice && <p>{notice}</p>
        )}
        {saved && <p className="podscope-editor-muted">{t('editor.saved')}</p>}
      </div>
      <ImportBox onImported={(r) => replaceText(r.yaml)} />
      <ExportBox />
    </section>
  );
}

function ImportBox({ onImported }: { onImported: (r: Imported) => void }) {
  const t = useT();
  const id = useId();
  const [paste, setPaste] = useState('');
  const [result, setResult] = useState<Imported>();
  const [error, setError] = useState<string>();
  const [showOriginal, setShowOriginal] = useState(false);
  const doImport = () => {
    try {
      const r = importManifest(paste);
      setResult(r);
      setError(undefined);
      setShowOriginal(false);
      setPaste('');
      onImported(r);
    } catch (e) {
      setResult(undefined);
      setError(e instanceof ImportError || e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <details className="podscope-editor-box">
      <summary>{t('editor.import')}</summary>
      <label htmlFor={id}>{t('editor.importLabel')}</label>
      <textarea
        id={id}
        className="podscope-editor-paste"
        rows={6}
        spellCheck={false}
        value={paste}
        onChange={(e) => setPaste(e.target.value)}
      />
      <button type="button" className="podscope-btn" onClick={doImport} disabled={!paste.trim()}>
        {t('editor.importDo')}
      </button>
      <div role="status" aria-live="polite">
        {error && (
          <p className="podscope-editor-bad">{t('editor.importFailed', { message: error })}</p>
        )}
        {result && (
          <p>
            {result.dropped.length > 0
              ? t('editor.imported', { kind: result.kind, fields: result.dropped.join(', ') })
              : t('editor.importedClean', { kind: result.kind })}
          </p>
        )}
      </div>
      {result && result.dropped.length > 0 && (
        <>
          <button
            type="button"
            className="podscope-btn podscope-btn--small"
            aria-expanded={showOriginal}
            onClick={() => setShowOriginal((s) => !s)}
          >
            {t('editor.snapshot')}
          </button>
          {showOriginal && (
            <figure className="podscope-editor-snapshot">
              <figcaption>{t('editor.snapshotTitle')}</figcaption>
              <pre tabIndex={0}>{result.original}</pre>
            </figure>
          )}
        </>
      )}
    </details>
  );
}

function ExportBox() {
  const t = useT();
  const pods = usePodscope((s) => s.frame?.pods);
  const selected = usePodscope((s) => s.selectedPod);
  const [copied, setCopied] = useState(false);
  const pod = (pods ?? []).find((p) => p.name === selected) ?? pods?.[0];
  const text = useMemo(() => (pod ? podToYaml(pod.pod) : undefined), [pod]);
  return (
    <details className="podscope-editor-box" onToggle={() => setCopied(false)}>
      <summary>{t('editor.export')}</summary>
      {text ? (
        <figure className="podscope-editor-snapshot">
          <figcaption>{t('editor.exportTitle')}</figcaption>
          <pre tabIndex={0}>{text}</pre>
          <button
            type="button"
            className="podscope-btn podscope-btn--small"
            onClick={() => {
              void navigator.clipboard?.writeText(text).then(() => setCopied(true));
            }}
          >
            {copied ? t('editor.copied') : t('editor.copy')}
          </button>
        </figure>
      ) : (
        <p>{t('editor.exportNone')}</p>
      )}
    </details>
  );
}
