import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import type { AnyLocale, Locale } from './catalogues.ts';
import type { MessageKey } from './en.ts';
import { catalogue } from './load.ts';

export type { MessageKey, Messages } from './en.ts';
export { LOCALES, type AnyLocale, type Locale, type Part } from './catalogues.ts';
export { isLocaleReady, loadLocale, loadMessages, withMessages } from './load.ts';

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * Texts of `locale` as loaded (`loadLocale`, `loadMessages`): the views render a locale only
 * once it is ready, so the English and bare-key fallbacks only show a key nobody loaded.
 */
export function translator(locale: AnyLocale): Translate {
  const en = catalogue('en');
  if (locale === 'pseudo') return (key, params) => `⟦${fill(en[key] ?? key, params)}⟧`;
  const messages = catalogue(locale);
  return (key, params) => fill(messages[key] ?? en[key] ?? key, params);
}

/** Picks a supported locale from a list such as `navigator.languages`. */
export function matchLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function isLocale(value: unknown): value is AnyLocale {
  return value === 'en' || value === 'zh-CN' || value === 'pseudo';
}

const I18nContext = createContext<{ locale: AnyLocale; t: Translate }>({
  locale: 'en',
  t: translator('en'),
});

/** Provides a locale to one mounted instance; writes nothing to the document. */
export function I18nProvider({ locale, children }: { locale: AnyLocale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return createElement(I18nContext.Provider, { value }, children);
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}

export function useLocale(): AnyLocale {
  return useContext(I18nContext).locale;
}
