/**
 * The embed URL parameters of `index.html` (`?embed=1&scenario=…&lang=…&autoplay=1&speed=N&
 * theme=…&panels=…&origin=…`): parsed, validated and written back. Pure; nothing here reads
 * `window`. An invalid value is dropped (its default applies) and reported in `warnings`.
 */
import { MAX_SPEED, MIN_SPEED } from '../worker/protocol.ts';
import type { AnyLocale } from '../i18n/index.ts';

export { MAX_SPEED, MIN_SPEED };

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Panels a host can ask for with `panels=a,b`. The ids name the areas of the pod view; the view
 * shows only those listed (the playback controls are always kept).
 */
export const PANEL_IDS = ['anatomy', 'timeline', 'kubectl', 'events', 'logs', 'yaml'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** What a mount can be told from the outside (URL, element attributes, share link). */
export interface EmbedParams {
  /** Hide the app's chrome and fit the frame. */
  embed: boolean;
  scenario?: string;
  lang?: AnyLocale;
  autoplay: boolean;
  /** With autoplay: loop at the scenario's end (`loop=1`) instead of stopping with Replay. */
  loop?: boolean;
  /** Open in presenter mode (`present=1`). */
  present?: boolean;
  speed?: number;
  theme: Theme;
  /** undefined = every panel. */
  panels?: PanelId[];
  /** The host page allowed to drive the frame over postMessage (exact origin). */
  origin?: string;
  /** Human-readable notes about ignored parameters (logged by the caller). */
  warnings: string[];
}

const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** `1`, `true`, `yes` or a bare flag (`?embed`) are on; `0`, `false`, `no` are off. */
export function parseFlag(value: string | null): boolean | undefined {
  if (value === null) return undefined;
  const v = value.trim().toLowerCase();
  if (v === '' || v === '1' || v === 'true' || v === 'yes') return true;
  if (v === '0' || v === 'false' || v === 'no') return false;
  return undefined;
}

/**
 * `en` or `zh-CN` (case-insensitive). `pseudo` is also accepted: a test locale that wraps every
 * UI string in ⟦…⟧ so untranslated text stands out.
 */
export function parseLang(value: string | null): AnyLocale | undefined {
  if (value === null) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'en') return 'en';
  if (v === 'zh-cn') return 'zh-CN';
  if (v === 'pseudo') return 'pseudo';
  return undefined;
}

/** A playback speed; values outside MIN_SPEED…MAX_SPEED are clamped, non-numbers refused. */
export function parseSpeed(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, n));
}

export function parseTheme(value: string | null): Theme | undefined {
  const v = value?.trim().toLowerCase();
  return (THEMES as readonly string[]).includes(v ?? '') ? (v as Theme) : undefined;
}

export function isPanelId(value: string): value is PanelId {
  return (PANEL_IDS as readonly string[]).includes(value);
}

/** Returns the known panel ids in the order given (duplicates dropped) and the unknown ones. */
export function parsePanels(value: string | null): { panels?: PanelId[]; unknown: string[] } {
  if (value === null) return { unknown: [] };
  const panels: PanelId[] = [];
  const unknown: string[] = [];
  for (const raw of value.split(',')) {
    const id = raw.trim().toLowerCase();
    if (id === '') continue;
    if (isPanelId(id)) {
      if (!panels.includes(id)) panels.push(id);
    } else unknown.push(raw.trim());
  }
  return { panels, unknown };
}

/**
 * An origin such as `https://docs.example.com` (scheme, host, optional port; no path, no
 * trailing data). Returns it in canonical form, or undefined when it is not exactly an origin.
 */
export function parseOrigin(value: string | null): string | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password || url.search || url.hash) return undefined;
  if (url.pathname !== '/' || !(v === url.origin || v === `${url.origin}/`)) return undefined;
  return url.origin;
}

export function parseEmbedParams(search: string | URLSearchParams): EmbedParams {
  const q = typeof search === 'string' ? new URLSearchParams(search) : search;
  const warnings: string[] = [];
  const warn = (name: string, value: string | null, expected: string) => {
    if (value !== null) warnings.push(`Ignored ${name}=${value}: expected ${expected}.`);
  };

  const embed = parseFlag(q.get('embed'));
  if (embed === undefined) warn('embed', q.get('embed'), '1 or 0');
  const autoplay = parseFlag(q.get('autoplay'));
  if (autoplay === undefined) warn('autoplay', q.get('autoplay'), '1 or 0');

  const loop = parseFlag(q.get('loop'));
  if (loop === undefined) warn('loop', q.get('loop'), '1 or 0');
  const present = parseFlag(q.get('present'));
  if (present === undefined) warn('present', q.get('present'), '1 or 0');

  const scenarioRaw = q.get('scenario');
  const scenario =
    scenarioRaw !== null && SCENARIO_ID.test(scenarioRaw.trim()) ? scenarioRaw.trim() : undefined;
  if (scenario === undefined) warn('scenario', scenarioRaw, 'a scenario id such as default');

  const lang = parseLang(q.get('lang'));
  if (lang === undefined) warn('lang', q.get('lang'), 'en or zh-CN');

  const speed = parseSpeed(q.get('speed'));
  if (speed === undefined)
    warn('speed', q.get('speed'), `a number from ${MIN_SPEED} to ${MAX_SPEED}`);

  const theme = parseTheme(q.get('theme'));
  if (theme === undefined) warn('theme', q.get('theme'), 'light, dark or auto');

  const { panels, unknown } = parsePanels(q.get('panels'));
  if (unknown.length > 0)
    warnings.push(
      `Ignored unknown panels ${unknown.join(', ')}: known are ${PANEL_IDS.join(', ')}.`,
    );

  const origin = parseOrigin(q.get('origin'));
  if (origin === undefined)
    warn('origin', q.get('origin'), 'an origin such as https://example.com');

  const params: EmbedParams = {
    embed: embed ?? false,
    autoplay: autoplay ?? false,
    theme: theme ?? 'auto',
    warnings,
  };
  if (loop) params.loop = true;
  if (present) params.present = true;
  if (scenario !== undefined) params.scenario = scenario;
  if (lang !== undefined) params.lang = lang;
  if (speed !== undefined) params.speed = speed;
  if (panels !== undefined) params.panels = panels;
  if (origin !== undefined) params.origin = origin;
  return params;
}

/** Writes options back as a query string (without `?`), in a stable order, defaults omitted. */
export function formatEmbedParams(p: Partial<Omit<EmbedParams, 'warnings'>>): string {
  const q = new URLSearchParams();
  if (p.embed) q.set('embed', '1');
  if (p.scenario) q.set('scenario', p.scenario);
  if (p.lang) q.set('lang', p.lang);
  if (p.autoplay) q.set('autoplay', '1');
  if (p.loop) q.set('loop', '1');
  if (p.present) q.set('present', '1');
  if (p.speed !== undefined && p.speed !== 1) q.set('speed', String(p.speed));
  if (p.theme && p.theme !== 'auto') q.set('theme', p.theme);
  if (p.panels) q.set('panels', p.panels.join(','));
  if (p.origin) q.set('origin', p.origin);
  return q.toString();
}
