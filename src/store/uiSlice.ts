/**
 * The UI slice: what the user looks at, never lifecycle state (the engine owns that).
 * Shared with the view engineer: add fields here as the views need them.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AnyLocale } from '../i18n/catalogues.ts';
import { isLocaleReady, loadLocale } from '../i18n/load.ts';

export type Theme = 'light' | 'dark' | 'auto';

/** Panels of the pod view (matches the embed `panels=` ids). */
export type PanelId = 'anatomy' | 'timeline' | 'kubectl' | 'events' | 'logs' | 'yaml';

export interface UiSlice {
  selectedPod: string | undefined;
  selectedContainer: string | undefined;
  openPanel: PanelId | undefined;
  theme: Theme;
  locale: AnyLocale;
  /** In the compact layouts, whether the kubectl drawer shows its panel (its tabs always show). */
  drawerOpen: boolean;
  setDrawerOpen(open: boolean): void;
  /** Autoplay reached the scenario's end and stopped (the controls offer Replay). */
  ended: boolean;
  setEnded(ended: boolean): void;
  /** Selects a pod (and optionally one of its containers); undefined clears. */
  select(pod: string | undefined, container?: string): void;
  setOpenPanel(panel: PanelId | undefined): void;
  setTheme(theme: Theme): void;
  /**
   * Switches the language once its texts are loaded (at once when they are): until then the
   * instance keeps showing the current one. The last call wins.
   */
  setLocale(locale: AnyLocale): void;
}

export interface UiInit {
  theme?: Theme;
  locale?: AnyLocale;
  openPanel?: PanelId;
}

export function createUiSlice<S extends UiSlice>(
  init: UiInit = {},
): StateCreator<S, [], [], UiSlice> {
  let latest = init.locale ?? 'en';
  return (set) => ({
    selectedPod: undefined,
    selectedContainer: undefined,
    openPanel: init.openPanel,
    theme: init.theme ?? 'auto',
    locale: init.locale ?? 'en',
    // A panel asked for by the embed (`panel=logs`) is shown open.
    drawerOpen: init.openPanel !== undefined,
    setDrawerOpen: (drawerOpen) => set({ drawerOpen } as Partial<S>),
    ended: false,
    setEnded: (ended) => set({ ended } as Partial<S>),
    select: (pod, container) =>
      set({ selectedPod: pod, selectedContainer: pod ? container : undefined } as Partial<S>),
    setOpenPanel: (openPanel) => set({ openPanel } as Partial<S>),
    setTheme: (theme) => set({ theme } as Partial<S>),
    setLocale: (locale) => {
      latest = locale;
      const loading = loadLocale(locale);
      if (isLocaleReady(locale)) return set({ locale } as Partial<S>);
      loading.then(
        () => {
          if (latest === locale) set({ locale } as Partial<S>);
        },
        () => {}, // not reachable (offline): the current language stays
      );
    },
  });
}
