/**
 * `mountPodscope(element, options)`: the one way a Podscope instance comes to life — the full
 * app, the iframe embed and the `<pod-scope>` element all go through here. Each call creates
 * its own simulation client (a Web Worker, or the same-thread fallback), its own store and its
 * own React root; `destroy()` undoes all of it. Nothing global is written.
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  I18nProvider,
  isLocaleReady,
  loadLocale,
  matchLocale,
  type AnyLocale,
} from '../i18n/index.ts';
import { createPodscopeStore, type PodscopeStore } from '../store/createPodscopeStore.ts';
import { StoreProvider, usePodscope } from '../store/StoreProvider.tsx';
import { App } from '../views/App.tsx';
import { createSimClient, type Transport } from '../worker/client.ts';
import type { Run } from '../worker/protocol.ts';
import { EmbedContext, type EmbedOptions } from './EmbedContext.tsx';
import { createGatedClient } from './gatedClient.ts';
import { createNoticeList, Notices, type Notice, type NoticeList } from './Notices.tsx';
import { PANEL_IDS, type PanelId, type Theme } from './params.ts';
import { defaultRun, scenarioDuration, scenarioRun, scenarioRunNow } from './scenarios.ts';
import { ShareButton } from './ShareButton.tsx';
import { watchVisibility } from './visibility.ts';

export interface MountOptions {
  /** A whole run (a share link's); wins over `manifest` and `scenario`. */
  run?: Run;
  /** A manifest (YAML text), run with seed 1 and no actions; wins over `scenario`. */
  manifest?: string;
  /** A scenario id (`default` when absent; an unknown id shows a notice and the default). */
  scenario?: string;
  /** Simulated ms to open at (paused unless `autoplay`). */
  atMs?: number;
  lang?: AnyLocale;
  autoplay?: boolean;
  /** With autoplay: start again at the scenario's end instead of stopping with Replay. */
  loop?: boolean;
  /** Open in presenter mode (`?present=1`). */
  present?: boolean;
  speed?: number;
  theme?: Theme;
  /** Panels shown; undefined = all. */
  panels?: readonly PanelId[];
  /** Embed mode: the app's chrome hidden, fitted to the frame, playback controls kept. */
  embed?: boolean;
  /** Enables the postMessage API for this host-page origin (exact). */
  hostOrigin?: string;
  /** Where host API replies go (default `window.parent`). */
  hostWindow?: { postMessage(message: unknown, targetOrigin: string): void };
  /** Messages to show above the app (e.g. a damaged share link). */
  notices?: readonly Notice[];
  /** Force the same-thread engine (default: a worker, falling back when it cannot start). */
  transport?: Transport;
  /** Start the engine at once instead of when the element first becomes visible. */
  eager?: boolean;
  /** The app's address for share links (default: this page without query and fragment). */
  appUrl?: string;
}

export interface PodscopeMount {
  store: PodscopeStore;
  destroy(): void;
}

/** The run to open with now; a gallery scenario is loaded after (`pending`). */
function resolveRun(o: MountOptions): { run: Run; pending?: string } {
  if (o.run) return { run: o.run };
  if (o.manifest !== undefined) return { run: { manifest: o.manifest, seed: 1, actions: [] } };
  if (o.scenario !== undefined) {
    const run = scenarioRunNow(o.scenario);
    return run ? { run } : { run: defaultRun(), pending: o.scenario };
  }
  return { run: defaultRun() };
}

/** With `panels=` naming logs or yaml but not kubectl, the kubectl column opens on that tab. */
function firstKubectlPanel(panels: readonly PanelId[] | undefined): {
  openPanel?: 'logs' | 'yaml';
} {
  if (!panels || panels.includes('kubectl')) return {};
  const tab = panels.find((p): p is 'logs' | 'yaml' => p === 'logs' || p === 'yaml');
  return tab ? { openPanel: tab } : {};
}

