import { lazy, Suspense, useState } from 'react';
import { useLocale } from '../i18n/index.ts';
import { embedText } from './messages.ts';

/** The dialog (the link encoder and the snippets) loads when the button is first used. */
const loadDialog = () => import('./ShareDialog.tsx');
const ShareDialog = lazy(() => loadDialog().then((m) => ({ default: m.ShareDialog })));

/** The header's Share / Embed button; it opens `ShareDialog`. */
export function ShareButton() {
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <button
        type="button"
        className="podscope-btn podscope-share-button"
        aria-haspopup="dialog"
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        <span className="podscope-phone-only" aria-hidden="true">
          {embedText(locale, 'share.buttonShort')}
        </span>
        <span className="podscope-phone-sr">{embedText(locale, 'share.button')}</span>
      </button>
      {used && (
        <Suspense fallback={null}>
          <ShareDialog open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
