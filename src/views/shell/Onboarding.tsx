/**
 * Onboarding: the first-run hint ("Press Play — or pick a story") and the `?` key help.
 *
 * The hint shows until it is dismissed or the run is first played (then it is remembered in
 * localStorage, when the browser keeps it). In an embed it shows only while the instance has
 * focus or the pointer is over it, so a page with several frames is not covered in hints. It sits
 * in a row of its own (the learning bar) or over the timeline's axis — never over the diagram.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import { useT } from '../../i18n/index.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';
import '../../styles/onboarding.css';
import { hintDismissed, rememberHintDismissed } from './firstRun.ts';

export interface FirstRun {
  shown: boolean;
  dismiss(): void;
}

/** Whether the instance has focus or the pointer over it (for embeds). */
function useActive(root: RefObject<HTMLElement | null>, enabled: boolean): boolean {
  const [over, setOver] = useState(false);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    const el = root.current;
    if (!el || !enabled) return;
    const enter = () => setOver(true);
    const leave = () => setOver(false);
    const focusIn = () => setFocused(true);
    const focusOut = (e: FocusEvent) => {
      if (!el.contains(e.relatedTarget as Node | null)) setFocused(false);
    };
    el.addEventListener('pointerenter', enter);
    el.addEventListener('pointerleave', leave);
    el.addEventListener('focusin', focusIn);
    el.addEventListener('focusout', focusOut);
    return () => {
      el.removeEventListener('pointerenter', enter);
      el.removeEventListener('pointerleave', leave);
      el.removeEventListener('focusin', focusIn);
      el.removeEventListener('focusout', focusOut);
    };
  }, [root, enabled]);
  return over || focused;
}

export function useFirstRun(
  root: RefObject<HTMLElement | null>,
  opts: { embedded: boolean; presenting: boolean },
): FirstRun {
  const [dismissed, setDismissed] = useState(() => hintDismissed());
  const ready = usePodscope((s) => s.isReady);
  const started = usePodscope((s) => !!s.frame && (s.frame.playing || s.frame.nowMs > 0));
  const playing = usePodscope((s) => !!s.frame?.playing);
  const active = useActive(root, opts.embedded);
  const dismiss = useCallback(() => {
    setDismissed(true);
    rememberHintDismissed();
  }, []);
  // Playing is what the hint asks for: once done, it is not needed again.
  useEffect(() => {
    if (playing && !dismissed) dismiss();
  }, [playing, dismissed, dismiss]);
  const shown = ready && !dismissed && !started && !opts.presenting && (!opts.embedded || active);
  return { shown, dismiss };
}

/** The hint; `withStories` when the Scenarios button is there to point at. */
export function FirstRunHint({
  firstRun,
  withStories,
}: {
  firstRun: FirstRun;
  withStories: boolean;
}) {
  const t = useT();
  if (!firstRun.shown) return null;
  return (
    // A landmark of its own (axe: all content in landmarks); the note inside names it.
    <aside
      className={`podscope-hint ${withStories ? 'podscope-hint--bar' : 'podscope-hint--float'}`}
    >
      <div className="podscope-hint-body" role="note" aria-label={t('hint.label')}>
        <span className="podscope-hint-text">
          {withStories ? t('hint.playOrStory') : t('hint.play')}
        </span>
        <span className="podscope-hint-keys podscope-keyhint">{t('hint.keys')}</span>
        <button
          type="button"
          className="podscope-btn podscope-btn--small podscope-hint-close"
          onClick={firstRun.dismiss}
        >
          {t('hint.dismiss')}
        </button>
      </div>
    </aside>
  );
}