function defaultLocale(): AnyLocale {
  return matchLocale(typeof navigator === 'undefined' ? [] : navigator.languages);
}

/** Classes of the shell around the app: embed mode, theme, hidden panels. */
export function shellClasses(embed: boolean, panels: readonly PanelId[] | undefined): string {
  const classes = ['podscope-shell'];
  if (embed) classes.push('podscope-root--embed');
  if (panels)
    for (const id of PANEL_IDS) if (!panels.includes(id)) classes.push(`podscope-hide--${id}`);
  return classes.join(' ');
}

function Shell({
  options,
  notices,
  children,
}: {
  options: EmbedOptions;
  notices: NoticeList;
  children: ReactNode;
}) {
  const locale = usePodscope((s) => s.locale);
  const theme = usePodscope((s) => s.theme);
  return (
    <I18nProvider locale={locale}>
      <div
        className={shellClasses(options.embed, options.panels)}
        data-theme={theme}
        lang={locale === 'pseudo' ? 'en' : locale}
        data-panels={options.panels?.join(' ')}
      >
        <Notices list={notices} />
        {children}
      </div>
    </I18nProvider>
  );
}

export function mountPodscope(element: HTMLElement, options: MountOptions = {}): PodscopeMount {
  const notices = createNoticeList(options.notices);
  const { run, pending } = resolveRun(options);
  const transport = options.transport;
  const client = createGatedClient(() =>
    createSimClient(transport === undefined ? {} : { transport }),
  );
  const load = {
    ...(options.autoplay ? { autoplay: true } : {}),
    ...(options.atMs ? { atMs: options.atMs } : {}),
    ...(options.speed !== undefined ? { speed: options.speed } : {}),
  };
  const locale = options.lang ?? defaultLocale();
  // The language's first-screen texts are fetched before the first render (in parallel with the
  // worker's start), so nothing shows in the wrong language and a page loads only its own.
  const localeLoading = loadLocale(locale);
  const store = createPodscopeStore(client, run, {
    ui: {
      locale,
      theme: options.theme ?? 'auto',
      ...firstKubectlPanel(options.panels),
    },
    load,
  });
  let destroyed = false;
  if (pending !== undefined) {
    // The engine waits for the scenario, so the default run is never started for nothing.
    const release = client.hold();
    void scenarioRun(pending)
      .then((found) => {
        if (destroyed) return;
        if (found) store.getState().load(found, load);
        else notices.push({ key: 'notice.unknownScenario', params: { id: pending } });
      })
      .catch(() => notices.push({ key: 'notice.unknownScenario', params: { id: pending } }))
      .finally(release);
  }

  const stopWatching = options.eager
    ? (client.setVisible(true), () => {})
    : watchVisibility(element, (visible) => client.setVisible(visible));

  const stopAutoplayEnd = options.autoplay ? watchAutoplayEnd(store, options) : () => {};

  let detachHost = () => {};
  if (options.hostOrigin) {
    const target = options.hostWindow ?? element.ownerDocument.defaultView?.parent;
    const listenOn = element.ownerDocument.defaultView;
    // Only a framed page has a host to talk to (a top-level page would answer itself).
    const origin = options.hostOrigin;
    if (target && listenOn && target !== listenOn) {
      const s = () => store.getState();
      // The host API checks manifests (the YAML library and the API server's validation):
      // it loads only for a page that enables it, and posts `ready` once listening.
      const stopResize = postNaturalHeight(element, target, origin);
      let detached = false;
      let detachApi = () => {};
      detachHost = () => {
        detached = true;
        stopResize();
        detachApi();
      };
      void import('./hostApi.ts').then(({ attachHostApi }) => {
        if (detached) return;
        detachApi = attachHostApi({
          origin,
          listenOn,
          target,
          controls: {
            load: (r) => s().load(r),
            play: () => s().play(),
            pause: () => s().pause(),
            setSpeed: (v) => s().setSpeed(v),
            seek: (ms) => s().seek(ms),
            dispatch: (a) => s().dispatch(a),
            currentRun: () => s().run,
            exportView: (format) =>
              import('../views/export/exportView.ts').then((m) => m.exportView(element, format)),
          },
          onSimMessage: (l) => client.onMessage(l),
          onRunChange: (l) =>
            store.subscribe((next, prev) => {
              if (next.run.manifest !== prev.run.manifest || next.run.seed !== prev.run.seed) l();
            }),
        });
      });
    }
  }

  const embedOptions: EmbedOptions = {
    embed: options.embed ?? false,
    ...(options.panels ? { panels: options.panels } : {}),
    appUrl: options.appUrl ?? '',
  };
  // One element for the instance's life: the header is memoized on its props.
  const headerActions = embedOptions.embed ? undefined : <ShareButton />;
  const root = createRoot(element);
  const render = () => {
    if (destroyed) return;
    root.render(
      <StrictMode>
        <StoreProvider store={store}>
          <EmbedContext.Provider value={embedOptions}>
            <Shell options={embedOptions} notices={notices}>
              <App
                noLearn={embedOptions.embed}
                headerActions={headerActions}
                present={options.present ?? false}
                embedded={embedOptions.embed}
              />
            </Shell>
          </EmbedContext.Provider>
        </StoreProvider>
      </StrictMode>,
    );
  };
  // Not loadable (offline): render anyway, the missing texts fall back to English.
  if (isLocaleReady(locale)) render();
  else void localeLoading.then(render, render);

  return {
    store,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      detachHost();
      stopAutoplayEnd();
      stopWatching();
      root.unmount();
      store.dispose();
    },
  };
}

