import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { I18nProvider, translator as translatorFor, useT } from '../i18n/index.ts';
import { usePodscope } from '../store/StoreProvider.tsx';
import { LiveRegion } from './a11y/LiveRegion.tsx';
import { Anatomy } from './anatomy/Anatomy.tsx';
import { PlaybackControls } from './controls/PlaybackControls.tsx';
import { FaultBar } from './faults/FaultBar.tsx';
import { LearnBar } from './lessons/LearnBar.tsx';
import { Motion } from './motion.tsx';
import { Header } from './shell/Header.tsx';
import { LayoutContext, useLayoutOf } from './shell/layoutMode.ts';
import { spacePlays } from './shell/firstRun.ts';
import { FirstRunHint, useFirstRun } from './shell/Onboarding.tsx';
import { usePresenter } from './shell/Presenter.tsx';
import { TimelineChart } from './timeline/TimelineChart.tsx';
import { LayerContext } from './ui/layer.ts';

// The kubectl panels carry kubectl's printers (and a YAML serializer): they load right after
// first paint, in their own chunk, to keep the first load small.
// The `?` key help loads when first opened.
const PresenterBar = lazy(() =>
  import('./shell/PresenterBar.tsx').then((m) => ({ default: m.PresenterBar })),
);
const KeyHelp = lazy(() => import('./shell/KeyHelp.tsx').then((m) => ({ default: m.KeyHelp })));

const KubectlPanels = lazy(() =>
  import('./panels/KubectlPanels.tsx').then((m) => ({ default: m.KubectlPanels })),
);

export interface AppSlots {
  /** Replaces the kubectl panels (get pods -w, describe, logs, YAML). */
  panels?: ReactNode;
  /** Replaces the timeline chart. */
  timeline?: ReactNode;
  /** Hides the learning tools (gallery, lessons, editor, compare), e.g. in a small embed. */
  noLearn?: boolean;
  /** Extra header buttons (the Share / Embed button); keep the element stable, Header is memo. */
  headerActions?: ReactNode;
  /** Opens in presenter mode (`?present=1`). */
  present?: boolean;
  /** An embed (iframe `?embed=1`, `<pod-scope>`): the first-run hint only while in use. */
  embedded?: boolean;
}

/**
 * The pod view: header, the anatomy as the hero, the kubectl column, and the playback bar with
 * faults and the timeline. Everything is scoped under `.podscope-root`; nothing touches
 * <html> or <body>.
 */
