/** The `?` key help: a modal listing every shortcut of this instance (loaded when opened). */
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { shortcutRows, type ShortcutRow } from './firstRun.ts';

/** A control's name as the help lists it: its text without signs and key caps. */
function controlLabel(el: HTMLElement): string {
  const aria = el.getAttribute('aria-label');
  if (aria) return aria;
  const copy = el.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[aria-hidden="true"], kbd').forEach((n) => n.remove());
  return copy.textContent ?? '';
}

function readControls(root: HTMLElement | null): { key: string; label: string }[] {
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>('[data-shortcut]')].map((el) => ({
    key: el.dataset.shortcut ?? '',
    label: controlLabel(el),
  }));
}

const FIXED: { keys: string[]; label: MessageKey }[] = [
  { keys: ['Space'], label: 'help.space' },
  { keys: ['M'], label: 'help.present' },
  { keys: ['?'], label: 'help.help' },
  { keys: ['Esc'], label: 'help.escape' },
];
const PRESENTER: { keys: string[]; label: MessageKey }[] = [
  { keys: ['PageDown', '.', '→'], label: 'help.presentNext' },
  { keys: ['PageUp', ',', '←'], label: 'help.presentPrevious' },
  { keys: ['B'], label: 'help.presentBlank' },
  { keys: ['Esc'], label: 'help.presentLeave' },
];

function Rows({ rows }: { rows: ShortcutRow[] }) {
  return (
    <dl className="podscope-help-list">
      {rows.map((r) => (
        <div key={`${r.keys.join()}-${r.label}`} className="podscope-help-row">
          <dt>
            {r.keys.map((k, i) => (
              <span key={k}>
                {i > 0 && ' / '}
                <kbd className="podscope-help-key">{k}</kbd>
              </span>
            ))}
          </dt>
          <dd>{r.label}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The `?` key help: every shortcut of this instance, in a modal dialog. */
export function KeyHelp({
  root,
  onClose,
}: {
  root: RefObject<HTMLElement | null>;
  onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  // Read once, when opened: the controls on the page now (the dialog hides nothing of them).
  const [rows] = useState(() =>
    shortcutRows(
      readControls(root.current),
      FIXED.map((f) => ({ keys: f.keys, label: t(f.label) })),
    ),
  );
  const presenter = PRESENTER.map((f) => ({ keys: f.keys, label: t(f.label) }));
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
    return () => d?.close?.();
  }, []);
  return (
    <dialog
      ref={ref}
      role="dialog"
      className="podscope-dialog podscope-help"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="podscope-dialog-head">
        <h2 id={`${id}-title`}>{t('help.title')}</h2>
        <button type="button" className="podscope-btn" onClick={onClose} autoFocus>
          {t('help.close')}
        </button>
      </header>
      <div className="podscope-help-body">
        <p className="podscope-help-note">{t('help.note')}</p>
        <Rows rows={rows} />
        <h3>{t('help.presenter')}</h3>
        <Rows rows={presenter} />
      </div>
    </dialog>
  );
}