/**
 * Autoplay stops at the scenario's `durationMs` (the controls then offer Replay) or, with
 * `loop`, starts again from 0:00. A run given as a manifest or a share link has no end.
 */
function watchAutoplayEnd(store: PodscopeStore, options: MountOptions): () => void {
  if (options.run || options.manifest !== undefined) return () => {};
  let end: number | undefined;
  let stopped = false;
  void scenarioDuration(options.scenario ?? 'default').then((ms) => {
    if (!stopped) end = ms;
  });
  let fired = false;
  const unsubscribe = store.subscribe((next) => {
    const f = next.frame;
    if (end === undefined || !f) return;
    if (f.nowMs < end) fired = false;
    if (fired || !f.playing || f.nowMs < end) return;
    fired = true;
    if (options.loop) {
      next.seek(0);
      next.play();
    } else {
      next.pause();
      next.setEnded(true);
    }
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}

/**
 * Cross-origin auto-height: posts `{ source: 'podscope', type: 'resize', height }` to the
 * allowed origin (never '*') whenever the content's natural height changes, debounced.
 */
function postNaturalHeight(
  element: HTMLElement,
  target: { postMessage(message: unknown, targetOrigin: string): void },
  origin: string,
): () => void {
  const View = element.ownerDocument.defaultView;
  if (!View || typeof View.ResizeObserver !== 'function') return () => {};
  let last = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const measure = () => {
    timer = undefined;
    const root = element.querySelector<HTMLElement>('.podscope-root');
    const height = Math.ceil(
      Math.max(element.scrollHeight, root ? naturalHeight(root, element) : 0),
    );
    if (height === last || height === 0) return;
    last = height;
    target.postMessage({ source: 'podscope', type: 'resize', height }, origin);
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(measure, 150);
  };
  const observer = new View.ResizeObserver(schedule);
  observer.observe(element);
  const mo = new View.MutationObserver(schedule);
  mo.observe(element, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['class'],
  });
  schedule();
  return () => {
    observer.disconnect();
    mo.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** The height the instance needs: its root's scrolling content plus what sits above it. */
function naturalHeight(root: HTMLElement, element: HTMLElement): number {
  const above = root.getBoundingClientRect().top - element.getBoundingClientRect().top;
  return above + root.scrollHeight;
}
