import { useEffect, useId, useRef, useState } from 'react';
import { useLocale, type Locale } from '../i18n/index.ts';
import { usePodscope } from '../store/StoreProvider.tsx';
import { useEmbedOptions } from './EmbedContext.tsx';
import { shareText, type ShareMessageKey } from './shareMessages.ts';
import { encodeShareFragment } from './shareLink.ts';
import { buildSnippets, type Snippets } from './snippets.ts';

const FIELDS: readonly { key: keyof Snippets; label: ShareMessageKey; rows: number }[] = [
  { key: 'link', label: 'share.link', rows: 2 },
  { key: 'iframe', label: 'share.iframe', rows: 3 },
  { key: 'element', label: 'share.element', rows: 5 },
  { key: 'docusaurus', label: 'share.docusaurus', rows: 7 },
  { key: 'vitepress', label: 'share.vitepress', rows: 3 },
  { key: 'mkdocs', label: 'share.mkdocs', rows: 4 },
];

function currentAppUrl(fallback: string): string {
  if (fallback) return fallback;
  const url = new URL(globalThis.location?.href ?? 'http://localhost/');
  url.search = '';
  url.hash = '';
  return url.toString();
}

/**
 * The "Share / Embed" dialog: a modal (native `<dialog>`, so focus is trapped and Escape
 * closes it) offering the link to the current run and snippets to embed it — iframe, web
 * component, Docusaurus, VitePress and MkDocs — each with a Copy button.
 */
export function ShareDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const locale = useLocale();
  const t = (key: ShareMessageKey) => shareText(locale, key);
  const run = usePodscope((s) => s.run);
  const nowMs = usePodscope((s) => Math.round(s.frame?.nowMs ?? 0));
  const speed = usePodscope((s) => s.frame?.speed ?? 1);
  const theme = usePodscope((s) => s.theme);
  const storeLocale = usePodscope((s) => s.locale);
  const { panels, appUrl } = useEmbedOptions();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const introId = useId();
  const [snippets, setSnippets] = useState<Snippets | undefined>();
  const [status, setStatus] = useState('');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const lang: Locale = storeLocale === 'zh-CN' ? 'zh-CN' : 'en';
    void encodeShareFragment({
      run,
      atMs: nowMs,
      speed,
      lang,
      theme,
      ...(panels ? { panels: [...panels] } : {}),
    }).then((fragment) => {
      if (!live) return;
      setStatus('');
      setSnippets(
        buildSnippets({
          appUrl: currentAppUrl(appUrl),
          fragment,
          plainRun: run.actions.length === 0 && nowMs === 0 && run.seed === 1,
          ...(typeof run.manifest === 'string' ? { manifestText: run.manifest } : {}),
          lang,
          theme,
          ...(panels ? { panels } : {}),
        }),
      );
    });
    return () => {
      live = false;
    };
    // The time is read when the dialog opens; it does not follow playback while open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, run, speed, theme, storeLocale, panels, appUrl]);

  const copy = async (text: string, field: HTMLTextAreaElement | null) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('share.copied'));
    } catch {
      field?.focus();
      field?.select();
      setStatus(t('share.copyFailed'));
    }
  };

  return (
    <dialog
      ref={ref}
      className="podscope-share"
      aria-labelledby={titleId}
      aria-describedby={introId}
      onClose={onClose}
    >
      <div className="podscope-share__head">
        <h2 id={titleId}>{t('share.title')}</h2>
        <button type="button" className="podscope-btn" onClick={onClose}>
          {t('share.close')}
        </button>
      </div>
      <p id={introId}>{t('share.intro')}</p>
      {snippets ? (
        FIELDS.map((f) => (
          <SnippetField
            key={f.key}
            label={t(f.label)}
            copyLabel={t('share.copy')}
            value={snippets[f.key]}
            rows={f.rows}
            onCopy={copy}
          />
        ))
      ) : (
        <p>{t('share.preparing')}</p>
      )}
      <p className="podscope-share__note">{t('share.elementNote')}</p>
      <p role="status" className="podscope-share__status">
        {status}
      </p>
    </dialog>
  );
}

function SnippetField(props: {
  label: string;
  copyLabel: string;
  value: string;
  rows: number;
  onCopy: (text: string, field: HTMLTextAreaElement | null) => void;
}) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  return (
    <div className="podscope-share__field">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        ref={field}
        readOnly
        rows={props.rows}
        value={props.value}
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
      />
      <button
        type="button"
        className="podscope-btn"
        aria-label={`${props.copyLabel}: ${props.label}`}
        onClick={() => props.onCopy(props.value, field.current)}
      >
        {props.copyLabel}
      </button>
    </div>
  );
}