export function App({
  panels,
  timeline,
  noLearn,
  headerActions,
  present,
  embedded,
}: AppSlots = {}) {
  const locale = usePodscope((s) => s.locale);
  const theme = usePodscope((s) => s.theme);
  const [layer, setLayer] = useState<HTMLElement | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [rootEl, setRootEl] = useState<HTMLDivElement | null>(null);
  const layout = useLayoutOf(rootEl);
  const drawerOpen = usePodscope((s) => s.drawerOpen);
  const setRoot = useCallback((el: HTMLDivElement | null) => {
    rootRef.current = el;
    setRootEl(el);
  }, []);
  const presenter = usePresenter(rootRef, present ?? false);
  const t = translatorFor(locale);
  const firstRun = useFirstRun(rootRef, {
    embedded: embedded ?? false,
    presenting: presenter.active,
  });
  const [help, setHelp] = useState(false);
  const helpReturn = useRef<HTMLElement | null>(null);
  const openHelp = useCallback(() => {
    const root = rootRef.current;
    const active = (root?.getRootNode() as Document | ShadowRoot | undefined)?.activeElement;
    helpReturn.current = active instanceof HTMLElement ? active : root;
    setHelp(true);
  }, []);
  const closeHelp = useCallback(() => {
    setHelp(false);
    // The dialog leaves the page: focus goes back where it was (or to the instance).
    requestAnimationFrame(() => {
      const back = helpReturn.current;
      (back?.isConnected ? back : rootRef.current)?.focus();
    });
  }, []);
  const onKey = useCallback(
    (e: KeyboardEvent | React.KeyboardEvent) => {
      // A modal dialog keeps its keys (Escape closes it, not presenter mode).
      if ((e.target as HTMLElement).closest?.('dialog, [role="dialog"]')) return;
      if (presenter.onKey(e)) return;
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target)) {
        e.preventDefault();
        openHelp();
        return;
      }
      onShortcut(e, rootRef.current);
    },
    [presenter, openHelp],
  );
  // Shortcuts also work while the pointer is over the instance (never page-global).
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let over = false;
    const enter = () => (over = true);
    const leave = () => (over = false);
    const onDocKey = (e: KeyboardEvent) => {
      if (!over || root.contains(e.target as Node)) return;
      const active = root.ownerDocument.activeElement;
      if (active && active !== root.ownerDocument.body) return;
      onKey(e);
    };
    root.addEventListener('pointerenter', enter);
    root.addEventListener('pointerleave', leave);
    root.ownerDocument.addEventListener('keydown', onDocKey);
    return () => {
      root.removeEventListener('pointerenter', enter);
      root.removeEventListener('pointerleave', leave);
      root.ownerDocument.removeEventListener('keydown', onDocKey);
    };
  }, [onKey]);
  return (
    <I18nProvider locale={locale}>
      <div
        ref={setRoot}
        tabIndex={-1}
        className={presenter.className}
        data-layout={layout.mode}
        data-short={layout.short || undefined}
        data-drawer={layout.mode === 'wide' ? undefined : drawerOpen ? 'open' : 'closed'}
        data-theme={theme}
        data-contrast={presenter.contrast ? 'high' : undefined}
        data-first-run={firstRun.shown || undefined}
        lang={locale === 'pseudo' ? 'en' : locale}
        onKeyDown={onKey}
      >
        <LayoutContext.Provider value={layout}>
          <LayerContext.Provider value={layer}>
            <Motion>
              <Header actions={headerActions} onPresent={presenter.enter} onHelp={openHelp} />
              {presenter.active && (
                <Suspense fallback={null}>
                  <PresenterBar presenter={presenter} />
                </Suspense>
              )}
              {!noLearn && <LearnBar hint={<FirstRunHint firstRun={firstRun} withStories />} />}
              <ErrorBanner />
              <main className="podscope-main">
                <Anatomy />
                <div className="podscope-side">
                  {panels ?? (
                    <Suspense fallback={<p className="podscope-slot">{t('app.panelsLoading')}</p>}>
                      <KubectlPanels />
                    </Suspense>
                  )}
                </div>
              </main>
              <footer className="podscope-bottom">
                <PlaybackControls />
                <FaultBar />
                <div className="podscope-timeline-slot">
                  {noLearn && <FirstRunHint firstRun={firstRun} withStories={false} />}
                  {timeline ?? <TimelineChart />}
                </div>
              </footer>
              <LiveRegion />
              {help && (
                <Suspense fallback={null}>
                  <KeyHelp root={rootRef} onClose={closeHelp} />
                </Suspense>
              )}
            </Motion>
          </LayerContext.Provider>
        </LayoutContext.Provider>
        <div className="podscope-layer" ref={setLayer} />
      </div>
    </I18nProvider>
  );
}

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) ||
    el.isContentEditable ||
    !!el.closest('.cm-editor'));

/**
 * One-key shortcuts: a control that declares `data-shortcut="k"` is clicked when K is pressed
 * anywhere in this instance, except while typing or inside a popover (which has its own keys).
 * Space plays/pauses unless the focused element uses Space itself (a button is still clicked).
 */
function onShortcut(e: KeyboardEvent | React.KeyboardEvent, root: HTMLElement | null) {
  if (!root || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  const target = e.target as HTMLElement;
  if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || target.isContentEditable) return;
  if (target.closest('.podscope-popover, [role="dialog"], [role="menu"], .cm-editor')) return;
  if (e.key === ' ') {
    if (e.shiftKey || !spacePlays(focusInfo(target, root))) return;
    const play = root.querySelector<HTMLButtonElement>('[data-shortcut="p"]:not(:disabled)');
    if (!play) return;
    e.preventDefault();
    play.click();
    return;
  }
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const control = root.querySelector<HTMLButtonElement>(
    `[data-shortcut="${CSS.escape(key)}"]:not(:disabled)`,
  );
  if (!control) return;
  e.preventDefault();
  control.click();
}

/** What Space would do on `el` (the instance's root and the page's body have no use for it). */
function focusInfo(el: HTMLElement, root: HTMLElement) {
  const own = el !== root && el !== el.ownerDocument.body;
  return {
    tagName: own ? el.tagName : 'DIV',
    role: own ? el.getAttribute('role') : null,
    editable: el.isContentEditable,
    scrollable: own && el.tabIndex >= 0 && el.scrollHeight > el.clientHeight + 1,
  };
}

function ErrorBanner() {
  const t = useT();
  const error = usePodscope((s) => s.error);
  const restart = usePodscope((s) => s.restart);
  const dismiss = usePodscope((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="podscope-error" role="alert">
      <span>{t('app.error', { message: error.message })}</span>
      {error.fatal ? (
        <button type="button" className="podscope-btn podscope-btn--small" onClick={restart}>
          {t('app.errorRestart')}
        </button>
      ) : (
        <button type="button" className="podscope-btn podscope-btn--small" onClick={dismiss}>
          {t('app.dismiss')}
        </button>
      )}
    </div>
  );
}
